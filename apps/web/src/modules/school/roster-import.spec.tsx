import axe from 'axe-core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { importRunRow, ZERO_COUNTS } from '../district/district-fixtures';
import { renderApp, signedInAs, viewer } from '../../testing/render-app';
import type { ImportAnswer } from '../district/components/roster-import-api';

const PRINCIPAL = viewer({
  id: 'u-p',
  kind: 'staff',
  displayName: 'Pat Kim',
  roles: ['school_admin'],
  home: '/school',
});

function dryRun(overrides: Partial<ImportAnswer> = {}): ImportAnswer {
  return {
    runId: null,
    dryRun: true,
    mode: 'all-or-nothing',
    status: 'dry-run',
    counts: {
      created: { ...ZERO_COUNTS, classes: 1, students: 2, enrollments: 2 },
      updated: ZERO_COUNTS,
      deactivated: ZERO_COUNTS,
      errors: 0,
      warnings: 2,
      files: ['classes.csv', 'enrollments.csv', 'orgs.csv', 'users.csv'],
    },
    issues: [
      {
        severity: 'warning',
        code: 'OUTSIDE_SCOPE',
        file: 'orgs.csv',
        line: 2,
        sourcedId: 'gc-district',
        message: 'outside your school: not imported',
      },
      {
        severity: 'warning',
        code: 'OUTSIDE_SCOPE',
        file: 'users.csv',
        line: 4,
        sourcedId: 'palm-s-zoe',
        message: 'outside your school: not imported',
      },
    ],
    notes: [],
    createdStudents: [],
    ...overrides,
  };
}

const schoolImportRuns = () => ({
  data: {
    schoolImportRuns: [
      importRunRow({
        fileName: 'bayside.zip',
        mode: 'all-or-nothing',
        startedByName: 'Pat Kim',
        errorCount: 0,
        warningCount: 3,
        students: 2,
      }),
    ],
  },
});

describe('school rostering page', () => {
  let fetchMock: jest.Mock;
  beforeEach(() => {
    fetchMock = jest.fn();
    global.fetch = fetchMock;
  });

  function respond(body: unknown, status = 200) {
    fetchMock.mockResolvedValueOnce({ ok: status < 400, status, json: () => Promise.resolve(body) });
  }

  async function open() {
    renderApp('/school/rostering', { Me: signedInAs(PRINCIPAL), SchoolImportRuns: schoolImportRuns });
    expect(await screen.findByRole('heading', { level: 1, name: 'Rostering' })).toBeTruthy();
  }

  async function check() {
    const zip = new File([new Uint8Array([80, 75, 3, 4])], 'bayside.zip', { type: 'application/zip' });
    fireEvent.change(screen.getByLabelText('OneRoster zip file'), { target: { files: [zip] } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    await screen.findByRole('heading', { name: '2. What would change' });
  }

  it('is in the school nav and says only the school’s rows are imported; lists the school’s imports', async () => {
    await open();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Rostering' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByText(/Only the rows about your school are imported/).textContent).toContain(
      'nothing outside your school is removed',
    );
    const table = await screen.findByRole('table', { name: 'Recent imports, newest first' });
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('bayside.zip');
  });

  it('checks and applies through the school route, and shows the rows outside the school', async () => {
    await open();
    respond(dryRun());
    await check();
    const [url] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/imports/oneroster/school?mode=all-or-nothing&dryRun=true&fileName=bayside.zip');
    expect(
      screen.getByText('2 rows are outside your school: they are listed below and will not be imported.'),
    ).toBeTruthy();
    const issues = screen.getByRole('table', { name: 'Issues by file and line' });
    expect(within(issues).getAllByRole('row')[2]!.textContent).toBe(
      'Warningusers.csv4outside your school: not imported',
    );

    respond(dryRun({ dryRun: false, status: 'applied', runId: 'r-2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply the import' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(fetchMock.mock.calls[1]![0]).toBe(
      '/imports/oneroster/school?mode=all-or-nothing&dryRun=false&fileName=bayside.zip',
    );
  });

  it('says a school admin is needed when the server refuses the caller', async () => {
    await open();
    respond({ statusCode: 404, message: 'School was not found.' }, 404);
    const zip = new File(['PK'], 'x.zip', { type: 'application/zip' });
    fireEvent.change(screen.getByLabelText('OneRoster zip file'), { target: { files: [zip] } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Only school administrators may import their school’s roster. Sign in again if your session ended.',
    );
  });

  it('has no axe violations with the dry run open', async () => {
    await open();
    respond(dryRun());
    await check();
    const result = await axe.run(screen.getByRole('main'), {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
