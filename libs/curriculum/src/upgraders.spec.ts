import { gradesFromV1, upgradeToCurrent, UPGRADERS } from './upgraders';
import { CURRENT_SCHEMA_VERSION } from './schemas';
import { parseModule } from './parse';
import { validateModule } from './validate';
import { fixture } from './test-fixtures';

describe('upgraders', () => {
  it('has a step for every version below the current one, for every file kind', () => {
    for (const chain of Object.values(UPGRADERS)) expect(chain).toHaveLength(CURRENT_SCHEMA_VERSION - 1);
  });

  it('turns v1 grade ranges into integer lists', () => {
    expect(gradesFromV1('6-8')).toEqual([6, 7, 8]);
    expect(gradesFromV1('K-2')).toEqual([0, 1, 2]);
    expect(gradesFromV1('9 - 12')).toEqual([9, 10, 11, 12]);
    expect(gradesFromV1('K')).toEqual([0]);
    expect(gradesFromV1(7)).toEqual([7]);
    expect(gradesFromV1('8-6')).toBe('8-6'); // left for the schema to reject
    expect(gradesFromV1([6, 7])).toEqual([6, 7]);
  });

  it('upgrades a v1 module: grades string → array, band derived when absent', () => {
    const r = upgradeToCurrent('module', { schemaVersion: 1, id: 'm', grades: '3-5' });
    expect(r).toEqual({
      ok: true,
      fromVersion: 1,
      data: { schemaVersion: 2, id: 'm', grades: [3, 4, 5], gradeBand: '3-5' },
    });
  });

  it('upgrades v1 scenarios (goto → next), assessments (mc/tf) and lessons (duration → minutes)', () => {
    const s = upgradeToCurrent('scenario', {
      schemaVersion: 1,
      nodes: [{ id: 'a', choices: [{ id: 'c', goto: 'b' }] }],
    });
    expect(s.ok && s.data['nodes']).toEqual([{ id: 'a', choices: [{ id: 'c', next: 'b' }] }]);
    const a = upgradeToCurrent('assessment', {
      schemaVersion: 1,
      items: [{ type: 'mc' }, { type: 'tf' }, { type: 'likert' }],
    });
    expect(a.ok && a.data['items']).toEqual([
      { type: 'multiple-choice' },
      { type: 'true-false' },
      { type: 'likert' },
    ]);
    const l = upgradeToCurrent('lesson', { schemaVersion: 1, duration: '30 min' });
    expect(l.ok && l.data).toEqual({ schemaVersion: 2, minutes: 30 });
  });

  it('leaves current files alone and refuses missing or unknown versions', () => {
    const d = { schemaVersion: 2, id: 'x' };
    expect(upgradeToCurrent('module', d)).toEqual({ ok: true, data: d, fromVersion: 2 });
    expect(upgradeToCurrent('module', { id: 'x' })).toEqual({
      ok: false,
      reason: 'missing',
      found: undefined,
    });
    expect(upgradeToCurrent('module', { schemaVersion: 3 })).toEqual({
      ok: false,
      reason: 'unsupported',
      found: 3,
    });
    expect(upgradeToCurrent('module', { schemaVersion: '2' })).toEqual({
      ok: false,
      reason: 'unsupported',
      found: '2',
    });
  });

  it('validates a v1 module folder end to end after upgrading it', () => {
    const files = fixture({
      'module.yaml': (t) =>
        t.replace('schemaVersion: 2', 'schemaVersion: 1').replace('grades: [6, 7, 8]', 'grades: "6-8"'),
      'scenarios/asking-for-help.yaml': (t) =>
        t.replace('schemaVersion: 2', 'schemaVersion: 1').replace(/next:/g, 'goto:'),
    });
    const parsed = parseModule(files);
    expect(validateModule(parsed).errors).toEqual([]);
    expect(parsed.manifest?.fromVersion).toBe(1);
    expect(parsed.manifest?.data?.grades).toEqual([6, 7, 8]);
    expect(parsed.scenarios[0]?.data?.nodes[0]?.choices[0]?.next).toBe('helped');
  });
});
