import { CONNECTICUT, TEXAS, UTAH } from './rules';
import {
  canDeliver,
  evaluateStaffTraining,
  expiringTrainings,
  isValidOn,
  trainedStaffRoster,
  type StaffMember,
  type TrainingRecord,
} from './training';

const rec = (
  staffId: string,
  trainingId: string,
  completedOn: string,
  expiresOn: string | null = null,
): TrainingRecord => ({
  staffId,
  trainingId,
  completedOn,
  expiresOn,
  source: 'haven',
});

const mod = { moduleId: 'recognising-recruitment', trainings: ['haven-facilitator-basics'] };

describe('training expiry and canDeliver', () => {
  const t = rec('t1', 'haven-facilitator-basics', '2025-08-01', '2027-07-31');
  const teacher = { id: 't1', trainings: [t] };

  it.each([
    ['2025-07-31', false],
    ['2025-08-01', true],
    ['2027-07-31', true],
    ['2027-08-01', false],
  ])('a record completed 2025-08-01, expiring 2027-07-31, is valid on %s: %s', (date, ok) => {
    expect(isValidOn(t, date)).toBe(ok);
    expect(canDeliver(teacher, mod, date).ok).toBe(ok);
  });

  it('says why a facilitator may not deliver, and how to fix it', () => {
    const expired = canDeliver(teacher, mod, '2027-09-01');
    expect(expired).toMatchObject({
      ok: false,
      missing: [{ trainingId: 'haven-facilitator-basics', reason: 'expired', expiredOn: '2027-07-31' }],
    });
    expect(!expired.ok && expired.message).toMatch(/renew/);
    const never = canDeliver({ id: 't2', trainings: [] }, mod, '2026-09-01');
    expect(never).toMatchObject({ ok: false, missing: [{ reason: 'never-completed' }] });
    expect(canDeliver(teacher, mod, '2025-07-01')).toMatchObject({
      ok: false,
      missing: [{ reason: 'not-yet-completed' }],
    });
  });

  it('a renewal counts; modules without requirements are open to all; every required training is needed', () => {
    const renewed = {
      id: 't1',
      trainings: [t, rec('t1', 'haven-facilitator-basics', '2027-07-15', '2029-07-31')],
    };
    expect(canDeliver(renewed, mod, '2028-01-01').ok).toBe(true);
    expect(canDeliver({ id: 'x', trainings: [] }, { trainings: [] }, '2026-09-01').ok).toBe(true);
    const two = { trainings: ['haven-facilitator-basics', 'mandated-reporter'] };
    expect(canDeliver(teacher, two, '2026-09-01')).toMatchObject({
      ok: false,
      missing: [{ trainingId: 'mandated-reporter' }],
    });
  });
});

describe('staff training against the rules', () => {
  const staff: StaffMember[] = [
    { id: 'new', name: 'Nadia New', categories: ['instructor'], hiredOn: '2026-09-01', trainings: [] },
    { id: 'late', name: 'Liam Late', categories: ['instructor'], hiredOn: '2025-01-10', trainings: [] },
    {
      id: 'done',
      name: 'Dana Done',
      categories: ['counselor'],
      hiredOn: '2020-08-01',
      trainings: [rec('done', 'trafficking-awareness-staff', '2020-08-03')],
    },
    {
      id: 'sup',
      name: 'Sam Super',
      categories: ['superintendent'],
      hiredOn: '2015-07-01',
      trainings: [rec('sup', 'trafficking-awareness-staff', '2021-06-01')],
    },
  ];

  it('Texas: new employees on hire, superintendents 2.5 h every 5 years', () => {
    const r = evaluateStaffTraining([TEXAS], staff, '2026-09-01');
    const status = (id: string, req: string) =>
      r.find((x) => x.staffId === id && x.requirementId === req)!.status;
    expect(status('new', 'new-employee-orientation')).toBe('due'); // hired today: orientation is on hire
    expect(status('late', 'new-employee-orientation')).toBe('overdue');
    expect(status('done', 'new-employee-orientation')).toBe('compliant');
    expect(status('sup', 'superintendent')).toBe('overdue'); // 2021-06-01 + 5 years < 2026-09-01
    expect(r.find((x) => x.staffId === 'new' && x.requirementId === 'superintendent')).toBeUndefined();
    const r2 = evaluateStaffTraining([TEXAS], staff, '2026-05-31');
    expect(r2.find((x) => x.staffId === 'sup' && x.requirementId === 'superintendent')).toMatchObject({
      status: 'compliant',
      dueOn: '2026-05-31',
    });
  });

  it('Connecticut: within 6 months of hire, then each school year; Utah every other year', () => {
    const ct: StaffMember = {
      id: 'c',
      name: 'C',
      categories: ['student-contact'],
      hiredOn: '2026-03-01',
      trainings: [rec('c', 'trafficking-awareness-staff', '2026-06-20')],
    };
    const r = evaluateStaffTraining([CONNECTICUT], [ct], '2026-07-02');
    expect(r.map((x) => [x.requirementId, x.status])).toEqual([
      ['initial-new-hire', 'compliant'],
      ['annual-refresher', 'overdue'], // completed in 2025-2026, a new school year began on 1 July
    ]);
    const ut = evaluateStaffTraining(
      [UTAH],
      [{ ...ct, trainings: [rec('c', 'mandated-reporter', '2024-09-01')] }],
      '2026-08-31',
    );
    expect(ut[0]!.status).toBe('compliant');
    expect(
      evaluateStaffTraining(
        [UTAH],
        [{ ...ct, trainings: [rec('c', 'mandated-reporter', '2024-09-01')] }],
        '2026-09-01',
      )[0]!.status,
    ).toBe('overdue');
  });

  it('expired records and expiring soon', () => {
    const s: StaffMember = {
      id: 'e',
      name: 'E',
      categories: ['instructor'],
      trainings: [rec('e', 'trafficking-awareness-staff', '2024-01-01', '2026-01-01')],
    };
    expect(evaluateStaffTraining([UTAH], [s], '2026-03-01')[0]).toMatchObject({ status: 'expired' });
    expect(expiringTrainings([s], '2025-11-15', 60).map((x) => x.staffId)).toEqual(['e']);
    expect(expiringTrainings([s], '2025-09-01', 60)).toEqual([]);
    const renewed = {
      ...s,
      trainings: [...s.trainings, rec('e', 'trafficking-awareness-staff', '2025-12-01', '2027-12-01')],
    };
    expect(expiringTrainings([renewed], '2025-12-15', 60)).toEqual([]);
  });

  it('Texas roster: names of trained staff with dates, by name', () => {
    const roster = trainedStaffRoster(staff, ['trafficking-awareness-staff']);
    expect(roster).toEqual([
      {
        staffId: 'done',
        name: 'Dana Done',
        trainings: [
          {
            trainingId: 'trafficking-awareness-staff',
            completedOn: '2020-08-03',
            expiresOn: null,
            source: 'haven',
          },
        ],
      },
      {
        staffId: 'sup',
        name: 'Sam Super',
        trainings: [
          {
            trainingId: 'trafficking-awareness-staff',
            completedOn: '2021-06-01',
            expiresOn: null,
            source: 'haven',
          },
        ],
      },
    ]);
    expect(
      trainedStaffRoster(staff, ['trafficking-awareness-staff'], '2021-01-01').map((e) => e.staffId),
    ).toEqual(['done']);
  });
});
