import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { matchConcerns } from '@haven/safeguarding';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared';
import type { ProgressEventInput } from './learning.models';
import type { AttemptSnapshot, ProgressPlan } from './progress-rules';

/** Statements in flight at once; writes that arrive meanwhile wait and go together in the next statement. */
const MAX_IN_FLIGHT = 2;
/** The most records one statement writes (bounds its parameters and the time it holds row locks). */
const MAX_BATCH = 256;

interface PendingWrite {
  snap: AttemptSnapshot;
  plan: ProgressPlan;
  resolve: (written: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes planned progress, many students' records in one statement when they arrive together (group commit).
 *
 * The writes of the requests handled in one turn of the event loop go together; they go out at once while fewer
 * than MAX_IN_FLIGHT statements run, otherwise they wait for the next one, with everything else that arrived
 * meanwhile. So a quiet classroom writes each step alone, as fast as before,
 * and a busy server pays one round trip and one commit for many steps instead of one each.
 *
 * Each record is written only if its version is still the one its plan was made from (optimistic
 * concurrency, per record): the statement says which records it wrote, and the others are read and judged
 * again by the caller. A statement is atomic, so if one fails (say, an event id stored meanwhile by another
 * device) it wrote nothing, and its records are written again one by one, so only the record at fault sees the
 * error.
 */
@Injectable()
export class ProgressWriter {
  private readonly queue: PendingWrite[] = [];
  private inFlight = 0;
  private scheduled = false;
  /** Records some running statement writes: a later write of one waits for it (no two statements lock one record). */
  private readonly busy = new Set<string>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Resolves to true when the record was written, false when its version had moved on (read it again). */
  write(snap: AttemptSnapshot, plan: ProgressPlan): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({ snap, plan, resolve, reject });
      // Sent once the server has handled this round of network input, so that the writes of every request
      // read in it go together (no timer: a quiet server sends at once).
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.take();
      if (batch.length === 0) return; // every waiting write is for a record being written: wait for it
      this.inFlight++;
      for (const w of batch) this.busy.add(w.snap.attemptId);
      void this.run(batch).finally(() => {
        this.inFlight--;
        for (const w of batch) this.busy.delete(w.snap.attemptId);
        this.pump();
      });
    }
  }

  /**
   * The next batch, in arrival order: at most one write per record, and none for a record a running statement
   * writes. Those wait, so each is judged against the write before it.
   */
  private take(): PendingWrite[] {
    const batch: PendingWrite[] = [];
    const records = new Set<string>();
    const later: PendingWrite[] = [];
    while (this.queue.length > 0 && batch.length < MAX_BATCH) {
      const next = this.queue.shift()!;
      const id = next.snap.attemptId;
      if (records.has(id) || this.busy.has(id)) later.push(next);
      else {
        records.add(id);
        batch.push(next);
      }
    }
    this.queue.unshift(...later);
    return batch;
  }

  private async run(batch: PendingWrite[]): Promise<void> {
    try {
      const written = await this.statement(batch);
      for (const w of batch) w.resolve(written.has(w.snap.attemptId));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // Nothing was written: write each record alone, so the error reaches only the one it concerns.
      for (const w of batch) {
        try {
          w.resolve((await this.statement([w])).has(w.snap.attemptId));
        } catch (e) {
          w.reject(e);
        }
      }
    }
  }

  /** One atomic statement for the batch. Returns the records it wrote. */
  private async statement(batch: readonly PendingWrite[]): Promise<Set<string>> {
    const events = batch.flatMap((w) => w.plan.events.map((e) => ({ attemptId: w.snap.attemptId, e })));
    const runs = batch.flatMap((w) => w.plan.runs.map((r) => ({ attemptId: w.snap.attemptId, r })));
    const answers = batch.flatMap((w) => w.plan.answers.map((x) => ({ attemptId: w.snap.attemptId, x })));
    // A reflection that matches a concerning phrase raises a safeguarding alert for the school's designated
    // staff, in this same statement. The student's answer does not change, and nothing is blocked.
    const concerns = events
      .filter(({ e }) => e.kind === 'reflection' && e.text)
      .map(({ attemptId, e }) => ({
        attemptId,
        text: e.text!,
        categories: matchConcerns(e.text!).categories,
      }))
      .filter((c) => c.categories.length > 0);
    const [row] = await preparedQuery<{ written: string[] }>(
      this.ds,
      // Two statements: the common one, and (rarely) one that also raises safeguarding alerts.
      concerns.length === 0 ? 'haven_progress_write_batch' : 'haven_progress_write_batch_alert',
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::varchar[], $4::int[], $5::int[], $6::jsonb[], $7::jsonb[], $8::timestamptz[])
                AS i(attempt_id, version, status, step_index, block_index, completed_steps, alternative_topics, completed_at)),
       bump AS (
         UPDATE attempt t SET version = t.version + 1, status = i.status, step_index = i.step_index,
                block_index = i.block_index,
                completed_steps = ARRAY(SELECT s::int FROM jsonb_array_elements_text(i.completed_steps) s),
                alternative_topics = ARRAY(SELECT jsonb_array_elements_text(i.alternative_topics))::varchar[],
                completed_at = i.completed_at, updated_at = now()
           FROM input i
          WHERE t.id = i.attempt_id AND t.version = i.version
         RETURNING t.id),
       events AS (
         INSERT INTO progress_event (id, attempt_id, kind, payload, client_at)
         SELECT e.id, e.attempt_id, e.kind, e.payload, e.at
           FROM unnest($9::uuid[], $10::uuid[], $11::varchar[], $12::jsonb[], $13::timestamptz[]) AS e(id, attempt_id, kind, payload, at)
          WHERE e.attempt_id IN (SELECT id FROM bump)),
       runs AS (
         INSERT INTO scenario_run (attempt_id, scenario_id, run_no, path, ended, outcome)
         SELECT r.attempt_id, r.scenario_id, r.run_no, ARRAY(SELECT jsonb_array_elements_text(r.path))::varchar[], r.ended, r.outcome
           FROM unnest($14::uuid[], $15::varchar[], $16::int[], $17::jsonb[], $18::boolean[], $19::varchar[])
                AS r(attempt_id, scenario_id, run_no, path, ended, outcome)
          WHERE r.attempt_id IN (SELECT id FROM bump)
         ON CONFLICT (attempt_id, scenario_id, run_no)
         DO UPDATE SET path = EXCLUDED.path, ended = EXCLUDED.ended, outcome = EXCLUDED.outcome, updated_at = now()),
       answers AS (
         INSERT INTO assessment_response (attempt_id, assessment_id, item_id, response, correct)
         SELECT x.attempt_id, x.assessment_id, x.item_id, x.response, x.correct
           FROM unnest($20::uuid[], $21::varchar[], $22::varchar[], $23::varchar[], $24::boolean[])
                AS x(attempt_id, assessment_id, item_id, response, correct)
          WHERE x.attempt_id IN (SELECT id FROM bump))${
            concerns.length === 0
              ? ''
              : `,
       alerts AS (
         INSERT INTO safeguarding_alert (school_id, student_id, kind, source_text, categories)
         SELECT c.school_id, t.student_id, 'concerning-phrase', x.text, ARRAY(SELECT jsonb_array_elements_text(x.cats))::varchar[]
           FROM unnest($25::uuid[], $26::text[], $27::jsonb[]) AS x(attempt_id, text, cats)
           JOIN attempt t ON t.id = x.attempt_id
           JOIN assignment asg ON asg.id = t.assignment_id
           JOIN class_section c ON c.id = asg.class_id
          WHERE x.attempt_id IN (SELECT id FROM bump))`
          }
       SELECT coalesce(array_agg(id), '{}') AS written FROM bump`,
      [
        batch.map((w) => w.snap.attemptId),
        batch.map((w) => w.snap.version),
        batch.map((w) => w.plan.attempt.status),
        batch.map((w) => w.plan.attempt.stepIndex),
        batch.map((w) => w.plan.attempt.blockIndex),
        batch.map((w) => JSON.stringify(w.plan.attempt.completedSteps)),
        batch.map((w) => JSON.stringify(w.plan.attempt.alternativeTopics)),
        batch.map((w) => w.plan.attempt.completedAt),
        events.map(({ e }) => e.id),
        events.map(({ attemptId }) => attemptId),
        events.map(({ e }) => e.kind),
        events.map(({ e }) => JSON.stringify(payloadOf(e))),
        events.map(({ e }) => e.at),
        runs.map(({ attemptId }) => attemptId),
        runs.map(({ r }) => r.scenarioId),
        runs.map(({ r }) => r.runNo),
        runs.map(({ r }) => JSON.stringify(r.path)),
        runs.map(({ r }) => r.ended),
        runs.map(({ r }) => r.outcome),
        answers.map(({ attemptId }) => attemptId),
        answers.map(({ x }) => x.assessmentId),
        answers.map(({ x }) => x.itemId),
        answers.map(({ x }) => x.response),
        answers.map(({ x }) => x.correct),
        ...(concerns.length === 0
          ? []
          : [
              concerns.map((c) => c.attemptId),
              concerns.map((c) => c.text),
              concerns.map((c) => JSON.stringify(c.categories)),
            ]),
      ],
    );
    return new Set(row.written);
  }
}

/** What an event carries beyond its id, kind and time (stored as its payload). */
function payloadOf(e: ProgressEventInput): Record<string, unknown> {
  const { id: _id, kind: _kind, at: _at, ...rest } = e;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null));
}
