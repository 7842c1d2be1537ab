import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliveryRecords1795700000000 implements MigrationInterface {
  name = 'DeliveryRecords1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "class_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_id" uuid NOT NULL, "assignment_id" uuid NOT NULL, "module_version_id" uuid NOT NULL, "lesson_id" character varying(80) NOT NULL, "delivered_by" uuid NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "minutes" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_class_delivery_minutes" CHECK ("minutes" BETWEEN 1 AND 600), CONSTRAINT "PK_class_delivery" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_class_delivery_assignment" ON "class_delivery" ("assignment_id")`);
    await q.query(`CREATE INDEX "IDX_class_delivery_class" ON "class_delivery" ("class_id")`);
    await q.query(
      `CREATE TABLE "delivery_attendance" ("delivery_id" uuid NOT NULL, "student_id" uuid NOT NULL, CONSTRAINT "PK_delivery_attendance" PRIMARY KEY ("delivery_id", "student_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_delivery_attendance_student" ON "delivery_attendance" ("student_id")`);
    await q.query(
      `ALTER TABLE "class_delivery" ADD CONSTRAINT "FK_class_delivery_class" FOREIGN KEY ("class_id") REFERENCES "class_section"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "class_delivery" ADD CONSTRAINT "FK_class_delivery_assignment" FOREIGN KEY ("assignment_id") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "class_delivery" ADD CONSTRAINT "FK_class_delivery_module_version" FOREIGN KEY ("module_version_id") REFERENCES "module_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "class_delivery" ADD CONSTRAINT "FK_class_delivery_delivered_by" FOREIGN KEY ("delivered_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "delivery_attendance" ADD CONSTRAINT "FK_delivery_attendance_delivery" FOREIGN KEY ("delivery_id") REFERENCES "class_delivery"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "delivery_attendance" ADD CONSTRAINT "FK_delivery_attendance_student" FOREIGN KEY ("student_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "delivery_attendance" DROP CONSTRAINT "FK_delivery_attendance_student"`);
    await q.query(`ALTER TABLE "delivery_attendance" DROP CONSTRAINT "FK_delivery_attendance_delivery"`);
    await q.query(`ALTER TABLE "class_delivery" DROP CONSTRAINT "FK_class_delivery_delivered_by"`);
    await q.query(`ALTER TABLE "class_delivery" DROP CONSTRAINT "FK_class_delivery_module_version"`);
    await q.query(`ALTER TABLE "class_delivery" DROP CONSTRAINT "FK_class_delivery_assignment"`);
    await q.query(`ALTER TABLE "class_delivery" DROP CONSTRAINT "FK_class_delivery_class"`);
    await q.query(`DROP TABLE "delivery_attendance"`);
    await q.query(`DROP TABLE "class_delivery"`);
  }
}
