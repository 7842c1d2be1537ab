import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { matchConcerns } from '@haven/safeguarding';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { appError, notFound } from '../common/errors';
import { TenancyService } from '../tenancy/tenancy.service';
import { SafeguardingAlert, SafeguardingDesignee } from './safeguarding.entities';
import {
  AcknowledgeAlertInput,
  AskToTalkAnswer,
  DesignateSafeguardingStaffInput,
  RemoveSafeguardingDesigneeInput,
  SafeguardingAlertModel,
  SafeguardingAlertsArgs,
  SafeguardingInbox,
  SchoolSafeguardingStaff,
} from './safeguarding.models';

/** What a student is told after asking to talk, whatever happened (stored, limited, or anything else). */
export const TALK_ANSWER: Readonly<Record<string, string>> = {
  en: 'A trusted adult at your school will follow up.',
  es: 'Un adulto de confianza de tu escuela se pondrá en contacto contigo.',
};

/** Talk requests per student per hour that raise a new alert; later ones are added to the latest one. */
export const TALK_REQUESTS_PER_HOUR = 3;
/** The most text an alert keeps (later messages appended to a limited request stop here). */
const ALERT_TEXT_MAX = 8000;

interface AlertRow {
  id: string;
  kind: string;
  school_id: string;
  school_name: string;
  student_id: string;
  display_name: string;
  grade_level: number | null;
  class_names: string[];
  source_text: string | null;
  categories: string[];
  created_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_name: string | null;
  notes: string | null;
}

const ALERT_SELECT = `
  SELECT a.id, a.kind, a.school_id, s.name AS school_name, a.student_id, u.display_name, u.grade_level,
         coalesce((SELECT array_agg(c.name ORDER BY c.name) FROM enrollment e
                     JOIN class_section c ON c.id = e.class_id AND c.school_id = a.school_id
                    WHERE e.student_id = a.student_id), '{}') AS class_names,
         a.source_text, a.categories, a.created_at, a.acknowledged_at, k.display_name AS acknowledged_by_name, a.notes
    FROM safeguarding_alert a
    JOIN school s ON s.id = a.school_id
    JOIN app_user u ON u.id = a.student_id
    LEFT JOIN app_user k ON k.id = a.acknowledged_by`;

function toModel(r: AlertRow): SafeguardingAlertModel {
  return {
    id: r.id,
    kind: r.kind,
    schoolId: r.school_id,
    schoolName: r.school_name,
    studentId: r.student_id,
    studentName: r.display_name,
    gradeLevel: r.grade_level,
    classNames: r.class_names,
    text: r.source_text,
    categories: r.categories,
    createdAt: r.created_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedByName: r.acknowledged_by_name,
    notes: r.notes,
  };
}

/**
 * Disclosures: students' requests to talk and reflections that match a concerning phrase become alerts
 * for the school's designated safeguarding staff, and only for them. The student is never told what
 * happened beyond "a trusted adult will follow up"; nothing they write is blocked.
 */
@Injectable()
export class SafeguardingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
  ) {}

  // ---- students ---------------------------------------------------------------------------------------

  /**
   * Raises a talk-request alert for the student's school. At most TALK_REQUESTS_PER_HOUR new alerts an hour
   * per student; a message sent beyond that is added to the latest request, so nothing they write is lost
   * and the staff's list is not flooded. The answer is the same whatever happens.
   */
  async askToTalk(actor: Actor, message: string | undefined): Promise<AskToTalkAnswer> {
    const answer = { message: TALK_ANSWER[actor.preferredLanguage] ?? TALK_ANSWER.en };
    const schoolId = this.tenancy.studentSchool(actor);
    if (!schoolId) return answer;
    const text = message?.trim() || null;
    const categories = text ? matchConcerns(text).categories : [];
    await this.ds.transaction(async (m) => {
      // One request at a time per student: two taps at once must not both pass the limit.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('safeguarding-talk:' || $1))`, [actor.userId]);
      const recent: { id: string }[] = await m.query(
        `SELECT id FROM safeguarding_alert
          WHERE student_id = $1 AND kind = 'talk-request' AND created_at > now() - interval '1 hour'
          ORDER BY created_at DESC`,
        [actor.userId],
      );
      let alertId: string;
      if (recent.length < TALK_REQUESTS_PER_HOUR) {
        const saved = await m.getRepository(SafeguardingAlert).save({
          schoolId,
          studentId: actor.userId,
          kind: 'talk-request',
          sourceText: text,
          categories,
        });
        alertId = saved.id;
      } else {
        alertId = recent[0].id;
        if (text)
          await m.query(
            `UPDATE safeguarding_alert
                SET source_text = left(coalesce(source_text || E'\\n\\n', '') || $2, ${ALERT_TEXT_MAX}),
                    categories = ARRAY(SELECT DISTINCT unnest(categories || $3::varchar[]) ORDER BY 1),
                    acknowledged_at = NULL, acknowledged_by = NULL
              WHERE id = $1`,
            [alertId, text, categories],
          );
      }
      const [school]: { district_id: string }[] = await m.query(
        `SELECT district_id FROM school WHERE id = $1`,
        [schoolId],
      );
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'safeguarding.talk_request',
          targetType: 'safeguarding_alert',
          targetId: alertId,
          districtId: school?.district_id ?? null,
          detail: { withMessage: !!text, limited: recent.length >= TALK_REQUESTS_PER_HOUR },
        },
        m,
      );
    });
    return answer;
  }

  // ---- designated staff -------------------------------------------------------------------------------

  async inbox(actor: Actor): Promise<SafeguardingInbox> {
    const schools = await this.tenancy.safeguardingSchools(actor);
    if (!schools.length) return { designated: false, openAlerts: 0 };
    const [row]: { n: number }[] = await this.ds.query(
      `SELECT count(*)::int AS n FROM safeguarding_alert WHERE school_id = ANY($1::uuid[]) AND acknowledged_at IS NULL`,
      [schools],
    );
    return { designated: true, openAlerts: row.n };
  }

  /** Alerts of the schools the caller is designated for; every alert returned is an audited read. */
  async alerts(actor: Actor, args: SafeguardingAlertsArgs): Promise<SafeguardingAlertModel[]> {
    const schools = await this.tenancy.safeguardingSchools(actor);
    if (!schools.length) return [];
    const open = args.status === 'open';
    const rows: AlertRow[] = await this.ds.query(
      `${ALERT_SELECT}
        WHERE a.school_id = ANY($1::uuid[]) AND a.acknowledged_at IS ${open ? '' : 'NOT '}NULL
        ORDER BY ${open ? 'a.created_at ASC' : 'a.acknowledged_at DESC'}, a.id
        LIMIT $2`,
      [schools, args.first],
    );
    if (rows.length) await this.auditReads(actor, rows);
    return rows.map(toModel);
  }

  private async auditReads(actor: Actor, rows: AlertRow[]): Promise<void> {
    const districts = new Map<string, string>(
      (
        (await this.ds.query(`SELECT id, district_id FROM school WHERE id = ANY($1::uuid[])`, [
          [...new Set(rows.map((r) => r.school_id))],
        ])) as { id: string; district_id: string }[]
      ).map((s) => [s.id, s.district_id]),
    );
    await this.ds.transaction(async (m) => {
      for (const r of rows)
        await this.audit.record(
          {
            actorId: actor.userId,
            action: 'safeguarding.alert.read',
            targetType: 'safeguarding_alert',
            targetId: r.id,
            districtId: districts.get(r.school_id) ?? null,
            detail: { studentId: r.student_id, kind: r.kind },
          },
          m,
        );
    });
  }

  async acknowledge(actor: Actor, input: AcknowledgeAlertInput): Promise<SafeguardingAlertModel> {
    const schools = await this.tenancy.safeguardingSchools(actor);
    const row = await this.ds.transaction(async (m) => {
      const alert = schools.length
        ? await m
            .getRepository(SafeguardingAlert)
            .createQueryBuilder('a')
            .setLock('pessimistic_write')
            .where('a.id = :id AND a.school_id IN (:...schools)', { id: input.alertId, schools })
            .getOne()
        : null;
      if (!alert) throw notFound('Alert');
      if (alert.acknowledgedAt)
        throw appError('CONFLICT', 'This alert was already acknowledged. Reload the page to see the note.');
      await m
        .getRepository(SafeguardingAlert)
        .update(
          { id: alert.id },
          { acknowledgedAt: new Date(), acknowledgedBy: actor.userId, notes: input.note.trim() },
        );
      const [school]: { district_id: string }[] = await m.query(
        `SELECT district_id FROM school WHERE id = $1`,
        [alert.schoolId],
      );
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'safeguarding.alert.acknowledge',
          targetType: 'safeguarding_alert',
          targetId: alert.id,
          districtId: school?.district_id ?? null,
          detail: { studentId: alert.studentId, kind: alert.kind },
        },
        m,
      );
      const [updated]: AlertRow[] = await m.query(`${ALERT_SELECT} WHERE a.id = $1`, [alert.id]);
      return updated;
    });
    return toModel(row);
  }

  // ---- admins -----------------------------------------------------------------------------------------

  async staffOf(actor: Actor, schoolId: string): Promise<SchoolSafeguardingStaff | null> {
    const school = await this.tenancy.findManagedSchool(actor, schoolId);
    if (!school) return null;
    const designees: {
      user_id: string;
      display_name: string;
      email: string;
      title: string | null;
      created_at: Date;
    }[] = await this.ds.query(
      `SELECT d.user_id, u.display_name, u.email, d.title, d.created_at
         FROM safeguarding_designee d JOIN app_user u ON u.id = d.user_id
        WHERE d.school_id = $1 ORDER BY u.display_name`,
      [schoolId],
    );
    const staff: { id: string; display_name: string; email: string; roles: string[] }[] = await this.ds.query(
      `SELECT u.id, u.display_name, u.email, array_agg(DISTINCT g.role ORDER BY g.role) AS roles
         FROM role_grant g JOIN app_user u ON u.id = g.user_id AND u.disabled_at IS NULL AND u.kind = 'staff'
        WHERE g.school_id = $1 AND g.role IN ('teacher', 'school_admin')
        GROUP BY u.id, u.display_name, u.email ORDER BY u.display_name`,
      [schoolId],
    );
    const named = new Set(designees.map((d) => d.user_id));
    return {
      schoolId,
      schoolName: school.name,
      designees: designees.map((d) => ({
        userId: d.user_id,
        displayName: d.display_name,
        email: d.email,
        title: d.title,
        namedAt: d.created_at,
      })),
      candidates: staff
        .filter((s) => !named.has(s.id))
        .map((s) => ({ userId: s.id, displayName: s.display_name, email: s.email, roles: s.roles })),
    };
  }

  async designate(actor: Actor, input: DesignateSafeguardingStaffInput): Promise<SchoolSafeguardingStaff> {
    const school = await this.tenancy.findManagedSchool(actor, input.schoolId);
    if (!school) throw notFound('School');
    const [member]: { id: string }[] = await this.ds.query(
      `SELECT u.id FROM role_grant g JOIN app_user u ON u.id = g.user_id AND u.disabled_at IS NULL AND u.kind = 'staff'
        WHERE g.school_id = $1 AND g.user_id = $2 AND g.role IN ('teacher', 'school_admin') LIMIT 1`,
      [school.id, input.userId],
    );
    if (!member) throw notFound('Staff member of this school');
    await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO safeguarding_designee (school_id, user_id, title, named_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (school_id, user_id) DO UPDATE SET title = EXCLUDED.title`,
        [school.id, input.userId, input.title?.trim() || null, actor.userId],
      );
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'safeguarding.designee.add',
          targetType: 'user',
          targetId: input.userId,
          districtId: school.districtId,
          detail: { schoolId: school.id, title: input.title?.trim() || null },
        },
        m,
      );
    });
    return (await this.staffOf(actor, school.id))!;
  }

  async removeDesignee(
    actor: Actor,
    input: RemoveSafeguardingDesigneeInput,
  ): Promise<SchoolSafeguardingStaff> {
    const school = await this.tenancy.findManagedSchool(actor, input.schoolId);
    if (!school) throw notFound('School');
    await this.ds.transaction(async (m) => {
      const removed = await m
        .getRepository(SafeguardingDesignee)
        .delete({ schoolId: school.id, userId: input.userId });
      if (!removed.affected) throw notFound('Designated staff member');
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'safeguarding.designee.remove',
          targetType: 'user',
          targetId: input.userId,
          districtId: school.districtId,
          detail: { schoolId: school.id },
        },
        m,
      );
    });
    return (await this.staffOf(actor, school.id))!;
  }
}
