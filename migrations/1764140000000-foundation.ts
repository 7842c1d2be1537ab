import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity and tenancy: district → school → class → enrollment, users with scoped roles, sessions, audit. */
export class Foundation1764140000000 implements MigrationInterface {
  name = 'Foundation1764140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "audit_event" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" character varying(60) NOT NULL, "target_type" character varying(40), "target_id" character varying(64), "district_id" uuid, "detail" jsonb, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_audit_district_at" ON "audit_event"  ("district_id", "at") `);
    await q.query(
      `CREATE TABLE "district" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "state" character varying(2) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_district_state" CHECK ("state" ~ '^[A-Z]{2}$'), CONSTRAINT "PK_ee5cb6fd5223164bb87ea693f1e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "school" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "code" character varying(20) NOT NULL, "lowest_grade" smallint NOT NULL, "highest_grade" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_school_grades" CHECK ("lowest_grade" BETWEEN 0 AND 12 AND "highest_grade" BETWEEN "lowest_grade" AND 12), CONSTRAINT "CHK_school_code" CHECK ("code" ~ '^[A-Z0-9-]{3,20}$'), CONSTRAINT "PK_57836c3fe2f2c7734b20911755e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_school_district" ON "school"  ("district_id") `);
    await q.query(`CREATE UNIQUE INDEX "UQ_school_code" ON "school"  ("code") `);
    await q.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(10) NOT NULL, "display_name" character varying(120) NOT NULL, "email" character varying(254), "username" character varying(64), "school_id" uuid, "grade_level" smallint, "password_hash" character varying(255) NOT NULL, "preferred_language" character varying(5) NOT NULL DEFAULT 'en', "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_user_language" CHECK ("preferred_language" IN ('en', 'es')), CONSTRAINT "CHK_user_grade" CHECK ("grade_level" IS NULL OR "grade_level" BETWEEN 0 AND 12), CONSTRAINT "CHK_user_identity" CHECK (("kind" = 'staff' AND "email" IS NOT NULL) OR ("kind" = 'student' AND "username" IS NOT NULL AND "school_id" IS NOT NULL AND "grade_level" IS NOT NULL AND "email" IS NULL)), CONSTRAINT "CHK_user_kind" CHECK ("kind" IN ('staff', 'student')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_user_email" ON "app_user"  ("email") `);
    await q.query(`CREATE UNIQUE INDEX "UQ_user_school_username" ON "app_user"  ("school_id", "username") `);
    await q.query(
      `CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_session_token" ON "user_session"  ("token_hash") `);
    await q.query(`CREATE INDEX "IDX_session_user" ON "user_session"  ("user_id") `);
    await q.query(
      `CREATE TABLE "class_section" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "grade_levels" smallint array NOT NULL, "school_year" character varying(9) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_class_grades" CHECK (cardinality("grade_levels") > 0 AND 0 <= ALL("grade_levels") AND 12 >= ALL("grade_levels")), CONSTRAINT "CHK_class_year" CHECK ("school_year" ~ '^[0-9]{4}-[0-9]{4}$'), CONSTRAINT "PK_ecd454976cbb9795118b108678b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_class_school_year" ON "class_section"  ("school_id", "school_year") `);
    await q.query(
      `CREATE TABLE "class_teacher" ("class_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_43e082b658337a37df4f8d5aad5" PRIMARY KEY ("class_id", "user_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_class_teacher_user" ON "class_teacher"  ("user_id") `);
    await q.query(
      `CREATE TABLE "enrollment" ("class_id" uuid NOT NULL, "student_id" uuid NOT NULL, "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d32689a5deba863fe73bb8eee5" PRIMARY KEY ("class_id", "student_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_enrollment_student" ON "enrollment"  ("student_id") `);
    await q.query(
      `CREATE TABLE "role_grant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "role" character varying(20) NOT NULL, "district_id" uuid, "school_id" uuid, CONSTRAINT "CHK_role_grant_scope" CHECK (("role" IN ('student', 'teacher', 'school_admin') AND "school_id" IS NOT NULL AND "district_id" IS NOT NULL) OR ("role" IN ('district_admin', 'author', 'reviewer') AND "school_id" IS NULL AND "district_id" IS NOT NULL) OR ("role" = 'platform_admin' AND "school_id" IS NULL AND "district_id" IS NULL)), CONSTRAINT "CHK_role_grant_role" CHECK ("role" IN ('student', 'teacher', 'school_admin', 'district_admin', 'author', 'reviewer', 'platform_admin')), CONSTRAINT "PK_b9e50aafa723c536731c38529fb" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_role_grant_user" ON "role_grant"  ("user_id") `);
    await q.query(`CREATE INDEX "IDX_role_grant_school" ON "role_grant"  ("school_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_role_grant" ON "role_grant"  ("user_id", "role", "district_id", "school_id") `,
    );
    await q.query(
      `ALTER TABLE "school" ADD CONSTRAINT "FK_a9d75b35e8ce9a02aa7d4025fc1" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_2692867cd64951048bdb4ec7c9c" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "class_section" ADD CONSTRAINT "FK_f32ce661ca22c996c2f1f70621e" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "class_teacher" ADD CONSTRAINT "FK_9b647c8d8894a661dc1dac40361" FOREIGN KEY ("class_id") REFERENCES "class_section"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "class_teacher" ADD CONSTRAINT "FK_a9f0e77d193b015b6d5ca6637f5" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "FK_25b7b9f2adce55b2f876dbf5eeb" FOREIGN KEY ("class_id") REFERENCES "class_section"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "FK_eb0d79d7b8954d3129d032b0bb1" FOREIGN KEY ("student_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "role_grant" ADD CONSTRAINT "FK_cbca8b01eca20fa033ef14946b2" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "role_grant" ADD CONSTRAINT "FK_d090fbbcbcdf9cfcde38ac45a84" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "role_grant" ADD CONSTRAINT "FK_54f8303aa0c02dc7b6c6be06cc0" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "FK_54f8303aa0c02dc7b6c6be06cc0"`);
    await q.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "FK_d090fbbcbcdf9cfcde38ac45a84"`);
    await q.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "FK_cbca8b01eca20fa033ef14946b2"`);
    await q.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_eb0d79d7b8954d3129d032b0bb1"`);
    await q.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_25b7b9f2adce55b2f876dbf5eeb"`);
    await q.query(`ALTER TABLE "class_teacher" DROP CONSTRAINT "FK_a9f0e77d193b015b6d5ca6637f5"`);
    await q.query(`ALTER TABLE "class_teacher" DROP CONSTRAINT "FK_9b647c8d8894a661dc1dac40361"`);
    await q.query(`ALTER TABLE "class_section" DROP CONSTRAINT "FK_f32ce661ca22c996c2f1f70621e"`);
    await q.query(`ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"`);
    await q.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_2692867cd64951048bdb4ec7c9c"`);
    await q.query(`ALTER TABLE "school" DROP CONSTRAINT "FK_a9d75b35e8ce9a02aa7d4025fc1"`);
    await q.query(`DROP TABLE "role_grant"`);
    await q.query(`DROP TABLE "enrollment"`);
    await q.query(`DROP TABLE "class_teacher"`);
    await q.query(`DROP TABLE "class_section"`);
    await q.query(`DROP TABLE "user_session"`);
    await q.query(`DROP TABLE "app_user"`);
    await q.query(`DROP TABLE "school"`);
    await q.query(`DROP TABLE "district"`);
    await q.query(`DROP TABLE "audit_event"`);
  }
}
