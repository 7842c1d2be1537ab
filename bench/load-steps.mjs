// Load test: signed-in students submitting scenario steps through the real GraphQL endpoint, against the real
// PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), from this second process.
// Prints (1) saturation throughput and p50/p99, beside a plain `pg` single-row insert loop on the same
// database (as a ratio), (2) how many students one API process carries at one step per 5 s with p99 < 100 ms,
// and (3) that no step was lost or recorded twice. It measures and prints; it asserts nothing.
//
//   npm run build && node bench/load-steps.mjs [--max-students 8000] [--seconds 10]
import autocannon from 'autocannon';
import { createHash, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { Pool } from 'undici';
import { adminUrl, arg, createDatabase, dropDatabase, freePort, root, startServer } from './support.mjs';

const require = createRequire(import.meta.url);
const engine = require(join(root, 'dist/libs/scenario-engine/src/index.js'));
const argon2 = require('argon2');

const MAX_STUDENTS = arg('max-students', 8000);
const SECONDS = arg('seconds', 10);
const RETRY_SHARE = 0.02; // share of requests that resend the previous event (a flaky network's retry)

/** Students enrolled in one class with the 6-8 module assigned, signed in, with the steps before the scenario done. */
async function seed(db, count) {
  const hash = await argon2.hash('bench-pin', {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  const [{ id: district }] = (
    await db.query(`INSERT INTO district (name, state) VALUES ('Bench District', 'FL') RETURNING id`)
  ).rows;
  const [{ id: school }] = (
    await db.query(
      `INSERT INTO school (district_id, name, code, lowest_grade, highest_grade) VALUES ($1, 'Bench School', 'BENCH', 6, 8) RETURNING id`,
      [district],
    )
  ).rows;
  const [{ id: teacher }] = (
    await db.query(
      `INSERT INTO app_user (kind, display_name, email, password_hash) VALUES ('staff', 'Bench Teacher', 'bench@haven.example', $1) RETURNING id`,
      [hash],
    )
  ).rows;
  const [{ id: cls }] = (
    await db.query(
      `INSERT INTO class_section (school_id, name, grade_levels, school_year) VALUES ($1, 'Bench 7', '{7}', '2026-2027') RETURNING id`,
      [school],
    )
  ).rows;
  const { rows: students } = await db.query(
    `INSERT INTO app_user (kind, display_name, username, school_id, grade_level, password_hash)
     SELECT 'student', 'Student ' || g, 's' || g, $1, 7, $2 FROM generate_series(1, $3) g RETURNING id`,
    [school, hash, count],
  );
  const ids = students.map((s) => s.id);
  await db.query(
    `INSERT INTO role_grant (user_id, role, district_id, school_id) SELECT unnest($1::uuid[]), 'student', $2, $3`,
    [ids, district, school],
  );
  await db.query(`INSERT INTO enrollment (class_id, student_id) SELECT $1, unnest($2::uuid[])`, [cls, ids]);
  const tokens = ids.map((id) => createHash('sha256').update(`bench:${id}`).digest('base64url'));
  await db.query(
    `INSERT INTO user_session (token_hash, user_id, expires_at) SELECT unnest($1::text[]), unnest($2::uuid[]), now() + interval '1 day'`,
    [tokens.map((t) => createHash('sha256').update(t).digest('hex')), ids],
  );
  const [{ id: mv, bundle }] = (
    await db.query(
      `SELECT id, bundle FROM module_version WHERE module_id = 'online-safety-6-8' ORDER BY version_sort DESC LIMIT 1`,
    )
  ).rows;
  const [{ id: assignment }] = (
    await db.query(
      `INSERT INTO assignment (class_id, module_version_id, assigned_by, opens_at) VALUES ($1, $2, $3, now() - interval '1 hour') RETURNING id`,
      [cls, mv, teacher],
    )
  ).rows;
  const scenarioIndex = bundle.sequence.findIndex((s) => s.kind === 'scenario');
  const done = Array.from({ length: scenarioIndex }, (_, i) => i);
  await db.query(
    `INSERT INTO attempt (student_id, assignment_id, module_version_id, step_index, completed_steps) SELECT unnest($1::uuid[]), $2, $3, $4, $5::int[]`,
    [ids, assignment, mv, scenarioIndex, done],
  );
  // As on a live database, where autovacuum keeps the planner's statistics current: without this the tables
  // filled a moment ago look empty to the planner, and it scans them whole.
  await db.query('ANALYZE');
  const scenario = bundle.scenarios.find((s) => s.id === bundle.sequence[scenarioIndex].id);
  return {
    students: ids.map((id, i) => ({
      id,
      token: tokens[i],
      run: 1,
      state: engine.start(scenario),
      seed: i,
      last: null,
    })),
    assignment,
    scenario,
  };
}

/** The next event of one student: a valid choice, or a new run after an ending. */
function nextEvent(student, scenario) {
  if (student.state.ended)
    return {
      id: randomUUID(),
      kind: 'scenario_restart',
      at: new Date().toISOString(),
      scenarioId: scenario.id,
      runNo: student.run + 1,
    };
  const choices = engine.availableChoices(scenario, student.state);
  const choice = choices[(student.seed + student.state.path.length) % choices.length];
  return {
    id: randomUUID(),
    kind: 'scenario_choice',
    at: new Date().toISOString(),
    scenarioId: scenario.id,
    runNo: student.run,
    choiceId: choice.id,
  };
}

function accept(student, event, scenario) {
  if (event.kind === 'scenario_restart') {
    student.run += 1;
    student.state = engine.start(scenario);
  } else {
    student.state = engine.choose(scenario, student.state, event.choiceId).state;
  }
}

/**
 * Keep-alive connections for the classroom run, with undici (it costs the shared cores about half what
 * `http.request` does, leaving them to the server). Idle connections close after 4 s, before the server's 5 s
 * keep-alive timeout could close one under a request.
 */
let connections;

const CONNECTIONS = 256;

/**
 * Opens the generator's connections before a classroom level, as the students' browsers hold theirs from loading
 * the page: a level should not measure this machine's TCP set-up of hundreds of connections at once.
 */
async function openConnections() {
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const { body } = await connections.request({ path: '/healthz', method: 'GET' });
      await body.text();
    }),
  );
}

async function post(token, payload) {
  const { body } = await connections.request({
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `haven_session=${token}` },
    body: JSON.stringify(payload),
  });
  return body.text();
}

const MUTATION =
  'mutation($i: SubmitProgressInput!) { submitProgress(input: $i) { results { id outcome code } } }';

/** One autocannon run over `pool` students. Returns latency stats and what the server said. */
async function run(url, ctx, pool, options) {
  const counts = { accepted: 0, duplicate: 0, rejected: 0, errors: 0, retriesSent: 0 };
  let cursor = 0;
  const inflight = new Set();
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: options.connections,
    overallRate: options.rate,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req, context) => {
          let student;
          for (let tries = 0; tries < pool.length; tries++) {
            const s = pool[cursor++ % pool.length];
            if (!inflight.has(s)) {
              student = s;
              break;
            }
          }
          inflight.add(student);
          let event;
          if (student.last && Math.random() < RETRY_SHARE) {
            event = student.last; // resend what was already accepted: must come back as a duplicate
            context.retry = true;
            counts.retriesSent++;
          } else {
            event = nextEvent(student, ctx.scenario);
            context.retry = false;
          }
          context.student = student;
          context.event = event;
          return {
            ...req,
            headers: { ...req.headers, cookie: `haven_session=${student.token}` },
            body: JSON.stringify({
              query: MUTATION,
              variables: { i: { assignmentId: ctx.assignment, events: [event] } },
            }),
          };
        },
        onResponse: (status, body, context) => {
          const { student, event } = context;
          inflight.delete(student);
          try {
            const r = JSON.parse(body).data.submitProgress.results[0];
            counts[r.outcome]++;
            if (r.code) counts[r.code] = (counts[r.code] ?? 0) + 1;
            if (r.outcome === 'accepted') {
              accept(student, event, ctx.scenario);
              student.last = event;
              ctx.accepted.add(event.id);
            }
          } catch {
            counts.errors++;
          }
        },
      },
    ],
  });
  return { result, counts };
}

/**
 * Open-loop classroom pace: every student sends one step every `periodMs`, phases spread evenly, whatever the
 * server's speed (a closed loop would slow down with the server and hide queueing). Latency is measured
 * from when the step was due. The first period (each student's first step of the run, which may find the
 * server's per-student memory cold) is reported apart; then `seconds` of steady pace are measured.
 */
async function classroom(ctx, students, seconds, periodMs = 5000) {
  const first = [];
  const latencies = [];
  const counts = { accepted: 0, duplicate: 0, rejected: 0, errors: 0 };
  const started = performance.now();
  const steady = started + periodMs;
  const end = steady + seconds * 1000;
  const due = students.map((_, i) => started + (i / students.length) * periodMs);
  const pending = new Set();
  const lags = [];
  const send = async (student, dueAt) => {
    lags.push(performance.now() - dueAt);
    const event = nextEvent(student, ctx.scenario);
    try {
      const body = await post(student.token, {
        query: MUTATION,
        variables: { i: { assignmentId: ctx.assignment, events: [event] } },
      });
      const r = JSON.parse(body).data.submitProgress.results[0];
      (dueAt < steady ? first : latencies).push(performance.now() - dueAt);
      counts[r.outcome]++;
      if (r.code) counts[r.code] = (counts[r.code] ?? 0) + 1;
      if (r.outcome === 'accepted') {
        accept(student, event, ctx.scenario);
        ctx.accepted.add(event.id);
      }
    } catch {
      counts.errors++;
    }
  };
  // Due times are spread evenly and each moves on by one period, so students fall due in index order, round
  // and round: the generator looks at the next one only (scanning them all every tick cost the 2 cores more
  // than the server's work at 5,000 students).
  let next = 0;
  while (performance.now() < end) {
    const now = performance.now();
    for (let i = next % students.length; due[i] <= now && now < end; i = ++next % students.length) {
      const p = send(students[i], due[i]).finally(() => pending.delete(p));
      pending.add(p);
      due[i] += periodMs;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  const pct = (list, q) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  };
  return {
    rate: latencies.length / seconds,
    p50: pct(latencies, 0.5),
    p99: pct(latencies, 0.99),
    firstP99: pct(first, 0.99),
    lagP99: pct(lags, 0.99),
    lagMax: pct(lags, 1),
    counts,
  };
}

/** After a closed-loop run some steps were in flight when it stopped: take each student's state from the database. */
async function resync(db, ctx, students) {
  await new Promise((r) => setTimeout(r, 1000)); // let the steps still in flight land first
  const { rows } = await db.query(
    `SELECT DISTINCT ON (t.student_id) t.student_id, r.run_no, r.path FROM attempt t
       JOIN scenario_run r ON r.attempt_id = t.id ORDER BY t.student_id, r.run_no DESC`,
  );
  const byStudent = new Map(rows.map((r) => [r.student_id, r]));
  for (const s of students) {
    const r = byStudent.get(s.id);
    if (!r) continue;
    s.run = r.run_no;
    const replayed = engine.replay(ctx.scenario, r.path);
    s.state = replayed.ok ? replayed.state : engine.start(ctx.scenario);
  }
}

async function insertLoop(url, seconds, clients) {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(
    `CREATE TABLE bench_insert (id uuid PRIMARY KEY, attempt_id uuid NOT NULL, kind varchar(30) NOT NULL, payload jsonb NOT NULL, client_at timestamptz NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`,
  );
  await setup.end();
  const until = Date.now() + seconds * 1000;
  let rows = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      while (Date.now() < until) {
        await c.query(
          `INSERT INTO bench_insert (id, attempt_id, kind, payload, client_at) VALUES ($1, $2, 'scenario_choice', $3, now())`,
          [randomUUID(), randomUUID(), '{"scenarioId":"s","choiceId":"c","runNo":1}'],
        );
        rows++;
      }
      await c.end();
    }),
  );
  return rows / seconds;
}

const ms = (n) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

/**
 * The API's CPU per request for the smallest GraphQL request there is, through the same server, middleware and
 * Apollo pipeline as a step: what the framework costs on this machine before Haven does anything.
 */
async function stackFloor(url, pid) {
  const request = {
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
    connections: 16,
  };
  await autocannon({ ...request, amount: 2000 }); // warm-up
  const before = cpuMs(pid);
  const r = await autocannon({ ...request, amount: 10000 });
  return { cpuPerRequest: (cpuMs(pid) - before) / r.requests.total, rate: r.requests.average };
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return NaN;
  }
}
/**
 * CPU time of PostgreSQL on this machine: every live postgres process, plus what the postmaster's ended
 * children used (a backend or autovacuum worker that exits leaves its time there).
 */
function postgresCpuMs() {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      const parent = readFileSync(`/proc/${fields[1]}/comm`, 'utf8');
      const ticks = parent.startsWith('postgres')
        ? Number(fields[11]) + Number(fields[12])
        : Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      total += (ticks * 1000) / 100;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** Transactions committed in the bench database so far (PostgreSQL's statistics; every statement outside a transaction is one). */
async function transactions(db) {
  await db.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await db.query(
    'SELECT xact_commit::int AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return rows[0].n;
}

/** Connections of the three closed-loop runs below (warm-up, one at a time, saturation). */
const CLOSED_LOOP_CONNECTIONS = 16 + 1 + 64;

async function main() {
  const db = await createDatabase('haven_bench');
  const port = await freePort();
  const server = await startServer(db.url, port);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const url = `http://127.0.0.1:${port}`;
    connections = new Pool(url, { connections: CONNECTIONS, keepAliveTimeout: 4000 });
    const seeded = await seed(client, MAX_STUDENTS);
    const ctx = { scenario: seeded.scenario, assignment: seeded.assignment, accepted: new Set() };
    console.log(
      `Haven load test: ${MAX_STUDENTS} signed-in students, PostgreSQL at ${new URL(adminUrl).host}, ${SECONDS} s per run\n`,
    );

    // Warm-up (every student of the saturation pool sends a first step, as at the start of a lesson), then one
    // student at a time (latency without queueing), then saturation.
    const satPool = seeded.students.slice(0, 4000);
    await run(url, ctx, satPool, { connections: 16, amount: satPool.length });
    const single = await run(url, ctx, seeded.students.slice(500, 1000), { connections: 1, seconds: 3 });
    await resync(client, ctx, seeded.students);
    console.log(
      `0. One request at a time: ${single.result.requests.average.toFixed(0)} steps/s, mean ${ms(single.result.latency.mean)}`,
    );
    const floor = await stackFloor(url, server.pid);
    console.log(
      `   The stack's own cost, for scale: \`{ __typename }\` (Fastify, Nest, Apollo; no resolver, no database) takes ${ms(floor.cpuPerRequest)} of API CPU per request, ${floor.rate.toFixed(0)} requests/s (16 connections)\n`,
    );
    const cpuBefore = cpuMs(server.pid);
    const sat = await run(url, ctx, satPool, { connections: 64, seconds: SECONDS });
    const cpuPerStep = (cpuMs(server.pid) - cpuBefore) / sat.result.requests.total;
    const insertsOne = await insertLoop(db.url, 5, 1);
    await client.query('TRUNCATE bench_insert');
    await client.query('DROP TABLE bench_insert');
    const insertsMany = await insertLoop(db.url, 5, 16);
    const steps = sat.result.requests.average;
    await resync(client, ctx, seeded.students);
    console.log('1. Saturation (64 connections, no rate limit)');
    console.log(
      `   steps/s ${steps.toFixed(0)}   p50 ${ms(sat.result.latency.p50)}   p99 ${ms(sat.result.latency.p99)}   outcomes ${JSON.stringify(sat.counts)}`,
    );
    console.log(
      `   API process CPU per step: ${ms(cpuPerStep)} (the rest of the 2 cores serve PostgreSQL and this generator)`,
    );
    console.log(
      `   plain pg single-row INSERT loop on the same database: ${insertsOne.toFixed(0)} rows/s (1 connection), ${insertsMany.toFixed(0)} rows/s (16 connections)`,
    );
    console.log(
      `   ratio steps / inserts: ${(steps / insertsOne).toFixed(2)}x (vs 1 connection), ${(steps / insertsMany).toFixed(2)}x (vs 16 connections); aim >= 0.5x\n`,
    );

    console.log(
      `2. Classroom pace: each student sends a step every 5 s (open loop); p50/p99 over ${SECONDS} s of steady pace, after each student's first step`,
    );
    let carried = 0;
    for (const students of [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000].filter(
      (n) => n <= MAX_STUDENTS,
    )) {
      await openConnections();
      const before = {
        api: cpuMs(server.pid),
        db: postgresCpuMs(),
        generator: process.cpuUsage(),
        transactions: await transactions(client),
      };
      const r = await classroom(ctx, seeded.students.slice(0, students), SECONDS);
      const generator = process.cpuUsage(before.generator);
      const apiUsed = cpuMs(server.pid) - before.api;
      const dbUsed = postgresCpuMs() - before.db;
      await new Promise((done) => setTimeout(done, 1500)); // PostgreSQL publishes its counts at most once a second
      const statements = (await transactions(client)) - before.transactions;
      const perStep = (used) =>
        (used / (r.counts.accepted + r.counts.duplicate + r.counts.rejected)).toFixed(2);
      const ok = r.p99 < 100 && r.counts.errors === 0;
      console.log(
        `   ${String(students).padStart(5)} students  ${r.rate.toFixed(0).padStart(5)} steps/s  p50 ${ms(r.p50).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  ${ok ? 'ok  ' : 'over'}  first steps p99 ${ms(r.firstP99).padStart(9)}  ${JSON.stringify(r.counts)}`,
      );
      console.log(`                  generator lateness p99 ${ms(r.lagP99)} max ${ms(r.lagMax)}`);
      console.log(
        `                  per step: CPU of the API ${perStep(apiUsed)} ms, PostgreSQL ${perStep(dbUsed)} ms, this generator ${perStep((generator.user + generator.system) / 1000)} ms; PostgreSQL transactions ${perStep(statements)}`,
      );
      if (!ok) break;
      carried = students;
    }
    console.log(`   => one API process carries ${carried} students with p99 < 100 ms (aim: 5000)\n`);

    const { rows } = await client.query(`SELECT id::text FROM progress_event`);
    const stored = new Set(rows.map((r) => r.id));
    const lost = [...ctx.accepted].filter((id) => !stored.has(id)).length;
    const twice = rows.length - stored.size;
    const unexpected = rows.length - ctx.accepted.size;
    console.log('3. Integrity');
    console.log(
      `   accepted ${ctx.accepted.size}, stored ${rows.length}, lost ${lost}, recorded twice ${twice}, stored but never acknowledged ${unexpected}`,
    );
    console.log(
      `   (a closed-loop run stops with up to one request in flight per connection, ${CLOSED_LOOP_CONNECTIONS} in all: stored, but nobody read the answer)`,
    );
  } finally {
    await connections?.close();
    if (process.env.BENCH_SHOW_SERVER_LOG) console.log(server.log.slice(-3000));
    // The server's whole output, e.g. with BENCH_SERVER_ARGS=--trace-gc, to line its pauses up with the levels.
    if (process.env.BENCH_SERVER_LOG) writeFileSync(process.env.BENCH_SERVER_LOG, server.log);
    await client.end();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await dropDatabase(db.name);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
