import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { bundleFromZip } from './bundle';
import { main } from './cli';
import { fixturePath } from './test-fixtures';

function run(argv: string[], readBundle?: (path: string) => ReturnType<typeof bundleFromZip>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    ...(readBundle ? { readBundle } : {}),
  });
  return { code, out, err };
}

describe('oneroster check', () => {
  it('prints warnings and a summary, and exits 0 for a clean bundle', () => {
    const { code, out } = run(['check', fixturePath('v1p1')]);
    expect(code).toBe(0);
    expect(out).toContain(
      'orgs.csv:4 warning no identifier; students will sign in with school code "HARBOR-ELEMENTARY" (set identifier to the code students should type (3-20 letters, digits or "-"))',
    );
    expect(out).toContain(
      'OneRoster 1.1: would import 2 schools (bulk), 4 classes (bulk), 5 students (bulk), 4 staff (bulk), 10 enrollments (bulk); school years 2026-2027',
    );
    expect(out.some((l) => l.startsWith('note: Students: Haven keeps only username'))).toBe(true);
    expect(out[out.length - 1]).toMatch(/^0 error\(s\), \d+ warning\(s\)$/);
  });

  it('prints each error as file:line and exits 1', () => {
    const { code, out } = run(['check', fixturePath('broken-v1p1')]);
    expect(code).toBe(1);
    expect(out).toContain(
      'classes.csv:3 error grade "9th" is not a OneRoster grade code (grades are KG or 01-12 (also IT, PR, PK, TK, PS, 13, UG, Other); several go in quotes: "09,10")',
    );
    expect(out).toContain(
      'users.csv:10 error email t1@bayside.example.org is already used by the user on line 9 (each staff member has their own email)',
    );
    expect(out[out.length - 1]).toMatch(/^18 error\(s\)/);
  });

  it('checks a zip', () => {
    const folder = fixturePath('v1p2');
    const files: Record<string, Uint8Array> = {};
    for (const name of readdirSync(folder)) files[name] = readFileSync(join(folder, name));
    const zip = zipSync(files);
    const { code, out } = run(['check', 'roster.zip'], () => bundleFromZip(zip));
    expect(code).toBe(0);
    expect(out).toContain(
      'OneRoster 1.2: would import 2 schools (bulk), 2 classes (bulk), 4 students (bulk), 3 staff (bulk), 6 enrollments (bulk); school years 2026-2027',
    );
  });

  it('prints usage and exits 2 without a path, and 2 when the path cannot be read', () => {
    expect(run([])).toEqual({ code: 2, out: [], err: ['usage: oneroster check <folder|zip>'] });
    const missing = run(['check', '/nonexistent/roster.zip']);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toMatch(/^\/nonexistent\/roster.zip: cannot read the bundle/);
  });
});
