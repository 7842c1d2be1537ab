import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsentRecords1795689710889 implements MigrationInterface {
  name = 'ConsentRecords1795689710889';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "consent_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "student_id" uuid NOT NULL, "school_year" character varying(9) NOT NULL, "kind" character varying(20) NOT NULL, "module_id" character varying(80), "note" character varying(500), "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_consent_record_year" CHECK ("school_year" ~ '^[0-9]{4}-[0-9]{4}$'), CONSTRAINT "CHK_consent_record_kind" CHECK ("kind" IN ('opt-out', 'written-consent')), CONSTRAINT "PK_b357c35aea3aa0be4647282324f" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_consent_record_student_year" ON "consent_record"  ("student_id", "school_year")`,
    );
    await q.query(
      `ALTER TABLE "consent_record" ADD CONSTRAINT "FK_0ef9ab68df1c2a7c971fd2e9c49" FOREIGN KEY ("student_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "consent_record" ADD CONSTRAINT "FK_733d5a8a23791854db13c2f7a54" FOREIGN KEY ("recorded_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "consent_record" DROP CONSTRAINT "FK_733d5a8a23791854db13c2f7a54"`);
    await q.query(`ALTER TABLE "consent_record" DROP CONSTRAINT "FK_0ef9ab68df1c2a7c971fd2e9c49"`);
    await q.query(`DROP TABLE "consent_record"`);
  }
}
