import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FacilitatorProfiles1795700300000 implements MigrationInterface {
  name = 'FacilitatorProfiles1795700300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "facilitator_profile" ("user_id" uuid NOT NULL, "display_name" character varying(120) NOT NULL, "pronouns" character varying(40), "bio" character varying(2000) NOT NULL DEFAULT '', "languages" character varying(10) array NOT NULL DEFAULT '{}', "listed" boolean NOT NULL DEFAULT false, "survivor_statement" character varying(2000), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_facilitator_profile_survivor" CHECK ("survivor_statement" IS NULL OR length(btrim("survivor_statement")) > 0), CONSTRAINT "PK_facilitator_profile" PRIMARY KEY ("user_id"))`,
    );
    await q.query(
      `ALTER TABLE "facilitator_profile" ADD CONSTRAINT "FK_bad7ed3d03eee11919dc43d2979" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "facilitator_profile" DROP CONSTRAINT "FK_bad7ed3d03eee11919dc43d2979"`);
    await q.query(`DROP TABLE "facilitator_profile"`);
  }
}
