import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { importRunRow, ZERO_COUNTS } from './district-fixtures';
import { DISTRICT_ADMIN, renderApp, signedInAs } from '../../testing/render-app';
import { csvField, pinsCsv, type ImportAnswer } from './components/roster-import-api';

function answer(overrides: Partial<ImportAnswer> = {}): ImportAnswer {
  return {
    runId: null,
    dryRun: true,
    mode: 'all-or-nothing',
    status: 'dry-run',
    counts: {
      created: { schools: 1, classes: 1, students: 2, staff: 1, enrollments: 3 },
      updated: ZERO_COUNTS,
      deactivated: { ...ZERO_COUNTS, enrollments: 1 },
      errors: 1,
      warnings: 1,
      files: ['orgs.csv', 'users.csv'],
    },
    issues: [
      {
        severity: 'error',
        code: 'UNKNOWN_GRADE',
        file: 'users.csv',
        line: 4,
        message: 'Grade "9th" is not a OneRoster grade',
        hint: 'Use 09',
      },
      {
        severity: 'warning',
        code: 'PARENT_SKIPPED',
        file: 'users.csv',
        line: null,
        message: '2 parents skipped',
      },
    ],
    notes: ['Family names are not kept.'],
    createdStudents: [],
    ...overrides,
  };
}

const importRuns = () => ({
  data: {
    importRuns: [
      importRunRow({
        fileName: 'fall.zip',
        mode: 'valid-rows',
        startedByName: 'Alex Morgan',
        errorCount: 2,
        warningCount: 0,
        students: 40,
      }),
    ],
  },
});

describe('rostering page', () => {
  let fetchMock: jest.Mock;
  beforeEach(() => {
    fetchMock = jest.fn();
    global.fetch = fetchMock;
  });

  function respond(body: unknown, status = 200) {
    fetchMock.mockResolvedValueOnce({ ok: status < 400, status, json: () => Promise.resolve(body) });
  }

  async function chooseZipAndCheck() {
    renderApp('/district/rostering', { Me: signedInAs(DISTRICT_ADMIN), ImportRuns: importRuns });
    expect(await screen.findByRole('heading', { level: 1, name: 'Rostering' })).toBeTruthy();
    const zip = new File([new Uint8Array([80, 75, 3, 4])], 'fall.zip', { type: 'application/zip' });
    fireEvent.change(screen.getByLabelText('OneRoster zip file'), { target: { files: [zip] } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    await screen.findByRole('heading', { name: '2. What would change' });
  }

  it('shows the import history', async () => {
    renderApp('/district/rostering', { Me: signedInAs(DISTRICT_ADMIN), ImportRuns: importRuns });
    const table = await screen.findByRole('table', { name: 'Recent imports, newest first' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('fall.zip');
    expect(row.textContent).toContain('Alex Morgan');
    expect(row.textContent).toContain('Import the valid rows');
    expect(row.textContent).toContain('Applied');
    expect(row.textContent).toContain('2 errors, 0 warnings');
    expect(screen.getByRole('link', { name: 'Rostering' }).getAttribute('aria-current')).toBe('page');
  });

  it('asks for a file first', async () => {
    renderApp('/district/rostering', { Me: signedInAs(DISTRICT_ADMIN), ImportRuns: importRuns });
    fireEvent.click(await screen.findByRole('button', { name: 'Check the file (dry run)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a zip file or a folder first.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the dry run: counts, every issue with file and line, a filter; all or nothing is blocked by errors', async () => {
    respond(answer());
    await chooseZipAndCheck();
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/imports/oneroster?mode=all-or-nothing&dryRun=true&fileName=fall.zip');
    expect(init.headers).toMatchObject({ 'X-Haven-CSRF': '1', 'Content-Type': 'application/zip' });

    const counts = screen.getByRole('table', { name: 'Records to add, update and remove' });
    const students = within(counts).getByRole('row', { name: /Students/ });
    expect(students.textContent).toBe('Students200');
    expect(within(counts).getByRole('row', { name: /Enrollments/ }).textContent).toBe('Enrollments301');

    const issues = screen.getByRole('table', { name: 'Issues by file and line' });
    const rows = within(issues).getAllByRole('row');
    expect(rows[1]!.textContent).toBe('Errorusers.csv4Grade "9th" is not a OneRoster grade Use 09');
    expect(rows[2]!.textContent).toContain('whole file');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'warning' } });
    expect(within(issues).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('Showing 1 of 2 issues.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Search file, reason or id'), { target: { value: '9th' } });
    expect(screen.getByText('Showing 1 of 2 issues.')).toBeTruthy();

    expect(screen.getByText(/1 error must be fixed in the export/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Apply the import' })).toBeNull();
  });

  it('applies the valid rows and shows the new PINs once, with print and CSV', async () => {
    respond(answer({ mode: 'valid-rows' }));
    await chooseZipAndCheck();
    respond(answer({ mode: 'valid-rows' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Import the valid rows' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(fetchMock.mock.calls[1]![0]).toContain('mode=valid-rows&dryRun=true');
    expect(await screen.findByText('1 row with an error will be skipped.')).toBeTruthy();

    respond(
      answer({
        mode: 'valid-rows',
        dryRun: false,
        status: 'applied',
        runId: 'r-2',
        createdStudents: [
          {
            username: 'zoe',
            displayName: 'Zoe',
            school: 'HARBOR',
            schoolName: 'Harbor Middle',
            initialPin: '042917',
          },
        ],
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Apply the valid rows' }));
    expect(await screen.findByRole('heading', { name: 'Initial PIN of 1 new student' })).toBeTruthy();
    expect(fetchMock.mock.calls[2]![0]).toContain('mode=valid-rows&dryRun=false');
    expect(screen.getByText('Shown only once.')).toBeTruthy();
    expect(screen.getByText(/cannot be shown again/)).toBeTruthy();
    const pins = screen.getByRole('table', { name: /New students’ sign-in details/ });
    expect(within(pins).getAllByRole('row')[1]!.textContent).toBe('Harbor MiddleHARBORZoezoe042917');
    expect(screen.getByRole('button', { name: 'Print the PIN sheet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download the PINs (CSV)' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'I have saved the PINs: close this sheet' }));
    expect(screen.queryByText('042917')).toBeNull();
    expect(screen.getByRole('heading', { name: '1. Choose the export' })).toBeTruthy();
  });

  it('says why the server refused the file', async () => {
    respond({ statusCode: 400, message: 'The file is not a zip of OneRoster CSV files' }, 400);
    renderApp('/district/rostering', { Me: signedInAs(DISTRICT_ADMIN), ImportRuns: importRuns });
    const zip = new File(['nope'], 'x.zip', { type: 'application/zip' });
    fireEvent.change(await screen.findByLabelText('OneRoster zip file'), { target: { files: [zip] } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The import was refused: The file is not a zip of OneRoster CSV files',
    );
  });
});

describe('PIN CSV', () => {
  it('quotes fields and neutralises spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(
      pinsCsv(
        [
          {
            username: 'zoe',
            displayName: 'Zoe',
            school: 'H',
            schoolName: 'Harbor, Middle',
            initialPin: '001234',
          },
        ],
        ['School', 'Code', 'Student', 'Username', 'PIN'],
      ),
    ).toBe('School,Code,Student,Username,PIN\r\n"Harbor, Middle",H,Zoe,zoe,001234\r\n');
  });
});
