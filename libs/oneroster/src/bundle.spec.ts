import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { bundleFromZip } from './bundle';
import { readBundle } from './read-bundle';
import { readRoster } from './read-roster';
import { fixturePath } from './test-fixtures';

function zipOf(folder: string, prefix = ''): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(folder)) files[`${prefix}${name}`] = readFileSync(join(folder, name));
  return zipSync(files);
}

describe('bundles', () => {
  it.each(['v1p1', 'v1p2', 'broken-v1p1'])('a zip of %s reads exactly like the folder', (name) => {
    const folder = fixturePath(name);
    expect(readRoster(bundleFromZip(zipOf(folder)))).toEqual(readRoster(readBundle(folder)));
  });

  it('reads a zip whose files sit in one folder, ignoring macOS metadata', () => {
    const folder = fixturePath('v1p1');
    const files: Record<string, Uint8Array> = {
      '__MACOSX/roster/._users.csv': new Uint8Array([0, 1, 2]),
      'roster/README.txt': new TextEncoder().encode('not a csv'),
    };
    for (const name of readdirSync(folder)) files[`roster/${name}`] = readFileSync(join(folder, name));
    expect(readRoster(bundleFromZip(zipSync(files)))).toEqual(readRoster(readBundle(folder)));
  });

  it('readBundle reads a zip file from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oneroster-'));
    const path = join(dir, 'roster.zip');
    writeFileSync(path, zipOf(fixturePath('v1p2')));
    expect(readRoster(readBundle(path)).roster).toEqual(readRoster(readBundle(fixturePath('v1p2'))).roster);
  });

  it('keeps the BOM of a zipped file from breaking the header', () => {
    const bundle = bundleFromZip(zipOf(fixturePath('v1p1')));
    expect(readRoster(bundle).roster.students).toHaveLength(5);
  });
});
