import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  rulesForState,
  schoolYearStart,
  shiftSchoolYear,
  type Deadline,
  type Filing,
  type MandateRule,
  type StateCode,
} from '@haven/mandates';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { badInput } from '../common/errors';
import { TenancyService } from '../tenancy/tenancy.service';
import { TrainingService } from '../training/training.service';
import {
  FilingBasis,
  FilingSummary,
  FloridaPlanDraft,
  PlanGrade,
  PlanInstructor,
  PlanModule,
  TexasTrainedStaffDraft,
} from './filings.models';

/** The filings Haven can draft, by state and the rule data's filing id. */
export const FILING_DRAFTS: Readonly<Record<string, { state: StateCode; filingId: string }>> = {
  'fl-implementation-plan': { state: 'FL', filingId: 'implementation-plan' },
  'tx-trained-staff': { state: 'TX', filingId: 'trained-staff-records' },
};

const draftOf = (state: string, filingId: string): string | null =>
  Object.entries(FILING_DRAFTS).find(([, d]) => d.state === state && d.filingId === filingId)?.[0] ?? null;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The next date (YYYY-MM-DD) on or after `today` for a dated deadline; null for undated ones. */
export function nextDue(deadline: Deadline, today: string): string | null {
  if (deadline.kind === 'by-date') return deadline.date;
  if (deadline.kind !== 'annual') return null;
  const year = Number(today.slice(0, 4));
  const thisYear = `${year}-${pad(deadline.month)}-${pad(deadline.day)}`;
  return thisYear >= today ? thisYear : `${year + 1}-${pad(deadline.month)}-${pad(deadline.day)}`;
}

function basisOf(rule: MandateRule, filing: Filing): FilingBasis {
  return {
    ruleId: rule.id,
    filingId: filing.id,
    title: filing.title,
    citation: filing.citation,
    recipient: filing.recipient,
    certainty: filing.certainty,
    evidenceNote: filing.note ?? null,
    ruleNote: rule.note,
    reviewedOn: rule.reviewedOn,
  };
}

function findFiling(state: string, draft: string): { rule: MandateRule; filing: Filing } | null {
  const d = FILING_DRAFTS[draft];
  if (!d || d.state !== state) return null;
  for (const rule of rulesForState(d.state)) {
    const filing = rule.filings.find((f) => f.id === d.filingId);
    if (filing) return { rule, filing };
  }
  return null;
}

/**
 * Drafts of state filings from what Haven recorded, for a district admin's own district and only when the
 * district's state asks for that filing. Reads assignments and deliveries, and staff trainings through
 * `TrainingService`; writes nothing except the audit entry.
 */
@Injectable()
export class FilingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tenancy: TenancyService,
    private readonly training: TrainingService,
    private readonly audit: AuditService,
  ) {}

  /** The filings of the district's state rules, with their deadlines and the ones Haven can draft. */
  async list(actor: Actor, today = new Date().toISOString().slice(0, 10)): Promise<FilingSummary[]> {
    const district = await this.tenancy.filingDistrict(actor);
    if (!district) return [];
    return rulesForState(district.state as StateCode)
      .filter((r) => r.status === 'in-force')
      .flatMap((rule) =>
        rule.filings.map((f) => ({
          ruleId: rule.id,
          filingId: f.id,
          title: f.title,
          description: f.description,
          recipient: f.recipient,
          citation: f.citation,
          deadlineKind: f.deadline.kind,
          nextDue: nextDue(f.deadline, today),
          withinHours: f.deadline.kind === 'after-event' ? f.deadline.hours : null,
          certainty: f.certainty,
          evidenceNote: f.note ?? null,
          draft: draftOf(rule.state, f.id),
        })),
      );
  }

  /** Florida's implementation plan, drafted from the school year's assignments; null outside Florida. */
  async floridaPlan(actor: Actor, schoolYear: string): Promise<FloridaPlanDraft | null> {
    if (!/^\d{4}-\d{4}$/.test(schoolYear)) throw badInput('schoolYear must look like 2026-2027');
    const district = await this.tenancy.filingDistrict(actor);
    if (!district) return null;
    const found = findFiling(district.state, 'fl-implementation-plan');
    if (!found) return null;
    const deadline = found.filing.deadline;
    const dueOn =
      deadline.kind === 'annual'
        ? `${schoolYearStart(schoolYear) + 1}-${pad(deadline.month)}-${pad(deadline.day)}`
        : (nextDue(deadline, new Date().toISOString().slice(0, 10)) ?? '');

    const [span]: { lowest: number | null; highest: number | null }[] = await this.ds.query(
      `SELECT min(lowest_grade) AS lowest, max(highest_grade) AS highest FROM school WHERE district_id = $1`,
      [district.id],
    );
    const assignments: {
      id: string;
      class_id: string;
      grade_levels: number[];
      module_version_id: string;
      assigned_by: string;
      assigner_name: string;
    }[] = await this.ds.query(
      `SELECT a.id, a.class_id, c.grade_levels, a.module_version_id, a.assigned_by, u.display_name AS assigner_name
         FROM assignment a
         JOIN class_section c ON c.id = a.class_id
         JOIN school s ON s.id = c.school_id
         JOIN app_user u ON u.id = a.assigned_by
        WHERE s.district_id = $1 AND c.school_year = $2`,
      [district.id, schoolYear],
    );
    const ids = assignments.map((a) => a.id);
    const versionIds = [...new Set(assignments.map((a) => a.module_version_id))];
    const [delivered, versions]: [
      { assignment_id: string; grade: number }[],
      {
        id: string;
        module_id: string;
        version: string;
        minutes: number;
        title: Record<string, string>;
        licence: string;
        lessons: number;
        scenarios: number;
        assessments: string[] | null;
      }[],
    ] = await Promise.all([
      this.ds.query(
        `SELECT DISTINCT t.assignment_id, u.grade_level AS grade
           FROM attempt t JOIN app_user u ON u.id = t.student_id
          WHERE t.status = 'completed' AND t.assignment_id = ANY($1::uuid[])`,
        [ids],
      ),
      this.ds.query(
        `SELECT id, module_id, version, estimated_minutes AS minutes, bundle->'title' AS title,
                bundle->>'licence' AS licence,
                jsonb_array_length(bundle->'lessons') AS lessons,
                jsonb_array_length(bundle->'scenarios') AS scenarios,
                (SELECT array_agg(x->>'kind' ORDER BY n) FROM jsonb_array_elements(bundle->'assessments')
                   WITH ORDINALITY AS e(x, n)) AS assessments
           FROM module_version WHERE id = ANY($1::uuid[])`,
        [versionIds],
      ),
    ]);
    const versionOf = new Map(versions.map((v) => [v.id, v]));
    const deliveredTo = new Set(delivered.map((d) => `${d.assignment_id}/${d.grade}`));
    const staff = new Map((await this.training.staff(actor)).map((s) => [s.userId, s]));

    const grades: PlanGrade[] = [];
    const lowest = span?.lowest ?? 0;
    const highest = span?.highest ?? -1;
    for (let grade = lowest; grade <= highest; grade++) {
      const mine = assignments.filter((a) => a.grade_levels.includes(grade));
      const modules = new Map<string, PlanModule & { classIds: Set<string> }>();
      for (const a of mine) {
        const v = versionOf.get(a.module_version_id)!;
        const m = modules.get(v.id) ?? {
          moduleId: v.module_id,
          title: v.title.en ?? Object.values(v.title)[0] ?? v.module_id,
          version: v.version,
          licence: v.licence,
          lessons: v.lessons,
          scenarios: v.scenarios,
          assessments: v.assessments ?? [],
          minutes: v.minutes,
          status: 'assigned',
          classes: 0,
          classIds: new Set<string>(),
        };
        m.classIds.add(a.class_id);
        m.classes = m.classIds.size;
        if (deliveredTo.has(`${a.id}/${grade}`)) m.status = 'delivered';
        modules.set(v.id, m);
      }
      const instructors = new Map<string, PlanInstructor>();
      for (const a of mine) {
        if (instructors.has(a.assigned_by)) continue;
        const s = staff.get(a.assigned_by);
        instructors.set(a.assigned_by, {
          userId: a.assigned_by,
          displayName: s?.displayName ?? a.assigner_name,
          trainings: (s?.records ?? [])
            .filter((r) => r.current)
            .map((r) => ({ courseTitle: r.courseTitle, completedAt: r.completedAt, expiresAt: r.expiresAt })),
        });
      }
      const list = [...modules.values()]
        .map(({ classIds: _c, ...m }) => m)
        .sort((x, y) => x.moduleId.localeCompare(y.moduleId) || x.version.localeCompare(y.version));
      grades.push({
        grade,
        modules: list,
        minutes: list.reduce((n, m) => n + m.minutes, 0),
        instructors: [...instructors.values()].sort((x, y) => x.displayName.localeCompare(y.displayName)),
      });
    }
    await this.audit.record({
      actorId: actor.userId,
      action: 'filing.draft',
      targetType: 'district',
      targetId: district.id,
      districtId: district.id,
      detail: { draft: 'fl-implementation-plan', schoolYear },
    });
    return {
      districtName: district.name,
      schoolYear,
      planYear: shiftSchoolYear(schoolYear, 1),
      dueOn,
      basis: basisOf(found.rule, found.filing),
      grades,
      generatedAt: new Date(),
    };
  }

  /** Texas: staff of the district holding a training the rule names, with dates; null outside Texas. */
  async texasTrainedStaff(actor: Actor): Promise<TexasTrainedStaffDraft | null> {
    const district = await this.tenancy.filingDistrict(actor);
    if (!district) return null;
    const found = findFiling(district.state, 'tx-trained-staff');
    if (!found) return null;
    const trainings = [...new Set(found.rule.staffTraining.flatMap((s) => s.trainings))].sort();
    const staff = (await this.training.staff(actor))
      .map((s) => ({
        userId: s.userId,
        displayName: s.displayName,
        email: s.email,
        completions: s.records
          .filter((r) => trainings.includes(r.courseCode))
          .sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime())
          .map((r) => ({
            courseCode: r.courseCode,
            courseTitle: r.courseTitle,
            completedAt: r.completedAt,
            expiresAt: r.expiresAt,
            source: r.source,
            current: r.current,
          })),
      }))
      .filter((s) => s.completions.length > 0)
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId));
    await this.audit.record({
      actorId: actor.userId,
      action: 'filing.draft',
      targetType: 'district',
      targetId: district.id,
      districtId: district.id,
      detail: { draft: 'tx-trained-staff' },
    });
    return {
      districtName: district.name,
      basis: basisOf(found.rule, found.filing),
      trainings,
      staff,
      generatedAt: new Date(),
    };
  }
}
