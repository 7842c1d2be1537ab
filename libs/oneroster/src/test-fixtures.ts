import { join } from 'node:path';
import { readBundle } from './read-bundle';
import type { OneRosterBundle } from './types';

/** Test helper: the path of a fixture folder under libs/oneroster/fixtures. */
export function fixturePath(name: string): string {
  return join(__dirname, '..', 'fixtures', name);
}

export function fixture(name: string): OneRosterBundle {
  return readBundle(fixturePath(name));
}

/** A copy of a bundle with one file's text changed (or removed with `null`). */
export function withFile(bundle: OneRosterBundle, file: string, text: string | null): OneRosterBundle {
  const files: Record<string, string> = { ...bundle.files };
  if (text === null) delete files[file];
  else files[file] = text;
  return { files };
}

/** A copy of a bundle with `from` replaced by `to` in one file; throws if `from` is not there. */
export function edit(
  bundle: OneRosterBundle,
  file: string,
  from: string | RegExp,
  to: string,
): OneRosterBundle {
  const text = bundle.files[file];
  if (text === undefined || !(typeof from === 'string' ? text.includes(from) : from.test(text)))
    throw new Error(`${file} does not contain ${String(from)}`);
  return withFile(bundle, file, text.replace(from, to));
}

/** `file:line CODE` of every issue, for compact assertions. */
export function where(issues: readonly { file: string; line: number | null; code: string }[]): string[] {
  return issues.map((i) => `${i.file}:${i.line ?? '-'} ${i.code}`);
}
