import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How an approving reviewer is credited in the module they approve: by the kind of review (the default, also
 * for every approval given before reviewers were asked) or by their name, which they must choose.
 */
export class ReviewCredit1795700400000 implements MigrationInterface {
  name = 'ReviewCredit1795700400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "module_draft_review" ADD "credit" character varying(10) NOT NULL DEFAULT 'role'`,
    );
    await q.query(
      `ALTER TABLE "module_draft_review" ADD CONSTRAINT "CHK_module_draft_review_credit" CHECK ("credit" IN ('role', 'name'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "module_draft_review" DROP CONSTRAINT "CHK_module_draft_review_credit"`);
    await q.query(`ALTER TABLE "module_draft_review" DROP COLUMN "credit"`);
  }
}
