import type { MandateRule, StaffCategory, StaffTrainingRequirement } from './model';
import { addDays, addYears, isoDate, schoolYearOfDate, schoolYearRange } from './school-year';

/** A completed training: a Haven course or an outside certificate entered by an admin. */
export interface TrainingRecord {
  staffId: string;
  trainingId: string;
  /** YYYY-MM-DD. */
  completedOn: string;
  /** Last day on which it is valid (inclusive); null: does not expire. */
  expiresOn: string | null;
  source: 'haven' | 'external';
  certificateRef?: string;
}

export interface StaffMember {
  id: string;
  name: string;
  categories: readonly StaffCategory[];
  hiredOn?: string;
  trainings: readonly TrainingRecord[];
}

/** What a module's file asks of its facilitator (`facilitator.trainings` in the curriculum manifest). */
export interface ModuleFacilitatorRequirement {
  moduleId?: string;
  trainings: readonly string[];
}

/** A record is valid on `date` when completed on or before it and not expired (expiresOn inclusive). */
export function isValidOn(record: TrainingRecord, date: string): boolean {
  const d = isoDate(date);
  return record.completedOn <= d && (record.expiresOn === null || d <= record.expiresOn);
}

/** The most recent record of a training valid on `date`, if any. */
export function validTraining(
  staff: Pick<StaffMember, 'trainings'>,
  trainingId: string,
  date: string,
): TrainingRecord | undefined {
  return staff.trainings
    .filter((r) => r.trainingId === trainingId && isValidOn(r, date))
    .sort((a, b) => (a.completedOn < b.completedOn ? 1 : -1))[0];
}

export type MissingTraining =
  | { trainingId: string; reason: 'never-completed' }
  | { trainingId: string; reason: 'expired'; expiredOn: string }
  | { trainingId: string; reason: 'not-yet-completed'; completesOn: string };

export type DeliveryPermission =
  { ok: true; held: TrainingRecord[] } | { ok: false; missing: MissingTraining[]; message: string };

/**
 * Whether a staff member may deliver (assign or facilitate) a module on `date`: they must hold
 * every training the module requires, unexpired on that date. The refusal says which and why.
 */
export function canDeliver(
  staff: Pick<StaffMember, 'id' | 'trainings'>,
  moduleRequirement: ModuleFacilitatorRequirement,
  date: string,
): DeliveryPermission {
  const held: TrainingRecord[] = [];
  const missing: MissingTraining[] = [];
  for (const trainingId of moduleRequirement.trainings) {
    const valid = validTraining(staff, trainingId, date);
    if (valid) {
      held.push(valid);
      continue;
    }
    const records = staff.trainings.filter((r) => r.trainingId === trainingId);
    const expired = records
      .filter((r) => r.expiresOn !== null && r.expiresOn < date)
      .sort((a, b) => (a.expiresOn! < b.expiresOn! ? 1 : -1))[0];
    const future = records
      .filter((r) => r.completedOn > date)
      .sort((a, b) => (a.completedOn < b.completedOn ? -1 : 1))[0];
    if (expired) missing.push({ trainingId, reason: 'expired', expiredOn: expired.expiresOn! });
    else if (future)
      missing.push({ trainingId, reason: 'not-yet-completed', completesOn: future.completedOn });
    else missing.push({ trainingId, reason: 'never-completed' });
  }
  if (missing.length === 0) return { ok: true, held };
  const what = missing
    .map((m) =>
      m.reason === 'expired'
        ? `${m.trainingId} (expired ${m.expiredOn}: renew it)`
        : m.reason === 'not-yet-completed'
          ? `${m.trainingId} (completed only on ${m.completesOn})`
          : `${m.trainingId} (not completed: complete the course or have an admin record a certificate)`,
    )
    .join(', ');
  return {
    ok: false,
    missing,
    message: `Staff ${staff.id} cannot deliver${moduleRequirement.moduleId ? ` ${moduleRequirement.moduleId}` : ''} on ${date}: requires ${what}`,
  };
}

export type StaffTrainingStatus =
  /** Holds a qualifying training as the requirement asks. */
  | 'compliant'
  /** Not yet, but still within the time allowed (e.g. within 6 months of hire). */
  | 'due'
  | 'overdue'
  | 'expired'
  /** The requirement's interval cannot be evaluated (e.g. hire date unknown). */
  | 'unknown';

export interface StaffRequirementResult {
  ruleId: string;
  requirementId: string;
  staffId: string;
  status: StaffTrainingStatus;
  /** The record that satisfies it. */
  record?: TrainingRecord;
  /** When it is or was due (on-hire), or when the current record lapses. */
  dueOn?: string;
  message: string;
}

function appliesTo(req: StaffTrainingRequirement, staff: StaffMember): boolean {
  return req.appliesTo.includes('all-employees') || req.appliesTo.some((c) => staff.categories.includes(c));
}

/** One staff member against one requirement, on `asOf`. */
export function evaluateStaffRequirement(
  ruleId: string,
  req: StaffTrainingRequirement,
  staff: StaffMember,
  asOf: string,
): StaffRequirementResult {
  const date = isoDate(asOf);
  const base = { ruleId, requirementId: req.id, staffId: staff.id };
  const records = staff.trainings
    .filter((r) => req.trainings.includes(r.trainingId) && r.completedOn <= date)
    .sort((a, b) => (a.completedOn < b.completedOn ? 1 : -1));
  const valid = records.filter((r) => isValidOn(r, date));
  const f = req.frequency;
  let current: TrainingRecord | undefined;
  let dueOn: string | undefined;
  if (f.kind === 'every-n-years') {
    current = valid.find((r) => addYears(r.completedOn, f.years) > date);
    if (current) dueOn = addDays(addYears(current.completedOn, f.years), -1);
  } else if (f.kind === 'each-school-year') {
    const { first } = schoolYearRange(schoolYearOfDate(date));
    current = valid.find((r) => r.completedOn >= first);
  } else {
    current = valid[0];
  }
  if (current) {
    const lapses = [dueOn, current.expiresOn ?? undefined].filter((d): d is string => !!d).sort()[0];
    return {
      ...base,
      status: 'compliant',
      record: current,
      ...(lapses ? { dueOn: lapses } : {}),
      message: `Holds ${current.trainingId} (${current.completedOn})`,
    };
  }
  if (f.kind === 'on-hire') {
    if (!staff.hiredOn)
      return {
        ...base,
        status: 'unknown',
        message: 'Hire date unknown: cannot tell when the training is due',
      };
    const due = addDays(staff.hiredOn, f.withinDays ?? 0);
    if (date <= due) return { ...base, status: 'due', dueOn: due, message: `Due by ${due}` };
    return { ...base, status: 'overdue', dueOn: due, message: `Was due by ${due}` };
  }
  const lapsed = records[0];
  if (lapsed && lapsed.expiresOn !== null && lapsed.expiresOn < date)
    return {
      ...base,
      status: 'expired',
      record: lapsed,
      message: `${lapsed.trainingId} expired on ${lapsed.expiresOn}`,
    };
  return {
    ...base,
    status: 'overdue',
    ...(lapsed ? { record: lapsed } : {}),
    message: lapsed ? `Last completed ${lapsed.completedOn}: renewal overdue` : 'Never completed',
  };
}

/**
 * Every required staff-training requirement of the rules, for every staff member it applies to.
 * `offered` requirements (the district must make training available) are not checked per person.
 */
export function evaluateStaffTraining(
  rules: readonly MandateRule[],
  staff: readonly StaffMember[],
  asOf: string,
): StaffRequirementResult[] {
  const out: StaffRequirementResult[] = [];
  for (const rule of rules) {
    if (rule.status === 'pending') continue;
    for (const req of rule.staffTraining) {
      if (req.obligation !== 'required') continue;
      for (const s of staff) if (appliesTo(req, s)) out.push(evaluateStaffRequirement(rule.id, req, s, asOf));
    }
  }
  return out;
}

/** Trainings that are valid on `asOf` but expire within `days` days (for the dashboard). */
export function expiringTrainings(
  staff: readonly StaffMember[],
  asOf: string,
  days = 60,
): { staffId: string; record: TrainingRecord }[] {
  const horizon = addDays(asOf, days);
  const out: { staffId: string; record: TrainingRecord }[] = [];
  for (const s of staff)
    for (const r of s.trainings)
      if (isValidOn(r, asOf) && r.expiresOn !== null && r.expiresOn <= horizon)
        // A renewal already on file makes it not expiring.
        if (
          !s.trainings.some(
            (o) => o !== r && o.trainingId === r.trainingId && isValidOn(o, addDays(r.expiresOn!, 1)),
          )
        )
          out.push({ staffId: s.id, record: r });
  return out.sort((a, b) => (a.record.expiresOn! < b.record.expiresOn! ? -1 : 1));
}

export interface RosterEntry {
  staffId: string;
  name: string;
  trainings: {
    trainingId: string;
    completedOn: string;
    expiresOn: string | null;
    source: TrainingRecord['source'];
  }[];
}

/**
 * The roster of trained staff with dates (Texas, 19 TAC 61.1051: the district keeps the names of
 * each trained staff member). Staff with a completion on or before `asOf` of one of `trainingIds`,
 * sorted by name, each with all such completions, oldest first.
 */
export function trainedStaffRoster(
  staff: readonly StaffMember[],
  trainingIds: readonly string[] = ['trafficking-awareness-staff'],
  asOf?: string,
): RosterEntry[] {
  return staff
    .map((s) => ({
      staffId: s.id,
      name: s.name,
      trainings: s.trainings
        .filter((r) => trainingIds.includes(r.trainingId) && (asOf === undefined || r.completedOn <= asOf))
        .sort((a, b) => (a.completedOn < b.completedOn ? -1 : 1))
        .map((r) => ({
          trainingId: r.trainingId,
          completedOn: r.completedOn,
          expiresOn: r.expiresOn,
          source: r.source,
        })),
    }))
    .filter((e) => e.trainings.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name) || (a.staffId < b.staffId ? -1 : 1));
}
