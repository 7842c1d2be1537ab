/** The OneRoster import route (`POST /imports/oneroster`) as the web app uses it. */

export type ImportMode = 'all-or-nothing' | 'valid-rows';

export const ENTITY_KINDS = ['schools', 'classes', 'students', 'staff', 'enrollments'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export type KindCounts = Record<EntityKind, number>;

export interface RosterIssue {
  severity: 'error' | 'warning';
  code: string;
  file: string;
  /** CSV line, the header being line 1; null for a whole file. */
  line: number | null;
  message: string;
  hint?: string;
  sourcedId?: string;
}

export interface CreatedStudent {
  username: string;
  displayName: string;
  school: string;
  schoolName: string;
  initialPin: string;
}

export interface ImportAnswer {
  runId: string | null;
  dryRun: boolean;
  mode: ImportMode;
  status: 'applied' | 'unchanged' | 'rejected' | 'dry-run';
  counts: {
    created: KindCounts;
    updated: KindCounts;
    deactivated: KindCounts;
    errors: number;
    warnings: number;
    files: string[];
  };
  issues: RosterIssue[];
  notes: string[];
  createdStudents: CreatedStudent[];
}

/** A refusal the server explained (bad zip, too large, not allowed), or a network failure (message null). */
export class ImportFailure extends Error {
  constructor(
    readonly status: number,
    readonly serverMessage: string | null,
  ) {
    super(serverMessage ?? `HTTP ${status}`);
  }
}

/** Sends the zip; a dry run writes nothing. */
/** District: the whole district's roster; school: a school admin's own school(s) only. */
export type ImportScope = 'district' | 'school';

/** The issue code of a row a school admin's import leaves alone (another school, the district). */
export const OUTSIDE_SCOPE = 'OUTSIDE_SCOPE';

export async function postImport(
  zip: Blob,
  options: { mode: ImportMode; dryRun: boolean; fileName: string; scope?: ImportScope },
): Promise<ImportAnswer> {
  const query = new URLSearchParams({
    mode: options.mode,
    dryRun: String(options.dryRun),
    fileName: options.fileName,
  });
  let res: Response;
  try {
    const path = options.scope === 'school' ? '/imports/oneroster/school' : '/imports/oneroster';
    res = await fetch(`${path}?${query.toString()}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/zip', 'X-Haven-CSRF': '1' },
      body: zip,
    });
  } catch {
    throw new ImportFailure(0, null);
  }
  const body = (await res.json().catch(() => null)) as
    (ImportAnswer & { message?: string | string[] }) | null;
  if (!res.ok || !body?.counts) {
    const message = [body?.message].flat().filter(Boolean).join(' ');
    throw new ImportFailure(res.status, message || null);
  }
  return body;
}

/** A CSV field, quoted when needed; a leading =, +, - or @ is neutralised so a spreadsheet never runs it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function pinsCsv(students: readonly CreatedStudent[], header: readonly string[]): string {
  const rows = students.map((s) => [s.schoolName, s.school, s.displayName, s.username, s.initialPin]);
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The CSV files of a chosen folder (the folder's own name dropped), zipped in the browser. */
export async function zipFolder(files: readonly File[]): Promise<Blob | null> {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) {
    const parts = (file.webkitRelativePath || file.name).split('/');
    const path = (parts.length > 1 ? parts.slice(1) : parts).join('/');
    if (!path || path.split('/').some((p) => p.startsWith('.'))) continue;
    if (!/\.csv$/i.test(path)) continue;
    entries[path] = new Uint8Array(await file.arrayBuffer());
  }
  if (!Object.keys(entries).some((p) => /(^|\/)manifest\.csv$/i.test(p))) return null;
  const { zipSync } = await import('fflate');
  return new Blob([zipSync(entries) as BlobPart], { type: 'application/zip' });
}
