import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ModuleVersion } from '@haven/curriculum';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { localize } from '../catalog/localize';
import { badInput, notFound } from '../common/errors';
import { ConsentService } from '../consent/consent.service';
import { Assignment } from '../learning/learning.entities';
import { ModuleBundles } from '../learning/module-bundles';
import { TenancyService } from '../tenancy/tenancy.service';
import { TrainingService } from '../training/training.service';
import { ClassDelivery, DeliveryAttendance } from './delivery.entities';
import { ClassDeliveryModel, RecordDeliveryInput } from './delivery.models';

/** A delivery may be dated a little ahead (clock drift between devices), never later. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Lessons taught to a class in person (facilitation mode) and who was present. Recording one follows the
 * rules of assigning the module: only the class's teachers and its school's or district's admins, only staff
 * who hold the module's facilitator trainings, and never for a student the consent rules excuse.
 */
@Injectable()
export class DeliveryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tenancy: TenancyService,
    private readonly bundles: ModuleBundles,
    private readonly training: TrainingService,
    private readonly consent: ConsentService,
    private readonly audit: AuditService,
  ) {}

  async record(actor: Actor, input: RecordDeliveryInput): Promise<ClassDeliveryModel> {
    const assignment = await this.ds.getRepository(Assignment).findOne({ where: { id: input.assignmentId } });
    const cls = assignment ? await this.tenancy.findClassToTeach(actor, assignment.classId) : null;
    if (!assignment || !cls) throw notFound('Assignment');
    const bundle = await this.bundles.get(assignment.moduleVersionId);
    const lesson = bundle.lessons.find((l) => l.id === input.lessonId);
    if (!lesson) throw badInput(`This module version has no lesson "${input.lessonId}".`);
    const now = new Date();
    const deliveredAt = input.deliveredAt ?? now;
    if (deliveredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw badInput('A lesson can only be recorded once it has been taught: deliveredAt is in the future.');
    }
    const missing = await this.training.missing(actor.userId, bundle.facilitator.trainings, deliveredAt);
    if (missing.length) {
      throw badInput(
        `Only staff trained to deliver this module may teach it in class. You need: ${missing.map((c) => c.title).join('; ')}. ` +
          'Ask your school or district admin to record the training, or complete it in Haven.',
        { missingTrainings: missing.map((c) => c.code) },
      );
    }
    const present = [...new Set(input.presentStudentIds)];
    const enrolled: { id: string }[] = await this.ds.query(
      `SELECT u.id FROM enrollment e JOIN app_user u ON u.id = e.student_id AND u.disabled_at IS NULL
        WHERE e.class_id = $1`,
      [cls.id],
    );
    const inClass = new Set(enrolled.map((r) => r.id));
    if (present.some((id) => !inClass.has(id))) {
      throw badInput('Only students enrolled in this class can be marked present.');
    }
    const excused = await this.consent.ineligibleInClass(cls.id, bundle.id);
    const notAllowed = present.filter((id) => excused.has(id));
    if (notAllowed.length) {
      throw badInput(
        `${notAllowed.length === 1 ? 'One student' : `${notAllowed.length} students`} marked present ` +
          'may not receive this module under the parental consent rules (opted out, or no written consent). ' +
          'They are excused: give them the alternative activity and leave them unticked.',
        { excusedStudentIds: notAllowed },
      );
    }
    const saved = await this.ds.transaction(async (m) => {
      const row = await m.getRepository(ClassDelivery).save({
        classId: cls.id,
        assignmentId: assignment.id,
        moduleVersionId: assignment.moduleVersionId,
        lessonId: lesson.id,
        deliveredBy: actor.userId,
        deliveredAt,
        minutes: input.minutes,
      });
      if (present.length) {
        await m
          .getRepository(DeliveryAttendance)
          .insert(present.map((studentId) => ({ deliveryId: row.id, studentId })));
      }
      const [school]: { district_id: string }[] = await m.query(
        `SELECT district_id FROM school WHERE id = $1`,
        [cls.schoolId],
      );
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'delivery.record',
          targetType: 'assignment',
          targetId: assignment.id,
          districtId: school?.district_id ?? null,
          detail: {
            classId: cls.id,
            lessonId: lesson.id,
            minutes: input.minutes,
            present: present.length,
            module: `${bundle.id}@${bundle.version}`,
          },
        },
        m,
      );
      return row;
    });
    const [me]: { display_name: string }[] = await this.ds.query(
      `SELECT display_name FROM app_user WHERE id = $1`,
      [actor.userId],
    );
    return {
      id: saved.id,
      assignmentId: assignment.id,
      classId: cls.id,
      lessonId: lesson.id,
      lessonTitle: this.lessonTitle(bundle, lesson.id, actor),
      deliveredAt,
      minutes: input.minutes,
      deliveredByName: me?.display_name ?? '',
      presentStudentIds: present,
    };
  }

  /** The in-class deliveries of an assignment the actor may see, oldest first. Audited (attendance records). */
  async ofAssignment(actor: Actor, assignmentId: string): Promise<ClassDeliveryModel[]> {
    const assignment = await this.ds.getRepository(Assignment).findOne({ where: { id: assignmentId } });
    const cls = assignment ? await this.tenancy.findClass(actor, assignment.classId) : null;
    if (!assignment || !cls) return [];
    const rows: {
      id: string;
      lesson_id: string;
      delivered_at: Date;
      minutes: number;
      display_name: string;
      present: string[];
    }[] = await this.ds.query(
      `SELECT d.id, d.lesson_id, d.delivered_at, d.minutes, u.display_name,
              coalesce((SELECT array_agg(a.student_id ORDER BY a.student_id) FROM delivery_attendance a
                         WHERE a.delivery_id = d.id), '{}') AS present
         FROM class_delivery d JOIN app_user u ON u.id = d.delivered_by
        WHERE d.assignment_id = $1 ORDER BY d.delivered_at, d.created_at`,
      [assignment.id],
    );
    const bundle = await this.bundles.get(assignment.moduleVersionId);
    const [school]: { district_id: string }[] = await this.ds.query(
      `SELECT district_id FROM school WHERE id = $1`,
      [cls.schoolId],
    );
    await this.audit.record({
      actorId: actor.userId,
      action: 'delivery.read',
      targetType: 'assignment',
      targetId: assignment.id,
      districtId: school?.district_id ?? null,
      detail: { deliveries: rows.length },
    });
    return rows.map((r) => ({
      id: r.id,
      assignmentId: assignment.id,
      classId: cls.id,
      lessonId: r.lesson_id,
      lessonTitle: this.lessonTitle(bundle, r.lesson_id, actor),
      deliveredAt: r.delivered_at,
      minutes: r.minutes,
      deliveredByName: r.display_name,
      presentStudentIds: r.present,
    }));
  }

  private lessonTitle(b: ModuleVersion, lessonId: string, actor: Actor): string {
    const lesson = b.lessons.find((l) => l.id === lessonId);
    const lang = b.languages.includes(actor.preferredLanguage) ? actor.preferredLanguage : b.sourceLanguage;
    return lesson ? localize(lesson.title, lang, b.sourceLanguage) : lessonId;
  }
}
