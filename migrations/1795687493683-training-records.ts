import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff training courses and completions; the trainings curriculum modules refer to are created here. */
export class TrainingRecords1795687493683 implements MigrationInterface {
  name = 'TrainingRecords1795687493683';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "training_course" ("code" character varying(60) NOT NULL, "title" character varying(200) NOT NULL, "validity_months" integer, CONSTRAINT "CHK_training_course_validity" CHECK ("validity_months" IS NULL OR "validity_months" > 0), CONSTRAINT "PK_7302d416d5de2b1d934ec65b9aa" PRIMARY KEY ("code"))`,
    );
    await q.query(
      `CREATE TABLE "training_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "course_code" character varying(60) NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "source" character varying(10) NOT NULL, "note" character varying(500), "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_training_record_dates" CHECK ("expires_at" IS NULL OR "expires_at" > "completed_at"), CONSTRAINT "CHK_training_record_source" CHECK ("source" IN ('haven', 'external')), CONSTRAINT "PK_bb21cf01b9f9eaec90b518a9426" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `INSERT INTO "training_course" ("code", "title", "validity_months") VALUES
        ('haven-facilitator-basics', 'Haven facilitator basics: trauma-informed delivery, disclosure protocol, quick exit', 24),
        ('mandated-reporter', 'Mandated reporter training under state law', NULL),
        ('trafficking-awareness-staff', 'Staff training on human trafficking awareness (e.g. Texas TEC 38.0041)', NULL)`,
    );
    await q.query(`CREATE INDEX "IDX_training_record_course" ON "training_record"  ("course_code")`);
    await q.query(`CREATE INDEX "IDX_training_record_user" ON "training_record"  ("user_id")`);
    await q.query(
      `ALTER TABLE "training_record" ADD CONSTRAINT "FK_542c505a9524e378ff4df15e283" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "training_record" ADD CONSTRAINT "FK_48115ee2ae906eb0fafe6793e17" FOREIGN KEY ("course_code") REFERENCES "training_course"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "training_record" ADD CONSTRAINT "FK_909deede73251e9485a2029aca8" FOREIGN KEY ("recorded_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "training_record" DROP CONSTRAINT "FK_909deede73251e9485a2029aca8"`);
    await q.query(`ALTER TABLE "training_record" DROP CONSTRAINT "FK_48115ee2ae906eb0fafe6793e17"`);
    await q.query(`ALTER TABLE "training_record" DROP CONSTRAINT "FK_542c505a9524e378ff4df15e283"`);
    await q.query(`DROP TABLE "training_record"`);
    await q.query(`DROP TABLE "training_course"`);
  }
}
