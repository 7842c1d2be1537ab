import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, districtsWhere, hasRole, schoolsWhere } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { badInput, notFound } from '../common/errors';
import { TrainingCourse, TrainingRecord } from './training.entities';
import {
  RecordTrainingInput,
  StaffTraining,
  TrainingCourseModel,
  TrainingRecordModel,
} from './training.models';

const SOON_MS = 60 * 24 * 3600_000;

function toModel(r: TrainingRecord & { courseTitle?: string }, at: Date): TrainingRecordModel {
  const current = r.completedAt <= at && (!r.expiresAt || r.expiresAt > at);
  return {
    id: r.id,
    courseCode: r.courseCode,
    courseTitle: r.courseTitle ?? r.courseCode,
    completedAt: r.completedAt,
    expiresAt: r.expiresAt,
    source: r.source,
    current,
    expiringSoon: current && !!r.expiresAt && r.expiresAt.getTime() - at.getTime() < SOON_MS,
  };
}

/** Staff training records, and whether someone may deliver a module that requires trainings. */
@Injectable()
export class TrainingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  courses(): Promise<TrainingCourseModel[]> {
    return this.ds.getRepository(TrainingCourse).find({ order: { code: 'ASC' } });
  }

  /** Required trainings the user does not hold unexpired on `at` (empty: they may deliver). */
  async missing(userId: string, required: readonly string[], at: Date): Promise<TrainingCourseModel[]> {
    if (required.length === 0) return [];
    const held: { course_code: string }[] = await this.ds.query(
      `SELECT DISTINCT course_code FROM training_record
        WHERE user_id = $1 AND course_code = ANY($2) AND completed_at <= $3 AND (expires_at IS NULL OR expires_at > $3)`,
      [userId, [...required], at],
    );
    const have = new Set(held.map((h) => h.course_code));
    const courses = await this.ds.getRepository(TrainingCourse).find();
    return required
      .filter((code) => !have.has(code))
      .map((code) => courses.find((c) => c.code === code) ?? { code, title: code, validityMonths: null });
  }

  async mine(actor: Actor, at = new Date()): Promise<TrainingRecordModel[]> {
    return (await this.recordsOf([actor.userId])).map((r) => toModel(r, at));
  }

  /**
   * Staff in the caller's scope with their trainings (district admins: the district; school admins: their
   * school). This is also the list Texas asks a district to keep: the names of trained staff.
   */
  async staff(actor: Actor, at = new Date()): Promise<StaffTraining[]> {
    const all = hasRole(actor, 'platform_admin');
    const districts = districtsWhere(actor, 'district_admin');
    const schools = schoolsWhere(actor, 'school_admin');
    if (!all && !districts.length && !schools.length) return [];
    const rows: { user_id: string; display_name: string; email: string; roles: string[] }[] =
      await this.ds.query(
        `SELECT u.id AS user_id, u.display_name, u.email, array_agg(DISTINCT g.role ORDER BY g.role) AS roles
         FROM app_user u JOIN role_grant g ON g.user_id = u.id
        WHERE u.kind = 'staff' AND u.disabled_at IS NULL AND g.role <> 'platform_admin'
          AND ($1 OR g.district_id = ANY($2::uuid[]) OR g.school_id = ANY($3::uuid[]))
        GROUP BY u.id ORDER BY u.display_name`,
        [all, districts, schools],
      );
    const records = await this.recordsOf(rows.map((r) => r.user_id));
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      email: r.email,
      roles: r.roles,
      records: records.filter((x) => x.userId === r.user_id).map((x) => toModel(x, at)),
    }));
  }

  /** An admin records a training for staff in their scope; expiry defaults to the course validity. */
  async record(actor: Actor, input: RecordTrainingInput): Promise<TrainingRecordModel> {
    const inScope = (await this.staff(actor)).some((s) => s.userId === input.userId);
    if (!inScope) throw notFound('Staff member');
    const course = await this.ds.getRepository(TrainingCourse).findOne({ where: { code: input.courseCode } });
    if (!course) throw notFound(`Training ${input.courseCode}`);
    if (input.completedAt > new Date()) throw badInput('completedAt cannot be in the future');
    let expiresAt = input.expiresAt ?? null;
    if (!expiresAt && course.validityMonths) {
      expiresAt = new Date(input.completedAt);
      expiresAt.setUTCMonth(expiresAt.getUTCMonth() + course.validityMonths);
    }
    if (expiresAt && expiresAt <= input.completedAt) throw badInput('expiresAt must be after completedAt');
    const saved = await this.ds.transaction(async (m) => {
      const row = await m.getRepository(TrainingRecord).save({
        userId: input.userId,
        courseCode: course.code,
        completedAt: input.completedAt,
        expiresAt,
        source: input.source,
        note: input.note?.trim() || null,
        recordedBy: actor.userId,
      });
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'training.record',
          targetType: 'user',
          targetId: input.userId,
          detail: { course: course.code },
        },
        m,
      );
      return row;
    });
    return toModel(
      { ...saved, courseTitle: course.title } as TrainingRecord & { courseTitle: string },
      new Date(),
    );
  }

  /** Each user's training records (newest first), as of `at`: for profiles shown to their colleagues. */
  async recordsFor(userIds: string[], at = new Date()): Promise<Map<string, TrainingRecordModel[]>> {
    const out = new Map<string, TrainingRecordModel[]>();
    for (const r of await this.recordsOf(userIds)) {
      const list = out.get(r.userId) ?? [];
      list.push(toModel(r, at));
      out.set(r.userId, list);
    }
    return out;
  }

  private async recordsOf(userIds: string[]): Promise<(TrainingRecord & { courseTitle: string })[]> {
    if (!userIds.length) return [];
    const rows = await this.ds
      .getRepository(TrainingRecord)
      .createQueryBuilder('r')
      .innerJoin(TrainingCourse, 'c', 'c.code = r.course_code')
      .addSelect('c.title', 'course_title')
      .where('r.user_id IN (:...userIds)', { userIds })
      .orderBy('r.completed_at', 'DESC')
      .getRawAndEntities();
    return rows.entities.map((e, i) => Object.assign(e, { courseTitle: rows.raw[i].course_title as string }));
  }
}
