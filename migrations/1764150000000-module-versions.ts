import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The curriculum catalog: immutable module versions compiled from curricula/. */
export class ModuleVersions1764150000000 implements MigrationInterface {
  name = 'ModuleVersions1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "module_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "module_id" character varying(80) NOT NULL, "version" character varying(40) NOT NULL, "version_sort" character varying(40) NOT NULL, "content_hash" character varying(64) NOT NULL, "title" jsonb NOT NULL, "summary" jsonb NOT NULL, "grade_band" character varying(5) NOT NULL, "grades" smallint array NOT NULL, "languages" character varying(10) array NOT NULL, "source_language" character varying(10) NOT NULL, "topics" character varying(60) array NOT NULL, "estimated_minutes" integer NOT NULL, "bundle" jsonb NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_module_version_hash" CHECK ("content_hash" ~ '^[0-9a-f]{64}$'), CONSTRAINT "CHK_module_version_band" CHECK ("grade_band" IN ('K-2', '3-5', '6-8', '9-12')), CONSTRAINT "PK_980f26dd3aaba44386ab0cef6d2" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_module_version_band" ON "module_version" ("grade_band")`);
    await q.query(`CREATE UNIQUE INDEX "UQ_module_version" ON "module_version" ("module_id", "version")`);
    // A published version never changes: assignments and student records point at it.
    await q.query(`CREATE FUNCTION "module_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'module versions are immutable (module %, version %)', OLD.module_id, OLD.version;
      END $$`);
    await q.query(
      `CREATE TRIGGER "TRG_module_version_immutable" BEFORE UPDATE ON "module_version" FOR EACH ROW EXECUTE FUNCTION "module_version_immutable"()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "TRG_module_version_immutable" ON "module_version"`);
    await q.query(`DROP FUNCTION "module_version_immutable"()`);
    await q.query(`DROP TABLE "module_version"`);
  }
}
