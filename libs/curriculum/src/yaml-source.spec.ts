import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { parseYamlSource } from './yaml-source';

const curricula = join(__dirname, '../../../curricula');

function shippedYamlFiles(): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) visit(join(dir, e.name));
      else if (e.name.endsWith('.yaml')) out.push(join(dir, e.name));
    }
  };
  visit(curricula);
  return out;
}

describe('parseYamlSource', () => {
  it('reads every shipped YAML file exactly as the `yaml` document API does', () => {
    const files = shippedYamlFiles();
    expect(files.length).toBeGreaterThan(15);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(parseYamlSource(text).data).toEqual(parseDocument(text, { uniqueKeys: true }).toJS());
    }
  });

  it('keeps YAML 1.2 core scalars: dates and yes/no stay strings, numbers and booleans are typed', () => {
    const s = parseYamlSource('date: 2024-05-01\nanswer: yes\nok: true\nn: 0x1F\nv: 1.0.0\nempty:\n');
    expect(s.data).toEqual({ date: '2024-05-01', answer: 'yes', ok: true, n: 31, v: '1.0.0', empty: null });
  });

  it('locates values and keys lazily, with the line offset applied', () => {
    const s = parseYamlSource('a: 1\nlist:\n  - x\n  - "quoted"\n', 10);
    expect(s.locate(['list', 1])).toEqual({ line: 14, column: 5 });
    expect(s.locate(['list'], { key: true })).toEqual({ line: 12, column: 1 });
    expect(s.locateText(['list', 1])).toEqual({ line: 14, column: 6 });
    expect(s.locate(['missing', 'deeper'])).toEqual({ line: 11, column: 1 });
  });

  it('reports syntax errors and duplicate keys with positions, and no data', () => {
    const bad = parseYamlSource('a: [1, 2\nb: 3\n');
    expect(bad.data).toBeUndefined();
    expect(bad.syntaxErrors.length).toBeGreaterThan(0);
    const dup = parseYamlSource('a: 1\na: 2\n');
    expect(dup.data).toBeUndefined();
    expect(dup.syntaxErrors[0]!.pos).toEqual({ line: 2, column: 1 });
  });

  it('reads an empty document as null', () => {
    expect(parseYamlSource('').data).toBeNull();
  });
});
