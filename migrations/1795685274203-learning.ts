import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Learning1795685274203 implements MigrationInterface {
  name = 'Learning1795685274203';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_id" uuid NOT NULL, "module_version_id" uuid NOT NULL, "assigned_by" uuid NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_assignment_dates" CHECK ("due_at" IS NULL OR "due_at" > "opens_at"), CONSTRAINT "PK_43c2f5a3859f54cedafb270f37e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_assignment_module_version" ON "assignment"  ("module_version_id")`);
    await q.query(`CREATE INDEX "IDX_assignment_class" ON "assignment"  ("class_id")`);
    await q.query(
      `CREATE TABLE "attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "student_id" uuid NOT NULL, "assignment_id" uuid NOT NULL, "module_version_id" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'in_progress', "step_index" integer NOT NULL DEFAULT '0', "block_index" integer NOT NULL DEFAULT '0', "completed_steps" integer array NOT NULL DEFAULT '{}', "alternative_topics" character varying(60) array NOT NULL DEFAULT '{}', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '0', CONSTRAINT "CHK_attempt_step" CHECK ("step_index" >= 0 AND "block_index" >= 0), CONSTRAINT "CHK_attempt_status" CHECK ("status" IN ('in_progress', 'completed')), CONSTRAINT "PK_5f822b29b3128d1c65d3d6c193d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_attempt_assignment" ON "attempt"  ("assignment_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_attempt_student_assignment" ON "attempt"  ("student_id", "assignment_id")`,
    );
    await q.query(
      `CREATE TABLE "scenario_run" ("attempt_id" uuid NOT NULL, "scenario_id" character varying(80) NOT NULL, "run_no" integer NOT NULL, "path" character varying(80) array NOT NULL DEFAULT '{}', "ended" boolean NOT NULL DEFAULT false, "outcome" character varying(40), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_scenario_run_outcome" CHECK ("ended" = ("outcome" IS NOT NULL)), CONSTRAINT "PK_86bb12cdff7d1ed883ce290f761" PRIMARY KEY ("attempt_id", "scenario_id", "run_no"))`,
    );
    await q.query(
      `CREATE TABLE "assessment_response" ("attempt_id" uuid NOT NULL, "assessment_id" character varying(80) NOT NULL, "item_id" character varying(80) NOT NULL, "response" character varying(80) NOT NULL, "correct" boolean, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b92a5ec941549aa5a6bd7c39563" PRIMARY KEY ("attempt_id", "assessment_id", "item_id"))`,
    );
    await q.query(
      `CREATE TABLE "progress_event" ("id" uuid NOT NULL, "attempt_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "payload" jsonb NOT NULL, "client_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_progress_event_kind" CHECK ("kind" IN ('lesson_position', 'step_complete', 'scenario_choice', 'scenario_restart', 'assessment_response', 'reflection', 'content_alternative')), CONSTRAINT "PK_07ea3f68c930cde430d072501c8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_progress_event_attempt" ON "progress_event"  ("attempt_id", "received_at")`,
    );
    await q.query(
      `ALTER TABLE "assignment" ADD CONSTRAINT "FK_7b0a1a817f6330532a2f1b44d16" FOREIGN KEY ("class_id") REFERENCES "class_section"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "assignment" ADD CONSTRAINT "FK_c77729b4e462be2b790a70abbcc" FOREIGN KEY ("module_version_id") REFERENCES "module_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "assignment" ADD CONSTRAINT "FK_0d1a69b465dd5f41fd194e37757" FOREIGN KEY ("assigned_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "attempt" ADD CONSTRAINT "FK_8e9241720aaf17b02e870a94c6e" FOREIGN KEY ("student_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "attempt" ADD CONSTRAINT "FK_859e88295c6ceb189d46541deae" FOREIGN KEY ("assignment_id") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "attempt" ADD CONSTRAINT "FK_71c6bb98a8f6438518cbc34844b" FOREIGN KEY ("module_version_id") REFERENCES "module_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "scenario_run" ADD CONSTRAINT "FK_c0015509568d4ba87a2cf5eba0e" FOREIGN KEY ("attempt_id") REFERENCES "attempt"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "assessment_response" ADD CONSTRAINT "FK_dfa63f74f09bd50c39391f4f3b7" FOREIGN KEY ("attempt_id") REFERENCES "attempt"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "progress_event" ADD CONSTRAINT "FK_f30a5b5a40ade3100fa6379e0bc" FOREIGN KEY ("attempt_id") REFERENCES "attempt"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "progress_event" DROP CONSTRAINT "FK_f30a5b5a40ade3100fa6379e0bc"`);
    await q.query(`ALTER TABLE "assessment_response" DROP CONSTRAINT "FK_dfa63f74f09bd50c39391f4f3b7"`);
    await q.query(`ALTER TABLE "scenario_run" DROP CONSTRAINT "FK_c0015509568d4ba87a2cf5eba0e"`);
    await q.query(`ALTER TABLE "attempt" DROP CONSTRAINT "FK_71c6bb98a8f6438518cbc34844b"`);
    await q.query(`ALTER TABLE "attempt" DROP CONSTRAINT "FK_859e88295c6ceb189d46541deae"`);
    await q.query(`ALTER TABLE "attempt" DROP CONSTRAINT "FK_8e9241720aaf17b02e870a94c6e"`);
    await q.query(`ALTER TABLE "assignment" DROP CONSTRAINT "FK_0d1a69b465dd5f41fd194e37757"`);
    await q.query(`ALTER TABLE "assignment" DROP CONSTRAINT "FK_c77729b4e462be2b790a70abbcc"`);
    await q.query(`ALTER TABLE "assignment" DROP CONSTRAINT "FK_7b0a1a817f6330532a2f1b44d16"`);
    await q.query(`DROP TABLE "progress_event"`);
    await q.query(`DROP TABLE "assessment_response"`);
    await q.query(`DROP TABLE "scenario_run"`);
    await q.query(`DROP TABLE "attempt"`);
    await q.query(`DROP TABLE "assignment"`);
  }
}
