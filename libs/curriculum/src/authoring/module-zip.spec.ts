import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { listModuleDirs, readModuleFiles } from '../load-module';
import { fixture } from '../test-fixtures';
import { MODULE_ZIP_MAX_FILES, packModuleZip, unpackModuleZip } from './module-zip';

const root = join(__dirname, '../../../../curricula');
const zipOf = (entries: Record<string, string | Uint8Array>): Uint8Array =>
  zipSync(
    Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])),
  );

describe('packModuleZip / unpackModuleZip', () => {
  it('round-trips every shipped module byte for byte, under a top folder named after the module', async () => {
    for (const dir of await listModuleDirs(root)) {
      const files = await readModuleFiles(dir);
      const id = dir.split('/').pop()!;
      const zip = packModuleZip(id, files);
      expect(Object.keys(unzipSync(zip))).toEqual(
        Object.keys(files)
          .sort()
          .map((p) => `${id}/${p}`),
      );
      expect(unpackModuleZip(zip)).toEqual(files);
    }
  });

  it('is deterministic: the same files give the same bytes, whatever their order', () => {
    const files = fixture();
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    const a = packModuleZip('fixture', files);
    expect(Buffer.from(packModuleZip('fixture', reversed)).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(packModuleZip('fixture', files)).equals(Buffer.from(a))).toBe(true);
    // DOS date 1980-01-01 00:00 in the first local header (offset 10: time, 12: date).
    expect([a[10], a[11], a[12], a[13]]).toEqual([0, 0, 0x21, 0]);
  });

  it('accepts files at the root and keeps non-ASCII text and paths', () => {
    const files = { 'module.yaml': 'id: x\n', 'lessons/a.es.md': '¿Qué? — ñ\n', 'README.md': '# x' };
    expect(unpackModuleZip(zipOf(files))).toEqual(files);
    expect(unpackModuleZip(zipOf({ 'top/module.yaml': 'a', 'top/café.md': 'b' }))).toEqual({
      'module.yaml': 'a',
      'café.md': 'b',
    });
  });

  it('ignores folders, dot-files and __MACOSX/', () => {
    const zip = zipSync({
      'm/': new Uint8Array(0),
      'm/module.yaml': strToU8('a'),
      'm/.DS_Store': strToU8('junk'),
      'm/.git/config': strToU8('junk'),
      '__MACOSX/m/._module.yaml': strToU8('junk'),
    });
    expect(unpackModuleZip(zip)).toEqual({ 'module.yaml': 'a' });
  });

  it('rejects unsafe paths, non-UTF-8 text, too many files and too many bytes with a clear message', () => {
    expect(() => unpackModuleZip(zipOf({ 'm/../evil.yaml': 'x' }))).toThrow(
      'unsafe path in zip: "m/../evil.yaml" contains ".."',
    );
    expect(() => unpackModuleZip(zipOf({ '/etc/passwd': 'x' }))).toThrow('is absolute');
    expect(() => unpackModuleZip(zipOf({ 'C:/x.md': 'x' }))).toThrow('is absolute');
    expect(() => unpackModuleZip(zipOf({ 'm\\module.yaml': 'x' }))).toThrow('contains a backslash');
    expect(() => unpackModuleZip(zipOf({ 'm/module.yaml': new Uint8Array([0x66, 0xff, 0xfe]) }))).toThrow(
      '"m/module.yaml" is not UTF-8 text',
    );
    const many = Object.fromEntries(
      Array.from({ length: MODULE_ZIP_MAX_FILES + 1 }, (_, i) => [`m/f${i}.md`, 'x']),
    );
    expect(() => unpackModuleZip(zipOf(many))).toThrow('more than 500 files');
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61);
    expect(() => unpackModuleZip(zipOf({ 'm/big.md': big }))).toThrow('more than 5 MB');
    expect(() => unpackModuleZip(strToU8('not a zip'))).toThrow('not a readable zip file');
    expect(() => packModuleZip('m', { '../x': 'y' })).toThrow('not a safe relative path');
  });
});
