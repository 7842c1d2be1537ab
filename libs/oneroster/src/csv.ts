import { CsvError, parse } from 'csv-parse/sync';
import type { IssueList } from './issues';

/** One data row: its CSV line (header = line 1) and its values by column name, trimmed, '' when empty. */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface CsvTable {
  readonly file: string;
  readonly columns: readonly string[];
  readonly rows: readonly CsvRow[];
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/**
 * Parses one OneRoster CSV file. Handles a UTF-8 byte-order mark, CRLF or CR line ends, quoted fields (with
 * commas and line breaks), blank lines and rows with too few or too many fields. Returns null (and reports an
 * error) when the file cannot be parsed at all.
 */
export function parseCsv(file: string, text: string, issues: IssueList): CsvTable | null {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let records: ParsedRecord[];
  try {
    records = parse(normalised, {
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (e) {
    if (e instanceof CsvError) {
      const line =
        e.code === 'CSV_QUOTE_NOT_CLOSED'
          ? openQuoteLine(normalised)
          : typeof e.lines === 'number' && e.lines > 0
            ? e.lines
            : null;
      issues.error(
        'CSV_SYNTAX',
        file,
        line,
        `${file} is not valid CSV: ${e.message}`,
        'check for an unclosed double quote; a quote inside a field is written as two quotes ("")',
      );
      return null;
    }
    throw e;
  }
  if (records.length === 0) {
    issues.error(
      'MISSING_COLUMN',
      file,
      1,
      `${file} is empty: it has no header row`,
      'export the file again',
    );
    return null;
  }
  const [header, ...data] = records.map((r) => ({ line: startLine(r), cells: r.record }));
  const columns = header.cells.map((c) => c.trim());
  const rows: CsvRow[] = [];
  for (const { line, cells } of data) {
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length !== columns.length) {
      issues.error(
        'COLUMN_COUNT',
        file,
        line,
        `row has ${cells.length} fields but the header has ${columns.length}`,
        'quote values that contain commas, e.g. "09,10,11"',
      );
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((c, i) => (values[c] = cells[i].trim()));
    rows.push({ line, values });
  }
  return { file, columns, rows };
}

/** The line of the double quote that is never closed (a doubled quote "" toggles twice and so is ignored). */
function openQuoteLine(text: string): number {
  let line = 1;
  let opened = 1;
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '\n') line++;
    else if (ch === '"') {
      inQuotes = !inQuotes;
      if (inQuotes) opened = line;
    }
  }
  return opened;
}

/** csv-parse reports the line a record ends on; the raw text tells how many lines it spans. */
function startLine(r: ParsedRecord): number {
  const body = r.raw.replace(/^\n+/, '').replace(/\n$/, '');
  const spanned = body.split('\n').length - 1;
  return r.info.lines - spanned;
}

/** Splits a OneRoster multi-value field (`"09,10,11"`) into trimmed, non-empty values. */
export function splitMulti(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
