// Compliance report at district scale, against the real PostgreSQL (DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres), on a throw-away database.
// Seeds a Florida district of ~100,000 students in 60 schools (K-5, 6-8, 9-12) with three school years of
// classes, enrollments, assignments and completed modules, then prints (1) the time of the GraphQL
// `complianceReport` for one school year, end to end, (2) the time of a hand-written SQL query that computes
// the same per-school-and-grade figures, and their ratio, and (3) whether the two agree. It measures and
// prints; it asserts nothing.
//
//   npm run build && node bench/compliance.mjs [--students 100000] [--runs 5]
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { adminUrl, arg, createDatabase, dropDatabase, freePort, root, startServer } from './support.mjs';

const require = createRequire(import.meta.url);
const curriculum = require(join(root, 'dist/libs/curriculum/src/index.js'));

const STUDENTS = arg('students', 100_000);
const RUNS = arg('runs', 5);
const YEAR = '2026-2027';
const YEARS = ['2024-2025', '2025-2026', '2026-2027'];
const SECTIONS = 8; // classes per school, grade and year
// Schools by level: grade range, how many.
const LEVELS = [
  { lo: 0, hi: 5, count: 30, label: 'Elementary' },
  { lo: 6, hi: 8, count: 18, label: 'Middle' },
  { lo: 9, hi: 12, count: 12, label: 'High' },
];
const MODULES = {
  'K-2': ['body-autonomy-k-2'],
  '3-5': ['my-body-my-boundaries-3-5'],
  '6-8': ['online-safety-6-8'],
  '9-12': ['recognizing-trafficking-9-12', 'healthy-relationships-9-12'],
};

const step = async (label, fn) => {
  const t = performance.now();
  const r = await fn();
  console.log(`   ${label.padEnd(44)} ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s`);
  return r;
};

/**
 * A Florida district, set-based: schools, students (grade in 2026-2027), for each school year the school and
 * class the student was in (a grade lower each year back), the band's modules assigned to every class, and
 * completed attempts for 70-90% of students per school and year (some with alternative topics, some only
 * part of the 9-12 pair, some left in progress). 1% of students moved school this year; 0.5% are disabled.
 */
async function seed(db) {
  const hash = 'bench-not-a-real-hash'; // nobody signs in with a password here
  const [{ id: district }] = (
    await db.query(`INSERT INTO district (name, state) VALUES ('Bench County Schools', 'FL') RETURNING id`)
  ).rows;
  await step('schools, staff', async () => {
    await db.query(
      `CREATE UNLOGGED TABLE bench_school (level int, pos int, id uuid, PRIMARY KEY (level, pos))`,
    );
    for (const [level, l] of LEVELS.entries()) {
      await db.query(
        `WITH s AS (
           INSERT INTO school (district_id, name, code, lowest_grade, highest_grade)
           SELECT $1, $2 || ' School ' || lpad(p::text, 2, '0'), upper(left($2, 3)) || '-' || lpad(p::text, 2, '0'), $3, $4
             FROM generate_series(0, $5 - 1) p RETURNING id, code)
         INSERT INTO bench_school SELECT $6, right(code, 2)::int, id FROM s`,
        [district, l.label, l.lo, l.hi, l.count, level],
      );
    }
    await db.query(
      `INSERT INTO app_user (kind, display_name, email, password_hash)
       SELECT 'staff', 'Teacher ' || s.level || '-' || s.pos, 'teacher-' || s.level || '-' || s.pos || '@bench.example', $1
         FROM bench_school s`,
      [hash],
    );
  });
  const levelOf = (g) => `(CASE WHEN ${g} <= 5 THEN 0 WHEN ${g} <= 8 THEN 1 ELSE 2 END)`;
  const countOf = (g) =>
    `(CASE WHEN ${g} <= 5 THEN ${LEVELS[0].count} WHEN ${g} <= 8 THEN ${LEVELS[1].count} ELSE ${LEVELS[2].count} END)`;
  await step(`${STUDENTS} students`, async () => {
    await db.query(`CREATE UNLOGGED TABLE bench_student (n int PRIMARY KEY, id uuid, grade int)`);
    await db.query(
      `WITH s AS (
         INSERT INTO app_user (kind, display_name, username, school_id, grade_level, password_hash, disabled_at)
         SELECT 'student', 'Student ' || n, 's' || n, bs.id, n % 13, $1, CASE WHEN n % 200 = 0 THEN now() END
           FROM generate_series(1, $2) n
           JOIN bench_school bs ON bs.level = ${levelOf('n % 13')} AND bs.pos = (n / 13) % ${countOf('n % 13')}
         RETURNING id, username, grade_level)
       INSERT INTO bench_student SELECT substr(username, 2)::int, id, grade_level FROM s`,
      [hash, STUDENTS],
    );
  });
  await step('classes (3 school years)', async () => {
    await db.query(
      `CREATE UNLOGGED TABLE bench_class (school_id uuid, school_year text, grade int, section int, id uuid)`,
    );
    await db.query(
      `WITH c AS (
         INSERT INTO class_section (school_id, name, grade_levels, school_year)
         SELECT bs.id, 'Grade ' || g || ' ' || chr(65 + sec) || ' ' || y, ARRAY[g]::smallint[], y
           FROM bench_school bs
           JOIN school s ON s.id = bs.id
           CROSS JOIN unnest($1::text[]) y
           CROSS JOIN LATERAL generate_series(s.lowest_grade::int, s.highest_grade::int) g
           CROSS JOIN generate_series(0, $2 - 1) sec
         RETURNING id, school_id, school_year, grade_levels[1] AS grade, name)
       INSERT INTO bench_class SELECT school_id, school_year, grade, ascii(split_part(name, ' ', 3)) - 65, id FROM c`,
      [YEARS, SECTIONS],
    );
    await db.query(`CREATE INDEX ON bench_class (school_id, school_year, grade, section)`);
  });
  await step('enrollments', async () => {
    // Year offset o back from 2026-2027: grade then = grade - o, at the school of that grade's level.
    await db.query(
      `INSERT INTO enrollment (class_id, student_id, enrolled_at)
       SELECT bc.id, st.id, make_date(2026 - o, 8, 10) + (st.n % 20)
         FROM bench_student st
         CROSS JOIN generate_series(0, 2) o
         JOIN bench_school bs ON bs.level = ${levelOf('st.grade - o')} AND bs.pos = (st.n / 13) % ${countOf('st.grade - o')}
         JOIN bench_class bc ON bc.school_id = bs.id AND bc.school_year = (2026 - o) || '-' || (2027 - o)
                            AND bc.grade = st.grade - o AND bc.section = st.n % $1
        WHERE st.grade - o >= 0`,
      [SECTIONS],
    );
    // Movers: 1% were first in another school of the same level this year (earlier enrollment).
    await db.query(
      `INSERT INTO enrollment (class_id, student_id, enrolled_at)
       SELECT bc.id, st.id, make_date(2026, 7, 20)
         FROM bench_student st
         JOIN bench_school bs ON bs.level = ${levelOf('st.grade')} AND bs.pos = (st.n / 13 + 1) % ${countOf('st.grade')}
         JOIN bench_class bc ON bc.school_id = bs.id AND bc.school_year = $2 AND bc.grade = st.grade AND bc.section = st.n % $1
        WHERE st.n % 100 = 7`,
      [SECTIONS, YEAR],
    );
  });
  const { rows: modules } = await db.query(
    `SELECT DISTINCT ON (module_id) module_id, id FROM module_version ORDER BY module_id, version_sort DESC`,
  );
  const mv = new Map(modules.map((m) => [m.module_id, m.id]));
  const pairs = Object.entries(MODULES).flatMap(([band, ids]) => ids.map((m) => [band, mv.get(m)]));
  if (pairs.some(([, id]) => !id))
    throw new Error(`module versions missing: have ${[...mv.keys()].join(', ')}`);
  await step('assignments', async () => {
    await db.query(
      `INSERT INTO assignment (class_id, module_version_id, assigned_by, opens_at, due_at)
       SELECT bc.id, p.mv, t.id, make_date(left(bc.school_year, 4)::int, 9, 1), make_date(left(bc.school_year, 4)::int + 1, 5, 31)
         FROM bench_class bc
         JOIN unnest($1::text[], $2::uuid[]) AS p(band, mv)
           ON p.band = CASE WHEN bc.grade <= 2 THEN 'K-2' WHEN bc.grade <= 5 THEN '3-5' WHEN bc.grade <= 8 THEN '6-8' ELSE '9-12' END
         JOIN bench_school bs ON bs.id = bc.school_id
         JOIN app_user t ON t.email = 'teacher-' || bs.level || '-' || bs.pos || '@bench.example'`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
  });
  await step('attempts', async () => {
    // Per school and year a completion share of 70-90%; each module of the pair decided on its own, so
    // some 9-12 students have only part of the topics. 3% of attempts carry alternative topics.
    await db.query(
      `INSERT INTO attempt (student_id, assignment_id, module_version_id, status, step_index, completed_at, updated_at, started_at, alternative_topics)
       SELECT x.student_id, x.assignment_id, x.mv,
              CASE WHEN x.done THEN 'completed' ELSE 'in_progress' END, 0,
              CASE WHEN x.done THEN x.at END, x.at, x.at - interval '2 days',
              CASE WHEN x.r2 < 0.03 THEN ARRAY['grooming']::varchar[] ELSE '{}' END
         FROM (
           SELECT e.student_id, a.id AS assignment_id, a.module_version_id AS mv,
                  random() < 0.70 + 0.05 * (bs.pos % 5) AS done, random() AS r2, random() AS r3,
                  make_date(left(c.school_year, 4)::int, 9, 1) + (random() * 260)::int + time '12:00' AS at
             FROM enrollment e
             JOIN assignment a ON a.class_id = e.class_id
             JOIN class_section c ON c.id = e.class_id
             JOIN bench_school bs ON bs.id = c.school_id
         ) x
        WHERE x.r3 < 0.97`, // a few assigned students never opened the module
    );
  });
  await step('analyze', () => db.query('ANALYZE'));
  const [{ id: adminId }] = (
    await db.query(
      `INSERT INTO app_user (kind, display_name, email, password_hash) VALUES ('staff', 'District Admin', 'admin@bench.example', $1) RETURNING id`,
      [hash],
    )
  ).rows;
  await db.query(`INSERT INTO role_grant (user_id, role, district_id) VALUES ($1, 'district_admin', $2)`, [
    adminId,
    district,
  ]);
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`,
    [createHash('sha256').update(token).digest('hex'), adminId],
  );
  const counts = (
    await db.query(`SELECT (SELECT count(*) FROM school) AS schools,
      (SELECT count(*) FROM app_user WHERE kind = 'student') AS students,
      (SELECT count(*) FROM class_section) AS classes, (SELECT count(*) FROM enrollment) AS enrollments,
      (SELECT count(*) FROM assignment) AS assignments, (SELECT count(*) FROM attempt) AS attempts,
      (SELECT count(*) FROM attempt WHERE status = 'completed') AS completed`)
  ).rows[0];
  await db.query('DROP TABLE bench_school, bench_student, bench_class');
  return { district, token, counts };
}

/**
 * The same figures, by hand: students enrolled this school year in the district's schools (not disabled; a
 * student in two schools counts at the latest), and those whose modules completed within the school year
 * cover every topic Florida requires for their grade band ($5 bands, $6 their required tags). Coverage is a
 * bit mask: each module version gets one bit per required tag of a band it has, a student's completed
 * modules are OR-ed together. Florida has no opt-out, so nobody is excused.
 */
const HAND_SQL = `
  WITH roster AS (
    SELECT DISTINCT ON (e.student_id) e.student_id AS id, c.school_id
      FROM enrollment e
      JOIN class_section c ON c.id = e.class_id
      JOIN school s ON s.id = c.school_id AND s.district_id = $1
     WHERE c.school_year = $2
     ORDER BY e.student_id, e.enrolled_at DESC),
  required AS (
    SELECT g AS grade, q.topics::text[] AS topics, (1 << cardinality(q.topics::text[])) - 1 AS mask
      FROM generate_series(0, 12) g
      JOIN unnest($5::text[], $6::text[]) AS q(band, topics)
        ON q.band = CASE WHEN g <= 2 THEN 'K-2' WHEN g <= 5 THEN '3-5' WHEN g <= 8 THEN '6-8' ELSE '9-12' END),
  bits AS (
    SELECT mv.id, q.grade, sum(1 << (x.i::int - 1))::int AS bits
      FROM module_version mv CROSS JOIN required q CROSS JOIN unnest(q.topics) WITH ORDINALITY AS x(tag, i)
     WHERE x.tag = ANY(mv.topics::text[])
     GROUP BY mv.id, q.grade),
  covered AS (
    SELECT t.student_id, bit_or(b.bits) AS bits
      FROM attempt t
      JOIN roster r ON r.id = t.student_id
      JOIN app_user u ON u.id = t.student_id
      JOIN bits b ON b.id = t.module_version_id AND b.grade = u.grade_level
     WHERE t.status = 'completed' AND t.completed_at >= $3::date AND t.completed_at < $4::date + 1
     GROUP BY t.student_id)
  SELECT r.school_id, u.grade_level AS grade, count(*)::int AS enrolled,
         count(*) FILTER (WHERE cv.bits = q.mask)::int AS delivered
    FROM roster r
    JOIN app_user u ON u.id = r.id AND u.disabled_at IS NULL
    JOIN school s ON s.id = r.school_id AND u.grade_level BETWEEN s.lowest_grade AND s.highest_grade
    JOIN required q ON q.grade = u.grade_level
    LEFT JOIN covered cv ON cv.student_id = r.id
   GROUP BY r.school_id, u.grade_level`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const shown = (n) => (n < 5 ? '<5' : String(n));
const ms = (n) => `${n.toFixed(0)} ms`;

const REPORT = `query($y: String) { complianceReport(schoolYear: $y) {
  districtName state schoolYear rules { id citation certainty uncertainties frequency consentModel requiredTopics { tag } }
  schools { schoolId schoolName status grades { grade status enrolled delivered missing excused pending percentDelivered reasons } } } }`;

async function main() {
  const db = await createDatabase('haven_bench_compliance');
  let server;
  let client;
  try {
    const port = await freePort();
    server = await startServer(db.url, port);
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    console.log(`Haven compliance bench: PostgreSQL at ${new URL(adminUrl).host}, database ${db.name}\n`);
    console.log('0. Seeding (set-based SQL)');
    const t0 = performance.now();
    const seeded = await seed(client);
    console.log(
      `   total ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(seeded.counts)}\n`,
    );

    const url = `http://127.0.0.1:${port}/graphql`;
    const report = async () => {
      const t = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `haven_session=${seeded.token}` },
        body: JSON.stringify({ query: REPORT, variables: { y: YEAR } }),
      });
      const body = await res.json();
      const elapsed = performance.now() - t;
      if (body.errors) throw new Error(`complianceReport failed: ${JSON.stringify(body.errors)}`);
      return { elapsed, data: body.data.complianceReport, bytes: JSON.stringify(body).length };
    };
    const start = Number(YEAR.slice(0, 4));
    const bands = ['K-2', '3-5', '6-8', '9-12'];
    const required = bands.map(
      (b) =>
        `{${curriculum.requiredTopicsForBand(curriculum.FLORIDA_TRAFFICKING_PREVENTION_RULE, b).join(',')}}`,
    );
    const hand = async () => {
      const t = performance.now();
      const { rows } = await client.query(HAND_SQL, [
        seeded.district,
        YEAR,
        `${start}-07-01`,
        `${start + 1}-06-30`,
        bands,
        required,
      ]);
      return { elapsed: performance.now() - t, rows };
    };

    // Warm-up (both), then alternate so that neither gets a warmer cache.
    const first = await report();
    await hand();
    const reportTimes = [];
    const handTimes = [];
    let last;
    let handRows;
    for (let i = 0; i < RUNS; i++) {
      last = await report();
      reportTimes.push(last.elapsed);
      const h = await hand();
      handTimes.push(h.elapsed);
      handRows = h.rows;
    }
    const r = median(reportTimes);
    const h = median(handTimes);
    const grades = last.data.schools.reduce((n, s) => n + s.grades.length, 0);
    console.log(`1. complianceReport(schoolYear: "${YEAR}") over GraphQL, end to end`);
    console.log(
      `   first ${ms(first.elapsed)}, then median of ${RUNS}: ${ms(r)} (runs: ${reportTimes.map((x) => x.toFixed(0)).join(', ')}); ${last.data.schools.length} schools, ${grades} school grades, ${(last.bytes / 1024).toFixed(0)} KiB`,
    );
    console.log(`2. Hand-written SQL for the same per-school-and-grade figures`);
    console.log(
      `   median of ${RUNS}: ${ms(h)} (runs: ${handTimes.map((x) => x.toFixed(0)).join(', ')}); ${handRows.length} rows`,
    );
    console.log(`3. Ratio report / hand-written: ${(r / h).toFixed(2)}x`);
    console.log(`   aim under 1 s: ${r < 1000 ? 'met' : 'NOT met'} (${ms(r)})`);
    console.log(
      `   aim within 2x of the hand-written query: ${r <= 2 * h ? 'met' : 'NOT met'} (${(r / h).toFixed(2)}x)`,
    );

    // Cross-check every school and grade (the report shows counts under 5 as "<5").
    const byKey = new Map(handRows.map((x) => [`${x.school_id}:${x.grade}`, x]));
    const disagreements = [];
    let compared = 0;
    const samples = [];
    for (const s of last.data.schools)
      for (const g of s.grades) {
        const x = byKey.get(`${s.schoolId}:${g.grade}`) ?? { enrolled: 0, delivered: 0 };
        const want = {
          enrolled: shown(x.enrolled),
          delivered: shown(x.delivered),
          missing: shown(x.enrolled - x.delivered),
        };
        const got = { enrolled: g.enrolled, delivered: g.delivered, missing: g.missing };
        compared++;
        if (JSON.stringify(want) !== JSON.stringify(got))
          disagreements.push({ school: s.schoolName, grade: g.grade, report: got, sql: want });
        else if (samples.length < 4 && compared % 37 === 1)
          samples.push(
            `${s.schoolName} grade ${g.grade}: enrolled ${got.enrolled}, delivered ${got.delivered}, missing ${got.missing}`,
          );
      }
    const unmatched = handRows.filter(
      (x) =>
        !last.data.schools.some(
          (s) => s.schoolId === x.school_id && s.grades.some((g) => g.grade === x.grade),
        ),
    );
    console.log(
      `4. Cross-check: ${compared} school grades compared, ${disagreements.length} disagreements, ${unmatched.length} SQL rows without a report row`,
    );
    for (const s of samples) console.log(`   agree: ${s}`);
    for (const d of disagreements.slice(0, 10)) console.log(`   DISAGREE: ${JSON.stringify(d)}`);
    const totals = handRows.reduce(
      (t, x) => ({ enrolled: t.enrolled + x.enrolled, delivered: t.delivered + x.delivered }),
      {
        enrolled: 0,
        delivered: 0,
      },
    );
    console.log(
      `   district totals (SQL): enrolled ${totals.enrolled}, delivered ${totals.delivered} (${((100 * totals.delivered) / totals.enrolled).toFixed(1)}%)`,
    );
  } finally {
    if (process.env.BENCH_SHOW_SERVER_LOG && server) console.log(server.log.slice(-3000));
    if (client) await client.end().catch(() => {});
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    await dropDatabase(db.name);
  }
}

main().catch((e) => {
  if (e.server && e.server.exitCode === null) e.server.kill('SIGTERM');
  console.error(e);
  process.exit(1);
});
