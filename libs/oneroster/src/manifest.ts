import { parseCsv } from './csv';
import type { IssueList } from './issues';
import type { FileMode, OneRosterBundle, OneRosterVersion } from './types';

export interface Manifest {
  readonly version: OneRosterVersion;
  /** Mode per file name (e.g. `users.csv`), as the manifest states it; unlisted files are absent. */
  readonly modes: Readonly<Record<string, FileMode>>;
}

const MODES: readonly FileMode[] = ['bulk', 'delta', 'absent'];

/**
 * Reads `manifest.csv` (`propertyName,value`): `oneroster.version` and one `file.<name>` entry per file.
 * Returns null when there is no usable manifest.
 */
export function readManifest(bundle: OneRosterBundle, issues: IssueList): Manifest | null {
  const file = 'manifest.csv';
  const text = bundle.files[file];
  if (text === undefined) {
    issues.error(
      'MISSING_MANIFEST',
      file,
      null,
      'the bundle has no manifest.csv, so it is not clear which files are bulk, delta or absent',
      'export a OneRoster 1.1 or 1.2 CSV bundle; manifest.csv is required',
    );
    return null;
  }
  const table = parseCsv(file, text, issues);
  if (!table) return null;
  for (const column of ['propertyName', 'value'])
    if (!table.columns.includes(column)) {
      issues.error(
        'MISSING_COLUMN',
        file,
        1,
        `manifest.csv has no "${column}" column`,
        'the header is propertyName,value',
      );
      return null;
    }
  const props = new Map<string, { value: string; line: number }>();
  for (const row of table.rows)
    props.set(row.values['propertyName'], { value: row.values['value'], line: row.line });

  let version: OneRosterVersion = '1.1';
  const v = props.get('oneroster.version');
  if (v?.value === '1.1' || v?.value === '1.2') version = v.value;
  else
    issues.warning(
      'MANIFEST_INVALID',
      file,
      v?.line ?? null,
      v
        ? `unsupported oneroster.version "${v.value}"; read as 1.1`
        : 'manifest.csv has no oneroster.version; read as 1.1',
      'set oneroster.version to 1.1 or 1.2',
    );

  const modes: Record<string, FileMode> = {};
  for (const [key, { value, line }] of props) {
    if (!key.startsWith('file.')) continue;
    const name = `${key.slice('file.'.length)}.csv`;
    const mode = value.toLowerCase() as FileMode;
    if (!MODES.includes(mode)) {
      issues.error(
        'MANIFEST_INVALID',
        file,
        line,
        `${key} is "${value}"; the file is not read`,
        'use bulk, delta or absent',
      );
      modes[name] = 'absent';
      continue;
    }
    modes[name] = mode;
  }
  return { version, modes };
}
