import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Designated safeguarding staff per school, and safeguarding alerts (talk requests, concerning phrases). */
export class Safeguarding1795700100000 implements MigrationInterface {
  name = 'Safeguarding1795700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "safeguarding_designee" ("school_id" uuid NOT NULL, "user_id" uuid NOT NULL, "title" character varying(100), "named_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3f1bc6b3631ebe23d957de3b07c" PRIMARY KEY ("school_id", "user_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_safeguarding_designee_user" ON "safeguarding_designee"  ("user_id") `);
    await q.query(
      `CREATE TABLE "safeguarding_alert" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "student_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "source_text" text, "categories" character varying(40) array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "acknowledged_by" uuid, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "notes" character varying(2000), CONSTRAINT "CHK_safeguarding_alert_ack" CHECK ("acknowledged_by" IS NULL OR "acknowledged_at" IS NOT NULL), CONSTRAINT "CHK_safeguarding_alert_kind" CHECK ("kind" IN ('talk-request', 'concerning-phrase')), CONSTRAINT "PK_ebe55acf5a4c6ccff776262d48d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_safeguarding_alert_student" ON "safeguarding_alert"  ("student_id") `);
    await q.query(
      `CREATE INDEX "IDX_safeguarding_alert_school_open" ON "safeguarding_alert"  ("school_id", "acknowledged_at") `,
    );
    await q.query(
      `ALTER TABLE "safeguarding_designee" ADD CONSTRAINT "FK_631fc8ea3647fc6d933d755129f" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "safeguarding_designee" ADD CONSTRAINT "FK_fcdc0c8b4aadf686057363eae46" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "safeguarding_designee" ADD CONSTRAINT "FK_d15d121bc024d88e14c98aaa697" FOREIGN KEY ("named_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "safeguarding_alert" ADD CONSTRAINT "FK_6893787e077aa8099da6b381933" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "safeguarding_alert" ADD CONSTRAINT "FK_ea29f5a7b0d26497eec1f33f854" FOREIGN KEY ("student_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "safeguarding_alert" ADD CONSTRAINT "FK_cdc475fcab8af7f77a52ad2e59a" FOREIGN KEY ("acknowledged_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "safeguarding_alert"`);
    await q.query(`DROP TABLE "safeguarding_designee"`);
  }
}
