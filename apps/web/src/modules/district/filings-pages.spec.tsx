import { screen, within } from '@testing-library/react';
import { DISTRICT_ADMIN, renderApp, signedInAs, type Resolver } from '../../testing/render-app';

const basis = {
  __typename: 'FilingBasis',
  ruleId: 'us-fl',
  filingId: 'implementation-plan',
  title: 'Child trafficking prevention implementation plan',
  citation: 'Rule 6A-1.094124 as amended 2024',
  recipient: 'Florida Department of Education',
  certainty: 'secondary-source',
  evidenceNote: 'The 2024 amendment is known from a secondary summary.',
  ruleNote: 'Re-check against the official rule.',
  reviewedOn: '2026-11-15',
};

const plan: Resolver = () => ({
  data: {
    floridaPlanDraft: {
      __typename: 'FloridaPlanDraft',
      districtName: 'Gulf Coast County Schools',
      schoolYear: '2026-2027',
      planYear: '2027-2028',
      dueOn: '2027-07-01',
      generatedAt: '2026-11-26T12:00:00Z',
      basis,
      grades: [
        { __typename: 'PlanGrade', grade: 0, minutes: 0, modules: [], instructors: [] },
        {
          __typename: 'PlanGrade',
          grade: 7,
          minutes: 170,
          modules: [
            {
              __typename: 'PlanModule',
              moduleId: 'online-safety-6-8',
              title: 'Real Friends, Fake Offers',
              version: '1.1.0',
              licence: 'CC-BY-SA-4.0',
              lessons: 3,
              scenarios: 1,
              assessments: ['pre', 'post'],
              minutes: 170,
              status: 'delivered',
              classes: 1,
            },
          ],
          instructors: [
            {
              __typename: 'PlanInstructor',
              userId: 'u-1',
              displayName: 'Mr. James Okafor',
              trainings: [
                {
                  __typename: 'PlanTraining',
                  courseTitle: 'Mandated reporter training',
                  completedAt: '2026-08-16T00:00:00Z',
                  expiresAt: null,
                },
              ],
            },
          ],
        },
      ],
    },
  },
});

describe('state filings', () => {
  it('lists the state’s filings with deadline and evidence, linking to the draft Haven prepares', async () => {
    renderApp('/district/filings', {
      Me: signedInAs(DISTRICT_ADMIN),
      StateFilings: () => ({
        data: {
          stateFilings: [
            {
              __typename: 'FilingSummary',
              ruleId: 'us-fl',
              filingId: 'implementation-plan',
              title: 'Child trafficking prevention implementation plan',
              description: 'Plan for the coming school year.',
              recipient: 'Florida Department of Education',
              citation: 'Rule 6A-1.094124',
              deadlineKind: 'annual',
              nextDue: '2027-07-01',
              withinHours: null,
              certainty: 'secondary-source',
              evidenceNote: 'Known from a secondary summary.',
              draft: 'fl-implementation-plan',
            },
          ],
        },
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'State filings' })).toBeTruthy();
    expect(await screen.findByText('Jul 1, 2027')).toBeTruthy();
    expect(screen.getByText('Secondary source')).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: 'Open the draft: Child trafficking prevention implementation plan' })
        .getAttribute('href'),
    ).toBe('/district/filings/fl-implementation-plan');
  });

  it('shows the Florida plan per grade as a draft, says where the law is unclear, and offers print and CSV', async () => {
    const { calls } = renderApp('/district/filings/fl-implementation-plan?year=2026-2027', {
      Me: signedInAs(DISTRICT_ADMIN),
      FloridaPlanDraft: plan,
    });
    expect(await screen.findByText('Draft — check before filing.')).toBeTruthy();
    expect(screen.getByText('Where the law is unclear (Secondary source):')).toBeTruthy();
    expect(screen.getByText(/2024 amendment is known from a secondary summary/)).toBeTruthy();
    expect(screen.getByText('2027-2028')).toBeTruthy();
    expect(screen.getByText('Jul 1, 2027')).toBeTruthy();
    const k = screen.getByRole('region', { name: 'Kindergarten' });
    expect(k.textContent).toContain('Nothing assigned to this grade');
    const table = screen.getByRole('table', { name: 'Modules for Grade 7' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('Real Friends, Fake Offers');
    expect(row.textContent).toContain('Version 1.1.0, licence CC-BY-SA-4.0');
    expect(row.textContent).toContain('3 lessons, 1 scenario role-plays, assessments: pre-test, post-test');
    expect(row.textContent).toContain('170');
    expect(row.textContent).toContain('Delivered (1 class)');
    expect(screen.getByText(/Mandated reporter training/).closest('li')?.textContent).toContain(
      'Mr. James Okafor',
    );
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      '/exports/filings/fl-implementation-plan.csv?schoolYear=2026-2027',
    );
    expect(calls.find((c) => c.operationName === 'FloridaPlanDraft')?.variables).toEqual({
      schoolYear: '2026-2027',
    });
  });

  it('says so when the district’s state does not ask for the filing', async () => {
    renderApp('/district/filings/tx-trained-staff', {
      Me: signedInAs(DISTRICT_ADMIN),
      TexasTrainedStaffDraft: () => ({ data: { texasTrainedStaffDraft: null } }),
    });
    expect(await screen.findByText("Your district's state does not ask for this filing.")).toBeTruthy();
  });
});
