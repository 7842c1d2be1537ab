import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RefreshingCache } from '../common/refreshing-cache';
import type { ConsentModel } from '@haven/mandates';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { badInput, notFound } from '../common/errors';
import { preparedQuery } from '../database/prepared';
import { TenancyService } from '../tenancy/tenancy.service';
import { ConsentRecord } from './consent.entity';
import { ClassConsent, ConsentRecordModel, RecordConsentInput } from './consent.models';
import { applying, consentModelOf, consentStatus, isEligible } from './consent.rules';

function toModel(r: ConsentRecord): ConsentRecordModel {
  return {
    id: r.id,
    studentId: r.studentId,
    schoolYear: r.schoolYear,
    kind: r.kind,
    moduleId: r.moduleId,
    note: r.note,
    recordedAt: r.recordedAt,
  };
}

/** Parent/guardian consent records, and whether a student may receive the instruction (the state's model). */
interface ClassContext {
  state: string;
  school_year: string;
}

const CLASS_CONTEXT_TTL_MS = 10 * 60_000;
const MAX_CACHED_CLASSES = 20_000;

@Injectable()
export class ConsentService {
  /** Each class's state and school year (neither changes once the class exists), by class id. */
  private readonly classes = new RefreshingCache<string, ClassContext | undefined>(
    CLASS_CONTEXT_TTL_MS,
    MAX_CACHED_CLASSES,
  );

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
  ) {}

  async classConsent(actor: Actor, classId: string, schoolYear: string): Promise<ClassConsent | null> {
    if (!/^\d{4}-\d{4}$/.test(schoolYear)) throw badInput('schoolYear must look like 2026-2027');
    const cls = await this.tenancy.findClass(actor, classId);
    if (!cls) return null;
    const [district]: { id: string; state: string }[] = await this.ds.query(
      `SELECT d.id, d.state FROM district d JOIN school s ON s.district_id = d.id WHERE s.id = $1`,
      [cls.schoolId],
    );
    const model = consentModelOf(district.state);
    const students: { id: string; username: string; display_name: string; grade_level: number }[] =
      await this.ds.query(
        `SELECT u.id, u.username, u.display_name, u.grade_level FROM enrollment e
           JOIN app_user u ON u.id = e.student_id AND u.disabled_at IS NULL
          WHERE e.class_id = $1 ORDER BY u.display_name, u.username`,
        [classId],
      );
    const records = students.length
      ? await this.ds
          .getRepository(ConsentRecord)
          .createQueryBuilder('r')
          .where('r.student_id IN (:...ids) AND r.school_year = :schoolYear', {
            ids: students.map((s) => s.id),
            schoolYear,
          })
          .orderBy('r.recorded_at', 'ASC')
          .getMany()
      : [];
    await this.audit.record({
      actorId: actor.userId,
      action: 'consent.read',
      targetType: 'class',
      targetId: classId,
      districtId: district.id,
      detail: { schoolYear, students: students.length },
    });
    return {
      classId,
      schoolYear,
      model,
      state: district.state,
      students: students.map((s) => {
        const mine = records.filter((r) => r.studentId === s.id);
        const yearWide = applying(mine);
        return {
          student: { id: s.id, username: s.username, displayName: s.display_name, gradeLevel: s.grade_level },
          records: mine.map(toModel),
          eligible: isEligible(model, yearWide),
          status: consentStatus(model, yearWide),
          optOutNotRecognised: model === 'none' && mine.some((r) => r.kind === 'opt-out'),
        };
      }),
    };
  }

  /** The district of a student the actor may see through one of their classes; null when none. */
  private async districtOfStudent(actor: Actor, studentId: string): Promise<string | null> {
    const cls = await this.tenancy
      .classesQuery(actor)
      .innerJoin('enrollment', 'e', 'e.class_id = c.id AND e.student_id = :studentId', { studentId })
      .getOne();
    if (!cls) return null;
    const [row]: { district_id: string }[] = await this.ds.query(
      `SELECT district_id FROM school WHERE id = $1`,
      [cls.schoolId],
    );
    return row?.district_id ?? null;
  }

  async record(actor: Actor, input: RecordConsentInput): Promise<ConsentRecordModel> {
    const districtId = await this.districtOfStudent(actor, input.studentId);
    if (!districtId) throw notFound('Student');
    const saved = await this.ds.transaction(async (m) => {
      const row = await m.getRepository(ConsentRecord).save({
        studentId: input.studentId,
        schoolYear: input.schoolYear,
        kind: input.kind,
        moduleId: input.moduleId ?? null,
        note: input.note?.trim() || null,
        recordedBy: actor.userId,
      });
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'consent.record',
          targetType: 'user',
          targetId: input.studentId,
          districtId,
          detail: { kind: input.kind, schoolYear: input.schoolYear, moduleId: input.moduleId ?? null },
        },
        m,
      );
      return row;
    });
    return toModel(saved);
  }

  async remove(actor: Actor, id: string): Promise<boolean> {
    const row = await this.ds.getRepository(ConsentRecord).findOne({ where: { id } });
    const districtId = row && (await this.districtOfStudent(actor, row.studentId));
    if (!row || !districtId) throw notFound('Consent record');
    await this.ds.transaction(async (m) => {
      await m.getRepository(ConsentRecord).delete({ id });
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'consent.remove',
          targetType: 'user',
          targetId: row.studentId,
          districtId,
          detail: { kind: row.kind, schoolYear: row.schoolYear, moduleId: row.moduleId },
        },
        m,
      );
    });
    return true;
  }

  /**
   * May each student receive this module, assigned to this class (its school year, its district's model)? In
   * the order asked, one query for the consent records of all.
   */
  async eligibilities(
    asked: readonly { studentId: string; classId: string; moduleId: string }[],
  ): Promise<{ model: ConsentModel; eligible: boolean }[]> {
    const contexts = await Promise.all(asked.map((a) => this.classContext(a.classId)));
    const models = contexts.map((cls) => (cls ? consentModelOf(cls.state) : 'none'));
    const concerned = asked.flatMap((a, i) =>
      models[i] === 'none' ? [] : [{ studentId: a.studentId, schoolYear: contexts[i]!.school_year }],
    );
    const records = new Map<string, { kind: ConsentRecord['kind']; moduleId: string | null }[]>();
    if (concerned.length > 0) {
      const rows = await preparedQuery<{
        student_id: string;
        school_year: string;
        kind: ConsentRecord['kind'];
        module_id: string | null;
      }>(
        this.ds,
        'haven_consent_records_of_students',
        `SELECT student_id, school_year, kind, module_id FROM consent_record
          WHERE student_id = ANY($1::uuid[]) AND school_year = ANY($2::varchar[])`,
        [[...new Set(concerned.map((c) => c.studentId))], [...new Set(concerned.map((c) => c.schoolYear))]],
      );
      for (const row of rows) {
        const key = `${row.student_id}:${row.school_year}`;
        records.set(key, [...(records.get(key) ?? []), { kind: row.kind, moduleId: row.module_id }]);
      }
    }
    return asked.map((a, i) => {
      const model = models[i];
      if (model === 'none') return { model, eligible: true };
      const mine = records.get(`${a.studentId}:${contexts[i]!.school_year}`) ?? [];
      return { model, eligible: isEligible(model, applying(mine, a.moduleId)) };
    });
  }

  /**
   * The state whose consent rules apply to a class, and its school year: read once per class and remembered
   * for a while, as every submission of every student checks eligibility.
   */
  private async classContext(classId: string): Promise<ClassContext | undefined> {
    return this.classes.get(classId, async () => {
      const [context]: ClassContext[] = await this.ds.query(
        `SELECT d.state, c.school_year FROM class_section c JOIN school s ON s.id = c.school_id
           JOIN district d ON d.id = s.district_id WHERE c.id = $1`,
        [classId],
      );
      return context;
    });
  }

  /** Students of the class who may not receive this module (opted out, or no written consent where required). */
  async ineligibleInClass(classId: string, moduleId: string): Promise<Set<string>> {
    const cls = await this.classContext(classId);
    const model = cls ? consentModelOf(cls.state) : 'none';
    if (!cls || model === 'none') return new Set();
    const students: { id: string }[] = await this.ds.query(
      `SELECT student_id AS id FROM enrollment WHERE class_id = $1`,
      [classId],
    );
    const records = await this.ds
      .getRepository(ConsentRecord)
      .createQueryBuilder('r')
      .innerJoin('enrollment', 'e', 'e.student_id = r.student_id AND e.class_id = :classId', { classId })
      .where('r.school_year = :year', { year: cls.school_year })
      .getMany();
    return new Set(
      students
        .map((s) => s.id)
        .filter(
          (id) =>
            !isEligible(
              model,
              applying(
                records.filter((r) => r.studentId === id),
                moduleId,
              ),
            ),
        ),
    );
  }
}
