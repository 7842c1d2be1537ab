import { parseCsv, splitMulti } from './csv';
import { IssueList } from './issues';

function parse(text: string) {
  const issues = new IssueList();
  const table = parseCsv('users.csv', text, issues);
  return { table, issues: issues.toIssues() };
}

describe('parseCsv', () => {
  it('strips a byte-order mark so the first column is found', () => {
    const { table } = parse('\uFEFFsourcedId,grades\nu1,07\n');
    expect(table?.columns).toEqual(['sourcedId', 'grades']);
    expect(table?.rows[0].values['sourcedId']).toBe('u1');
  });

  it('reads CRLF files and gives each row the line it starts on (header = 1)', () => {
    const { table } = parse('sourcedId,note,grades\r\nu1,"two\r\nlines",07\r\n\r\nu2,,"09,10,11"\r\n');
    expect(table?.rows.map((r) => [r.line, r.values['sourcedId']])).toEqual([
      [2, 'u1'],
      [5, 'u2'],
    ]);
    expect(table?.rows[1].values['grades']).toBe('09,10,11');
    expect(table?.rows[1].values['note']).toBe('');
  });

  it('reports rows with the wrong number of fields at their line', () => {
    const { table, issues } = parse('sourcedId,grades\nu1,09,10\nu2,07');
    expect(table?.rows.map((r) => r.values['sourcedId'])).toEqual(['u2']);
    expect(issues.errors).toEqual([
      expect.objectContaining({ code: 'COLUMN_COUNT', file: 'users.csv', line: 2 }),
    ]);
  });

  it('reports an unclosed quote at the line where it opens', () => {
    const { table, issues } = parse('sourcedId,name\nu1,Amy\nu2,"Bo\nu3,Cy\n');
    expect(table).toBeNull();
    expect(issues.errors).toEqual([expect.objectContaining({ code: 'CSV_SYNTAX', line: 3 })]);
  });

  it('keeps quotes written as two quotes', () => {
    expect(parse('sourcedId,name\nc1,"Health ""A"""\n').table?.rows[0].values['name']).toBe('Health "A"');
  });
});

describe('splitMulti', () => {
  it('splits quoted multi-value fields', () => {
    expect(splitMulti('09,10,11')).toEqual(['09', '10', '11']);
    expect(splitMulti(' t1 , t2 ,')).toEqual(['t1', 't2']);
    expect(splitMulti('')).toEqual([]);
  });
});
