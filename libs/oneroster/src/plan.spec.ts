import { applyPlan, isEmptyPlan, planImport } from './plan';
import { readRoster } from './read-roster';
import { edit, fixture, where, withFile } from './test-fixtures';
import type { OneRosterBundle, Roster } from './types';

const EMPTY: Roster = { schools: [], classes: [], students: [], staff: [], enrollments: [] };

/** Imports a bundle into `existing` as the API would in "all or nothing" mode. */
function importInto(existing: Roster, bundle: OneRosterBundle) {
  const { roster } = readRoster(bundle);
  const plan = planImport(existing, roster);
  return { plan, after: applyPlan(existing, plan) };
}

describe('planImport', () => {
  const v1p1 = fixture('v1p1');
  const stored = importInto(EMPTY, v1p1).after;

  it('creates everything on a first import', () => {
    const { plan } = importInto(EMPTY, v1p1);
    expect(plan.issues.errors).toEqual([]);
    expect(Object.fromEntries(Object.entries(plan.creates).map(([k, v]) => [k, v.length]))).toEqual({
      schools: 2,
      classes: 4,
      students: 5,
      staff: 4,
      enrollments: 10,
    });
  });

  it.each(['v1p1', 'v1p2'])('re-importing the same %s files yields an empty plan', (name) => {
    const bundle = fixture(name);
    const first = importInto(EMPTY, bundle).after;
    const again = planImport(first, readRoster(bundle).roster);
    expect(isEmptyPlan(again)).toBe(true);
    expect(again.issues.errors).toEqual([]);
  });

  it('a changed row updates only the changed fields', () => {
    let bundle = edit(v1p1, 'users.csv', 'bwong,,Ben,Wong,,1002,,,,,07,', 'bwong,,Benny,Wong,,1002,,,,,07,');
    bundle = edit(bundle, 'classes.csv', 'c-h78,,,Health 7/8,"07,08"', 'c-h78,,,Health 7/8,"07,08,09"');
    const { plan } = importInto(stored, bundle);
    expect(plan.updates.students).toEqual([{ sourcedId: 'st-002', changes: { displayName: 'Benny' } }]);
    expect(plan.updates.classes).toEqual([{ sourcedId: 'c-h78', changes: { gradeLevels: [7, 8, 9] } }]);
    // the school's grade range follows its classes
    expect(plan.updates.schools).toEqual([{ sourcedId: 's1', changes: { highestGrade: 9 } }]);
    expect(plan.creates.students).toEqual([]);
    expect(plan.deactivations.students).toEqual([]);
  });

  it('deactivates tobedeleted rows', () => {
    const bundle = edit(v1p1, 'users.csv', 'st-002,,,true', 'st-002,tobedeleted,2026-09-01T00:00:00Z,true');
    const { plan } = importInto(stored, bundle);
    expect(plan.deactivations.students).toEqual([{ sourcedId: 'st-002', reason: 'tobedeleted' }]);
    expect(plan.deactivations.staff).toEqual([]);
    // e4 still names st-002: it is an enrollment of a deactivated student, rejected as a dangling reference
    expect(where(plan.issues.errors)).toEqual([]);
  });

  it('deactivates what a bulk file no longer lists', () => {
    let bundle = edit(v1p1, 'users.csv', /st-005,.*\n/, '');
    bundle = edit(bundle, 'enrollments.csv', /e7,.*\n/, '');
    bundle = edit(bundle, 'enrollments.csv', /e11,.*\n/, '');
    const { plan } = importInto(stored, bundle);
    expect(plan.deactivations.students).toEqual([{ sourcedId: 'st-005', reason: 'missing-from-bulk' }]);
    expect(plan.deactivations.enrollments).toEqual([
      { sourcedId: 'e11', reason: 'missing-from-bulk' },
      { sourcedId: 'e7', reason: 'missing-from-bulk' },
    ]);
    expect(plan.updates.students).toEqual([]);
  });

  it('never deactivates a row that is in the bulk file but rejected with an error', () => {
    const bundle = edit(v1p1, 'users.csv', 'bwong,,Ben,Wong,,1002,,,,,07,', 'bwong,,Ben,Wong,,1002,,,,,7th,');
    const { roster, issues } = readRoster(bundle);
    expect(where(issues.errors)).toContain('users.csv:7 UNKNOWN_GRADE');
    const plan = planImport(stored, roster);
    expect(plan.deactivations.students).toEqual([]);
  });

  it('leaves kinds whose file is absent untouched', () => {
    let bundle = edit(v1p1, 'manifest.csv', 'file.users,bulk', 'file.users,absent');
    bundle = withFile(bundle, 'users.csv', null);
    const { plan } = importInto(stored, bundle);
    expect(isEmptyPlan(plan)).toBe(true);
    // enrollments refer to users Haven already has
    expect(plan.issues.errors).toEqual([]);
  });

  it('a delta file touches only its rows', () => {
    const { plan, after } = importInto(stored, fixture('v1p1-delta'));
    expect(plan.creates.students).toEqual([
      { sourcedId: 'st-006', schoolSourcedId: 's1', username: 'fay', displayName: 'Fay', gradeLevel: 7 },
    ]);
    expect(plan.updates.students).toEqual([
      { sourcedId: 'st-005', changes: { displayName: 'Elias', gradeLevel: 8 } },
    ]);
    expect(plan.deactivations.students).toEqual([{ sourcedId: 'st-002', reason: 'tobedeleted' }]);
    expect(plan.creates.enrollments.map((e) => e.sourcedId)).toEqual(['e12']);
    expect(plan.deactivations.enrollments).toEqual([{ sourcedId: 'e4', reason: 'tobedeleted' }]);
    expect(plan.updates.schools).toEqual([]);
    expect(plan.creates.staff).toEqual([]);
    expect(plan.deactivations.staff).toEqual([]);
    // e13 names a class neither in Haven nor in the bundle: reported at its line, not imported
    expect(where(plan.issues.errors)).toEqual(['enrollments.csv:4 UNKNOWN_REFERENCE']);
    expect(after.students.map((s) => s.sourcedId)).toEqual([
      'st-001',
      'st-003',
      'st-004',
      'st-005',
      'st-006',
    ]);
    // and applying the same delta again changes nothing more
    const again = planImport(after, readRoster(fixture('v1p1-delta')).roster);
    expect(isEmptyPlan(again)).toBe(true);
  });

  it('reports clashes with what Haven already has', () => {
    const existing: Roster = {
      ...stored,
      students: [
        ...stored.students,
        { sourcedId: 'other', schoolSourcedId: 's1', username: 'fay', displayName: 'F', gradeLevel: 7 },
      ],
    };
    const plan = planImport(existing, readRoster(fixture('v1p1-delta')).roster);
    expect(where(plan.issues.errors)).toEqual([
      'users.csv:4 DUPLICATE_USERNAME',
      'enrollments.csv:3 UNKNOWN_REFERENCE', // e12: its student st-006 is not created
      'enrollments.csv:4 UNKNOWN_REFERENCE',
    ]);
    expect(plan.creates.students).toEqual([]);
    expect(plan.creates.enrollments).toEqual([]);
  });

  it('moves a user who becomes staff out of the students', () => {
    const bundle = edit(
      v1p1,
      'users.csv',
      'st-002,,,true,s1,student,bwong,,Ben,Wong,,1002,,,,,07,',
      'st-002,,,true,s1,teacher,bwong,,Ben,Wong,,1002,bwong@bayside.example.org,,,,,',
    );
    const noEnrollment = edit(bundle, 'enrollments.csv', /e4,.*\n/, '');
    const { plan } = importInto(stored, noEnrollment);
    expect(plan.creates.staff.map((s) => s.sourcedId)).toEqual(['st-002']);
    expect(plan.deactivations.students).toEqual([{ sourcedId: 'st-002', reason: 'changed-kind' }]);
  });
});
