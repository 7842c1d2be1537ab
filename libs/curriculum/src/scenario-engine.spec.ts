import { join } from 'node:path';
import {
  availableChoices,
  choose,
  start,
  summary,
  type EngineScenario,
  type ScenarioState,
} from '@haven/scenario-engine';
import { compileModule, type CompiledScenario } from './compile';
import { listModuleDirs, loadModule } from './load-module';
import { parseModule } from './parse';
import { fixture } from './test-fixtures';
import { validateModule } from './validate';

// Type test: a compiled scenario is an engine scenario (fails `tsc` if the shapes drift apart).
const asEngineScenario = (s: CompiledScenario): EngineScenario => s;

/** Every state reachable by available choices (breadth-first, bounded), keyed by node and variables. */
function reachable(sc: CompiledScenario, limit = 5000): ScenarioState[] {
  const seen = new Map<string, ScenarioState>();
  const queue = [start(sc)];
  while (queue.length > 0 && seen.size < limit) {
    const s = queue.shift()!;
    const key = `${s.nodeId} ${JSON.stringify(s.variables)} ${summary(s).soughtHelp}`;
    if (seen.has(key)) continue;
    seen.set(key, s);
    for (const c of availableChoices(sc, s)) queue.push(choose(sc, s, c.id).state);
  }
  return [...seen.values()];
}

describe('compiled scenarios run in @haven/scenario-engine', () => {
  it('the scaffolded module’s scenarios start and can reach an ending', () => {
    const version = compileModule(parseModule(fixture(), { basePath: 'fixture' }));
    expect(version.scenarios.length).toBeGreaterThan(0);
    for (const sc of version.scenarios) {
      expect(start(asEngineScenario(sc)).nodeId).toBe(sc.start);
      expect(reachable(sc).some((s) => s.ended)).toBe(true);
    }
  });

  // Module validity is curricula.spec.ts's job; here, every module that validates is played.
  it('every scenario of a valid module in curricula/ reaches an ending, and a protective one along a help path', async () => {
    let played = 0;
    for (const dir of await listModuleDirs(join(__dirname, '../../../curricula'))) {
      const parsed = await loadModule(dir);
      if (validateModule(parsed).errors.length > 0) continue;
      for (const sc of compileModule(parsed).scenarios) {
        played++;
        const endings = reachable(sc).filter((s) => s.ended);
        expect({ scenario: sc.id, reachesEnding: endings.length > 0 }).toEqual({
          scenario: sc.id,
          reachesEnding: true,
        });
        expect({
          scenario: sc.id,
          helpPathToProtectiveEnding: endings.some(
            (s) => summary(s).soughtHelp && s.ending?.outcome === 'protective',
          ),
        }).toEqual({ scenario: sc.id, helpPathToProtectiveEnding: true });
      }
    }
    expect(played).toBeGreaterThan(0);
  });
});
