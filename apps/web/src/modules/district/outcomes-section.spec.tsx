import { screen, within } from '@testing-library/react';
import { schoolYearOf } from '@haven/domain';
import { DISTRICT_ADMIN, renderApp, signedInAs } from '../../testing/render-app';
import { complianceReport, outcomesReport, staffTraining } from './district-fixtures';

const CURRENT = schoolYearOf(new Date());

describe('outcomes beside delivery', () => {
  it('shows pre → post, gain and pairs per construct, with small groups hidden and explained', async () => {
    const { calls } = renderApp('/district/compliance', {
      Me: signedInAs(DISTRICT_ADMIN),
      ComplianceReport: complianceReport,
      OutcomesReport: outcomesReport,
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Outcomes' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Outcomes at Bayside Secondary School' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Grade and module',
      'Knowledge',
      'Attitudes',
      'Help-seeking intention',
      'Self-efficacy',
      'Felt upsetting',
    ]);
    const rows = within(table).getAllByRole('row');
    const grade7 = within(rows[1]!).getAllByRole('cell');
    expect(within(rows[1]!).getByRole('rowheader').textContent).toBe(
      'Grade 7Staying Safe Online (version 1.0.0)',
    );
    expect(grade7[0]!.textContent).toBe('55.5 → 80Gain: +24.5 pointsPairs: 12');
    expect(grade7[1]!.textContent).toBe('60 → 75Gain: +15 pointsPairs: 12');
    expect(grade7[2]!.textContent).toBe('Hidden (pairs: <5)');
    expect(grade7[3]!.textContent).toContain('Not asked before and after');
    expect(grade7[4]!.textContent).toBe('8.3% of 12');
    const grade10 = within(rows[2]!).getAllByRole('cell');
    expect(grade10[0]!.textContent).toBe('Hidden (pairs: <5)');
    expect(grade10[4]!.textContent).toBe('Hidden (answers: <5)');
    expect(screen.getByText(/fewer than 5 matched pairs/)).toBeTruthy();
    expect(calls.find((c) => c.operationName === 'OutcomesReport')?.variables).toEqual({
      schoolYear: CURRENT,
    });
  });

  it('says when there is nothing to show, and appears on the printable report too', async () => {
    renderApp('/district/report', {
      Me: signedInAs(DISTRICT_ADMIN),
      ComplianceReport: complianceReport,
      StaffTraining: staffTraining,
      OutcomesReport: () => ({
        data: {
          outcomesReport: {
            __typename: 'OutcomesReport',
            districtName: 'Gulf Coast Unified',
            schoolYear: CURRENT,
            generatedAt: '2026-11-26T10:00:00.000Z',
            groups: [],
          },
        },
      }),
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Outcomes' })).toBeTruthy();
    expect(await screen.findByText('No pre and post survey answers yet for this school year.')).toBeTruthy();
  });
});
