import type { MigrationInterface, QueryRunner } from 'typeorm';

/** OneRoster imports: sourcedId → Haven record per district (`roster_source`), and the audit of each run. */
export class RosterImport1795688087017 implements MigrationInterface {
  name = 'RosterImport1795688087017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "roster_source" ("district_id" uuid NOT NULL, "kind" character varying(12) NOT NULL, "sourced_id" character varying(255) NOT NULL, "entity_id" uuid NOT NULL, "member_id" uuid, "deactivated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_roster_source_member" CHECK (("kind" = 'enrollment') = ("member_id" IS NOT NULL)), CONSTRAINT "CHK_roster_source_kind" CHECK ("kind" IN ('school', 'class', 'user', 'enrollment')), CONSTRAINT "PK_e1f05c9779b660d5d9de61aa067" PRIMARY KEY ("district_id", "kind", "sourced_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_roster_source_entity" ON "roster_source"  ("kind", "entity_id")`);
    await q.query(
      `CREATE TABLE "import_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "started_by" uuid, "file_name" character varying(255) NOT NULL, "mode" character varying(20) NOT NULL, "status" character varying(20) NOT NULL, "counts" jsonb NOT NULL, "issues" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_import_run_status" CHECK ("status" IN ('applied', 'unchanged', 'rejected')), CONSTRAINT "CHK_import_run_mode" CHECK ("mode" IN ('all-or-nothing', 'valid-rows')), CONSTRAINT "PK_efe3e6d8cb9f51ca4e9cd1cf5d3" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_import_run_district_at" ON "import_run"  ("district_id", "created_at")`);
    await q.query(
      `ALTER TABLE "roster_source" ADD CONSTRAINT "FK_460cebfde010d01d34f549c96f9" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "import_run" ADD CONSTRAINT "FK_1b62008beaf9e1c646c18c9be3b" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "import_run" ADD CONSTRAINT "FK_88aa9b4b8a5ca6b780a1387ad70" FOREIGN KEY ("started_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "import_run" DROP CONSTRAINT "FK_88aa9b4b8a5ca6b780a1387ad70"`);
    await q.query(`ALTER TABLE "import_run" DROP CONSTRAINT "FK_1b62008beaf9e1c646c18c9be3b"`);
    await q.query(`ALTER TABLE "roster_source" DROP CONSTRAINT "FK_460cebfde010d01d34f549c96f9"`);
    await q.query(`DROP TABLE "import_run"`);
    await q.query(`DROP TABLE "roster_source"`);
  }
}
