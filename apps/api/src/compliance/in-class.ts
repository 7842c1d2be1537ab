import type { DeliveryRecord } from '@haven/mandates';

/** A student present at an in-class delivery, with their online record of the same assignment. */
export interface AttendanceRow {
  student_id: string;
  delivery_id: string;
  assignment_id: string;
  module_version_id: string;
  lesson_id: string;
  /** YYYY-MM-DD */
  day: string;
  minutes: number;
  delivered_by: string;
  delivered_at: Date;
  attempt_status: string | null;
  completed_steps: number[] | null;
  /** YYYY-MM-DD of the attempt's last step, when there is one. */
  attempt_day: string | null;
}

/** What instruction in a module version is: its lessons (with their place in the sequence and minutes). */
export interface LessonPlan {
  moduleId: string;
  version: string;
  topics: readonly string[];
  lessons: readonly { id: string; step: number; minutes: number }[];
}

/**
 * Instruction received through in-class delivery: a student has received an assignment's module when every
 * lesson of it was either completed online or taught in class with the student present (over one or several
 * deliveries, e.g. two halves on different days). Minutes are the in-class minutes of the deliveries the
 * student attended plus the lesson minutes of the lessons completed online. An assignment already completed
 * online counts as a module completion, not here. Each record names the deliveries it is made of.
 */
export function inClassDeliveries(
  rows: readonly AttendanceRow[],
  plans: ReadonlyMap<string, LessonPlan>,
): { record: DeliveryRecord; label: string }[] {
  const byStudentAssignment = new Map<string, AttendanceRow[]>();
  for (const r of rows) {
    if (r.attempt_status === 'completed') continue;
    const key = `${r.assignment_id}:${r.student_id}`;
    byStudentAssignment.set(key, [...(byStudentAssignment.get(key) ?? []), r]);
  }
  const out: { record: DeliveryRecord; label: string }[] = [];
  for (const [key, attended] of byStudentAssignment) {
    const first = attended[0];
    const plan = plans.get(first.module_version_id);
    if (!plan || plan.lessons.length === 0) continue;
    const inClass = new Set(attended.map((r) => r.lesson_id));
    const online = new Set(first.completed_steps ?? []);
    const onlineLessons = plan.lessons.filter((l) => !inClass.has(l.id) && online.has(l.step));
    if (!plan.lessons.every((l) => inClass.has(l.id) || online.has(l.step))) continue;
    const sorted = [...attended].sort((a, b) => a.delivered_at.getTime() - b.delivered_at.getTime());
    const days = sorted.map((r) => r.day);
    if (onlineLessons.length && first.attempt_day) days.push(first.attempt_day);
    const minutes =
      sorted.reduce((n, r) => n + r.minutes, 0) + onlineLessons.reduce((n, l) => n + l.minutes, 0);
    const parts = [`in class: ${sorted.map((r) => `${r.lesson_id} ${r.day}`).join(', ')}`];
    if (onlineLessons.length) parts.push(`online: ${onlineLessons.map((l) => l.id).join(', ')}`);
    out.push({
      record: {
        id: `in-class:${key}`,
        studentId: first.student_id,
        date: days.sort()[days.length - 1],
        moduleId: plan.moduleId,
        moduleVersion: plan.version,
        topics: plan.topics,
        minutes,
        facilitatorId: sorted[sorted.length - 1].delivered_by,
        via: 'in-class',
      },
      label: `${plan.moduleId}@${plan.version} (${parts.join('; ')})`,
    });
  }
  return out;
}
