import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { ModuleFiles } from '../parse';
import { compareStrings } from './document-files';

/** Limits of {@link unpackModuleZip}: a module is a few dozen small text files. */
export const MODULE_ZIP_MAX_FILES = 500;
export const MODULE_ZIP_MAX_BYTES = 5 * 1024 * 1024;

/** An Error whose message says what is wrong with an uploaded or downloaded module zip. */
export class ModuleZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModuleZipError';
  }
}

/**
 * Modification time of every entry. DOS dates start in 1980; the time is given in local components,
 * which is how zip stores it, so the bytes do not depend on the time zone.
 */
const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Packs a module's files as a zip with every file under `<moduleId>/`. Deterministic: entries sorted
 * by path, fixed modification time and compression level, so the same files always give the same
 * bytes (browser-safe).
 */
export function packModuleZip(moduleId: string, files: ModuleFiles): Uint8Array {
  if (!isSafeSegment(moduleId)) throw new Error(`cannot pack module "${moduleId}": not a safe folder name`);
  const entries: Zippable = {};
  for (const path of Object.keys(files).sort(compareStrings)) {
    if (!isSafePath(path)) throw new Error(`cannot pack "${path}": not a safe relative path`);
    entries[`${moduleId}/${path}`] = [strToU8(files[path] ?? ''), { level: 6, mtime: ZIP_MTIME }];
  }
  return zipSync(entries, { level: 6, mtime: ZIP_MTIME });
}

/**
 * Reads a module zip back into files keyed by path relative to the module folder. Accepts the files
 * under one top folder (as {@link packModuleZip} writes them, or as "compress folder" tools do) or at
 * the root (a zip with `module.yaml` at its root is taken as is). Ignores folders, dot-files and
 * `__MACOSX/`. Throws an Error with a message for people when a path is unsafe (`..`, absolute, a
 * backslash), a file is not UTF-8 text, or the zip holds more than {@link MODULE_ZIP_MAX_FILES} files
 * or {@link MODULE_ZIP_MAX_BYTES} bytes uncompressed.
 */
export function unpackModuleZip(bytes: Uint8Array): ModuleFiles {
  let declared = 0;
  let count = 0;
  const ignored = (name: string): boolean =>
    name.endsWith('/') || name.split('/').some((s) => s.startsWith('.') || s === '__MACOSX');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        checkPath(file.name);
        if (ignored(file.name)) return false;
        count++;
        declared += file.originalSize;
        if (count > MODULE_ZIP_MAX_FILES)
          throw new ModuleZipError(
            `the zip holds more than ${MODULE_ZIP_MAX_FILES} files; a module has far fewer`,
          );
        if (declared > MODULE_ZIP_MAX_BYTES) throw tooLarge();
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ModuleZipError) throw e;
    throw new ModuleZipError(`not a readable zip file (${e instanceof Error ? e.message : String(e)})`);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let total = 0;
  const raw: ModuleFiles = {};
  for (const name of Object.keys(entries).sort(compareStrings)) {
    const data = entries[name]!;
    total += data.length;
    if (total > MODULE_ZIP_MAX_BYTES) throw tooLarge();
    try {
      raw[name] = decoder.decode(data);
    } catch {
      throw new ModuleZipError(`"${name}" is not UTF-8 text; module files are UTF-8 Markdown and YAML`);
    }
  }
  const names = Object.keys(raw);
  if ('module.yaml' in raw || names.some((n) => !n.includes('/'))) return raw;
  const tops = new Set(names.map((n) => n.slice(0, n.indexOf('/'))));
  if (tops.size !== 1) return raw;
  const top = [...tops][0]!;
  return Object.fromEntries(names.map((n) => [n.slice(top.length + 1), raw[n]!]));
}

function tooLarge(): ModuleZipError {
  return new ModuleZipError(
    `the zip holds more than ${MODULE_ZIP_MAX_BYTES / 1024 / 1024} MB of files uncompressed`,
  );
}

function checkPath(name: string): void {
  if (name.includes('\\')) throw new ModuleZipError(`unsafe path in zip: "${name}" contains a backslash`);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name))
    throw new ModuleZipError(`unsafe path in zip: "${name}" is absolute`);
  if (name.split('/').some((s) => s === '..'))
    throw new ModuleZipError(`unsafe path in zip: "${name}" contains ".."`);
  if (name.includes('\0')) throw new ModuleZipError(`unsafe path in zip: "${name}" contains a NUL character`);
}

function isSafeSegment(s: string): boolean {
  return s !== '' && s !== '.' && s !== '..' && !/[\\/\0:]/.test(s);
}

function isSafePath(path: string): boolean {
  return path.split('/').every(isSafeSegment) && !/^[A-Za-z]:/.test(path);
}
