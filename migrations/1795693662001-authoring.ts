import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The authoring studio: drafts with revisions, reviews with checklists, anchored comments, workflow events,
 * reviewer qualifications, and the content files of every module version (insert-only, like the version).
 */
export class Authoring1795693662001 implements MigrationInterface {
  name = 'Authoring1795693662001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "module_version_source" ("module_version_id" uuid NOT NULL, "files" jsonb NOT NULL, "origin" character varying(10) NOT NULL, "published_by" uuid, CONSTRAINT "PK_270b0c81cf04940ddb361b8547c" PRIMARY KEY ("module_version_id"))`,
    );
    await q.query(
      `CREATE TABLE "module_draft" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "module_id" character varying(80) NOT NULL, "base_version_id" uuid, "status" character varying(20) NOT NULL, "revision" integer NOT NULL DEFAULT '1', "document" jsonb NOT NULL, "translation_basis" jsonb NOT NULL, "bump" character varying(5), "contributors" uuid array NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_version_id" uuid, CONSTRAINT "CHK_module_draft_bump" CHECK ("bump" IS NULL OR "bump" IN ('patch', 'minor', 'major')), CONSTRAINT "CHK_module_draft_status" CHECK ("status" IN ('draft', 'in_review', 'changes_requested', 'approved', 'published')), CONSTRAINT "PK_286ce826e43e140348cc5a25ca7" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_module_draft_open" ON "module_draft"  ("district_id", "module_id") WHERE "status" <> 'published'`,
    );
    await q.query(
      `CREATE INDEX "IDX_module_draft_district_status" ON "module_draft"  ("district_id", "status")`,
    );
    await q.query(
      `CREATE TABLE "module_draft_review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "draft_id" uuid NOT NULL, "revision" integer NOT NULL, "kind" character varying(20) NOT NULL, "reviewer_id" uuid NOT NULL, "outcome" character varying(20) NOT NULL, "checked" character varying(40) array NOT NULL, "notes" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_module_draft_review_outcome" CHECK ("outcome" IN ('approve', 'request_changes')), CONSTRAINT "CHK_module_draft_review_kind" CHECK ("kind" IN ('educator', 'trauma-informed', 'survivor-informed')), CONSTRAINT "PK_765342c8a210e922c78e9e0212d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_module_draft_review_draft" ON "module_draft_review"  ("draft_id")`);
    await q.query(
      `CREATE TABLE "module_draft_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "draft_id" uuid NOT NULL, "anchor_key" character varying(300) NOT NULL, "anchor" jsonb NOT NULL, "body" text NOT NULL, "author_id" uuid NOT NULL, "revision" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by" uuid, CONSTRAINT "PK_01d1da6ad3d9b96cf34dff45514" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_module_draft_comment_draft" ON "module_draft_comment"  ("draft_id")`);
    await q.query(
      `CREATE TABLE "module_draft_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "draft_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "action" character varying(30) NOT NULL, "to_status" character varying(20) NOT NULL, "revision" integer NOT NULL, "note" character varying(2000), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1671ea66d626a7a2de008eaf58b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_module_draft_event_draft" ON "module_draft_event"  ("draft_id", "at")`);
    await q.query(
      `CREATE TABLE "reviewer_qualification" ("user_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, CONSTRAINT "CHK_reviewer_qualification_kind" CHECK ("kind" IN ('educator', 'trauma-informed', 'survivor-informed')), CONSTRAINT "PK_e938fd95c5923b02638464eb255" PRIMARY KEY ("user_id", "kind"))`,
    );
    await q.query(
      `ALTER TABLE "module_version_source" ADD CONSTRAINT "FK_270b0c81cf04940ddb361b8547c" FOREIGN KEY ("module_version_id") REFERENCES "module_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "module_version_source" ADD CONSTRAINT "FK_fa66b539a7d6bcc5a29b0ea68ba" FOREIGN KEY ("published_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "module_draft" ADD CONSTRAINT "FK_ffac1fd565af69617edf7d5a3c4" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "module_draft" ADD CONSTRAINT "FK_9d1dfc02371d31b4293b8569b38" FOREIGN KEY ("base_version_id") REFERENCES "module_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "module_draft" ADD CONSTRAINT "FK_a17a3f611207fc3bddf6cfb428c" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "module_draft" ADD CONSTRAINT "FK_69f61e998332111c384bee1327b" FOREIGN KEY ("updated_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "module_draft" ADD CONSTRAINT "FK_b8ad21a6cb3d60b5331a85ab9bd" FOREIGN KEY ("published_version_id") REFERENCES "module_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "module_draft_review" ADD CONSTRAINT "FK_ea5a00ff1ca8ddf23d551f07557" FOREIGN KEY ("draft_id") REFERENCES "module_draft"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "module_draft_review" ADD CONSTRAINT "FK_6bc1b8a837f7693a3f703608804" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "module_draft_comment" ADD CONSTRAINT "FK_f1519b6d3decbe8065d81ac305e" FOREIGN KEY ("draft_id") REFERENCES "module_draft"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "module_draft_comment" ADD CONSTRAINT "FK_8a7f29bccae38ace74e37f6d0fe" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "module_draft_comment" ADD CONSTRAINT "FK_ead4a293e73cacd51e3ac26da8c" FOREIGN KEY ("resolved_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "module_draft_event" ADD CONSTRAINT "FK_a5189ca57eade4ac2a6395bd087" FOREIGN KEY ("draft_id") REFERENCES "module_draft"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "module_draft_event" ADD CONSTRAINT "FK_b83db9ba71ab5486153730d2d8e" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reviewer_qualification" ADD CONSTRAINT "FK_d13fc555977af9567e7190bbcf8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE FUNCTION "module_version_source_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the files of a module version are immutable (version %)', OLD.module_version_id;
      END $$`);
    await q.query(
      `CREATE TRIGGER "TRG_module_version_source_immutable" BEFORE UPDATE ON "module_version_source" FOR EACH ROW EXECUTE FUNCTION "module_version_source_immutable"()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "TRG_module_version_source_immutable" ON "module_version_source"`);
    await q.query(`DROP FUNCTION "module_version_source_immutable"()`);
    await q.query(`ALTER TABLE "reviewer_qualification" DROP CONSTRAINT "FK_d13fc555977af9567e7190bbcf8"`);
    await q.query(`ALTER TABLE "module_draft_event" DROP CONSTRAINT "FK_b83db9ba71ab5486153730d2d8e"`);
    await q.query(`ALTER TABLE "module_draft_event" DROP CONSTRAINT "FK_a5189ca57eade4ac2a6395bd087"`);
    await q.query(`ALTER TABLE "module_draft_comment" DROP CONSTRAINT "FK_ead4a293e73cacd51e3ac26da8c"`);
    await q.query(`ALTER TABLE "module_draft_comment" DROP CONSTRAINT "FK_8a7f29bccae38ace74e37f6d0fe"`);
    await q.query(`ALTER TABLE "module_draft_comment" DROP CONSTRAINT "FK_f1519b6d3decbe8065d81ac305e"`);
    await q.query(`ALTER TABLE "module_draft_review" DROP CONSTRAINT "FK_6bc1b8a837f7693a3f703608804"`);
    await q.query(`ALTER TABLE "module_draft_review" DROP CONSTRAINT "FK_ea5a00ff1ca8ddf23d551f07557"`);
    await q.query(`ALTER TABLE "module_draft" DROP CONSTRAINT "FK_b8ad21a6cb3d60b5331a85ab9bd"`);
    await q.query(`ALTER TABLE "module_draft" DROP CONSTRAINT "FK_69f61e998332111c384bee1327b"`);
    await q.query(`ALTER TABLE "module_draft" DROP CONSTRAINT "FK_a17a3f611207fc3bddf6cfb428c"`);
    await q.query(`ALTER TABLE "module_draft" DROP CONSTRAINT "FK_9d1dfc02371d31b4293b8569b38"`);
    await q.query(`ALTER TABLE "module_draft" DROP CONSTRAINT "FK_ffac1fd565af69617edf7d5a3c4"`);
    await q.query(`ALTER TABLE "module_version_source" DROP CONSTRAINT "FK_fa66b539a7d6bcc5a29b0ea68ba"`);
    await q.query(`ALTER TABLE "module_version_source" DROP CONSTRAINT "FK_270b0c81cf04940ddb361b8547c"`);
    await q.query(`DROP TABLE "reviewer_qualification"`);
    await q.query(`DROP TABLE "module_draft_event"`);
    await q.query(`DROP TABLE "module_draft_comment"`);
    await q.query(`DROP TABLE "module_draft_review"`);
    await q.query(`DROP TABLE "module_draft"`);
    await q.query(`DROP TABLE "module_version_source"`);
  }
}
