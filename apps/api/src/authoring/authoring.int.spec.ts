import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  listModuleDirs,
  packModuleZip,
  pullModule,
  readModuleDocument,
  readModuleFiles,
  unpackModuleZip,
  writeModuleFiles,
  type ModuleDocument,
} from '@haven/curriculum';
import { REVIEW_CHECKLISTS } from '@haven/domain';
import type TestAgent from 'supertest/lib/agent';
import { CurriculumLoader } from '../catalog/curriculum-loader';
import { seedFixtures, signInStaff } from '../testing/fixtures';
import { createTestApp, type TestApp } from '../testing/test-app';

const CURRICULA = join(__dirname, '../../../../curricula');

const DRAFT_FIELDS = `id moduleId title status revision bump baseVersion publishedVersion allowedActions
  requiredReviews document validation { errors { code message anchorKey } warnings { code } }`;
const CREATE = `mutation($i: CreateModuleDraftInput!) { createModuleDraft(input: $i) { ${DRAFT_FIELDS} } }`;
const SAVE = `mutation($i: SaveModuleDraftInput!) { saveModuleDraft(input: $i) { ${DRAFT_FIELDS} } }`;
const SUBMIT = `mutation($i: SubmitModuleDraftInput!) { submitModuleDraft(input: $i) { ${DRAFT_FIELDS} } }`;
const REVIEW = `mutation($i: ReviewModuleDraftInput!) { reviewModuleDraft(input: $i) { ${DRAFT_FIELDS} reviews { kind outcome current reviewerName } } }`;
const PUBLISH = `mutation($id: ID!) { publishModuleDraft(id: $id) { ${DRAFT_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawModuleDraft(id: $id) { status } }`;
const GET = `query($id: ID!) { moduleDraft(id: $id) { ${DRAFT_FIELDS} staleTranslations { key lang label }
  changes { anchorKey label change before after } suggestedBump { bump reasons }
  comments { anchorKey body authorName resolved } events { action toStatus actorName } } }`;

interface Draft {
  id: string;
  moduleId: string;
  title: string;
  status: string;
  revision: number;
  bump: string | null;
  baseVersion: string | null;
  publishedVersion: string | null;
  allowedActions: string[];
  requiredReviews: string[];
  document: ModuleDocument;
  validation: { errors: { code: string; message: string; anchorKey: string | null }[] };
}

/** A zip download, its body as bytes. */
const getZip = (agent: TestAgent, path: string) =>
  agent
    .get(path)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });

describe('authoring studio API', () => {
  let t: TestApp;
  let author: TestAgent;
  let reviewer: TestAgent;
  let survivorReviewer: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    await seedFixtures(t.ds);
    await t.app.get(CurriculumLoader).loadDirectory(CURRICULA);
    [author, reviewer, survivorReviewer] = await Promise.all([
      signInStaff(t, 'author@gulfcoast.example'),
      signInStaff(t, 'reviewer@gulfcoast.example'),
      signInStaff(t, 'survivor.reviewer@gulfcoast.example'),
    ]);
  });
  afterAll(() => t.close());

  async function create(input: Record<string, unknown>, who = author): Promise<Draft> {
    const r = await t.gql<{ createModuleDraft: Draft }>(who, CREATE, { i: input });
    expect(r.errors).toBeUndefined();
    return r.data!.createModuleDraft;
  }

  const approveAll = (kind: keyof typeof REVIEW_CHECKLISTS) => [...REVIEW_CHECKLISTS[kind]];

  it('takes a new module from draft through review to a published version in the catalog', async () => {
    const draft = await create({ moduleId: 'studio-trust-3-5', gradeBand: '3-5', title: 'Who Can I Trust?' });
    expect(draft).toMatchObject({
      status: 'draft',
      revision: 1,
      title: 'Who Can I Trust?',
      baseVersion: null,
    });
    expect(draft.allowedActions).toEqual(expect.arrayContaining(['edit', 'submit', 'comment']));
    expect(draft.validation.errors).toEqual([]);

    // The author edits; the revision grows.
    const doc = structuredClone(draft.document);
    doc.manifest.estimatedMinutes = 35;
    const saved = await t.gql<{ saveModuleDraft: Draft }>(author, SAVE, {
      i: { id: draft.id, baseRevision: 1, document: doc },
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveModuleDraft.revision).toBe(2);
    expect(saved.data!.saveModuleDraft.document.manifest.estimatedMinutes).toBe(35);

    // Reviewers do not see drafts before they are submitted; teachers never do.
    expect((await t.gql(reviewer, GET, { id: draft.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const teacher = await signInStaff(t, 'teacher@gulfcoast.example');
    expect((await t.gql(teacher, GET, { id: draft.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const submitted = await t.gql<{ submitModuleDraft: Draft }>(author, SUBMIT, {
      i: { id: draft.id, bump: 'major', note: 'Ready for review' },
    });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitModuleDraft).toMatchObject({ status: 'in_review', bump: 'major' });
    expect(submitted.data!.submitModuleDraft.allowedActions).not.toContain('edit');

    // A reviewer asks for a change, anchored to a lesson block.
    const queue = await t.gql<{ moduleDrafts: { id: string; status: string }[] }>(
      reviewer,
      '{ moduleDrafts { id status } }',
    );
    expect(queue.data!.moduleDrafts.map((d) => d.id)).toContain(draft.id);
    const comment = await t.gql(
      reviewer,
      'mutation($i: AddDraftCommentInput!) { addDraftComment(input: $i) { id anchorKey body authorName } }',
      {
        i: {
          draftId: draft.id,
          anchor: { kind: 'lesson', lesson: 'introduction', lang: 'en', block: 0 },
          body: 'Name a safe adult at school.',
        },
      },
    );
    expect(comment.data).toEqual({
      addDraftComment: expect.objectContaining({
        anchorKey: 'lesson:introduction.en#0',
        authorName: 'Dr. Kim Nguyen',
      }),
    });
    const noNotes = await t.gql(reviewer, REVIEW, {
      i: { id: draft.id, kind: 'educator', outcome: 'request_changes', checked: [] },
    });
    expect(noNotes.errors?.[0].message).toMatch(/notes are required/);
    const changes = await t.gql<{ reviewModuleDraft: Draft }>(reviewer, REVIEW, {
      i: {
        id: draft.id,
        kind: 'educator',
        outcome: 'request_changes',
        checked: [],
        notes: 'See the comment on the first block.',
      },
    });
    expect(changes.errors).toBeUndefined();
    expect(changes.data!.reviewModuleDraft.status).toBe('changes_requested');

    // The author fixes it; the earlier review no longer counts for the new revision.
    const fixed = structuredClone(saved.data!.saveModuleDraft.document);
    const lesson = fixed.lessons.find((l) => l.id === 'introduction' && l.lang === 'en')!;
    lesson.blocks[0]!.markdown =
      'You can talk to a safe adult at school, like your teacher or the counsellor.';
    const resaved = await t.gql<{ saveModuleDraft: Draft }>(author, SAVE, {
      i: { id: draft.id, baseRevision: 2, document: fixed },
    });
    expect(resaved.errors).toBeUndefined();
    await t.gql(author, SUBMIT, { i: { id: draft.id, bump: 'major' } });

    // An approval needs the whole checklist and a qualified reviewer.
    const partial = await t.gql(reviewer, REVIEW, {
      i: { id: draft.id, kind: 'educator', outcome: 'approve', checked: ['age-appropriate'] },
    });
    expect(partial.errors?.[0].message).toMatch(/Tick every checklist item/);
    const unqualified = await t.gql(reviewer, REVIEW, {
      i: {
        id: draft.id,
        kind: 'survivor-informed',
        outcome: 'approve',
        checked: approveAll('survivor-informed'),
      },
    });
    expect(unqualified.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|BAD_USER_INPUT/);
    const educator = await t.gql<{ reviewModuleDraft: Draft & { reviews: { current: boolean }[] } }>(
      reviewer,
      REVIEW,
      {
        i: {
          id: draft.id,
          kind: 'educator',
          outcome: 'approve',
          checked: approveAll('educator'),
          credit: 'name',
        },
      },
    );
    expect(educator.data!.reviewModuleDraft.status).toBe('in_review');
    expect(educator.data!.reviewModuleDraft.reviews.filter((r) => r.current)).toHaveLength(1);
    const trauma = await t.gql<{ reviewModuleDraft: Draft }>(reviewer, REVIEW, {
      i: {
        id: draft.id,
        kind: 'trauma-informed',
        outcome: 'approve',
        checked: approveAll('trauma-informed'),
      },
    });
    const approved = trauma.data!.reviewModuleDraft;
    const needsSurvivor = approved.requiredReviews.includes('survivor-informed');
    if (needsSurvivor) {
      expect(approved.status).toBe('in_review');
      const s = await t.gql<{ reviewModuleDraft: Draft }>(survivorReviewer, REVIEW, {
        i: {
          id: draft.id,
          kind: 'survivor-informed',
          outcome: 'approve',
          checked: approveAll('survivor-informed'),
        },
      });
      expect(s.data!.reviewModuleDraft.status).toBe('approved');
    } else expect(approved.status).toBe('approved');

    const published = await t.gql<{ publishModuleDraft: Draft }>(reviewer, PUBLISH, { id: draft.id });
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishModuleDraft).toMatchObject({
      status: 'published',
      publishedVersion: '1.0.0',
    });
    expect(published.data!.publishModuleDraft.document.manifest.review.status).toBe('approved');
    expect(
      published.data!.publishModuleDraft.document.manifest.review.reviews.map((r) => r.reviewer),
    ).toEqual([
      'Dr. Kim Nguyen', // the educator chose to be named
      'Trauma-informed reviewer', // by default a reviewer is credited by the kind of review only
      ...(needsSurvivor ? ['Survivor-informed reviewer'] : []),
    ]);

    // Teachers find it in the catalog.
    const catalog = await t.gql<{ modules: { moduleId: string; version: string }[] }>(
      teacher,
      '{ modules(first: 50) { moduleId version } }',
    );
    expect(catalog.errors).toBeUndefined();
    expect(catalog.data!.modules).toContainEqual({ moduleId: 'studio-trust-3-5', version: '1.0.0' });

    const history = await t.gql<{ moduleDraft: { events: { action: string }[] } }>(reviewer, GET, {
      id: draft.id,
    });
    expect(history.data!.moduleDraft.events.map((e) => e.action)).toEqual([
      'created',
      'submitted',
      'changes-requested:educator',
      'submitted',
      'approved:educator',
      'approved:trauma-informed',
      ...(needsSurvivor ? ['approved:survivor-informed'] : []),
      'published',
    ]);
  });

  it('cannot approve a module whose topics need it without a survivor-informed review by a qualified reviewer', async () => {
    const draft = await create({
      moduleId: 'recognizing-trafficking-9-12',
      fromVersion: await latest('recognizing-trafficking-9-12'),
    });
    expect(draft.requiredReviews).toEqual(['educator', 'trauma-informed', 'survivor-informed']);
    const fixed = structuredClone(draft.document);
    fixed.manifest.estimatedMinutes += 5;
    expect(
      (await t.gql(author, SAVE, { i: { id: draft.id, baseRevision: 1, document: fixed } })).errors,
    ).toBeUndefined();
    expect((await t.gql(author, SUBMIT, { i: { id: draft.id, bump: 'patch' } })).errors).toBeUndefined();
    for (const kind of ['educator', 'trauma-informed'] as const) {
      const r = await t.gql<{ reviewModuleDraft: Draft }>(reviewer, REVIEW, {
        i: { id: draft.id, kind, outcome: 'approve', checked: approveAll(kind), credit: 'name' },
      });
      expect(r.data!.reviewModuleDraft.status).toBe('in_review');
    }
    // Dr. Nguyen is not a survivor-informed reviewer; publishing is not possible yet.
    const refused = await t.gql(reviewer, REVIEW, {
      i: {
        id: draft.id,
        kind: 'survivor-informed',
        outcome: 'approve',
        checked: approveAll('survivor-informed'),
      },
    });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'You are not recorded as qualified to give a survivor-informed review.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await t.gql(reviewer, PUBLISH, { id: draft.id })).errors?.[0].message).toBe(
      'Only an approved draft can be published.',
    );
    const survivorApproval = {
      id: draft.id,
      kind: 'survivor-informed',
      outcome: 'approve',
      checked: approveAll('survivor-informed'),
    };
    const badCredit = await t.gql(survivorReviewer, REVIEW, {
      i: { ...survivorApproval, credit: 'initials' },
    });
    expect(badCredit.errors?.[0]).toMatchObject({
      message: 'credit must be role or name',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    // The survivor does not choose to be named: the published module credits the kind of review only.
    const approved = await t.gql<{
      reviewModuleDraft: Draft & { reviews: { kind: string; credit: string }[] };
    }>(
      survivorReviewer,
      `mutation($i: ReviewModuleDraftInput!) { reviewModuleDraft(input: $i) { ${DRAFT_FIELDS} reviews { kind credit current } } }`,
      { i: survivorApproval },
    );
    expect(approved.data!.reviewModuleDraft.status).toBe('approved');
    expect(approved.data!.reviewModuleDraft.reviews.map((r) => [r.kind, r.credit])).toEqual([
      ['educator', 'name'],
      ['trauma-informed', 'name'],
      ['survivor-informed', 'role'],
    ]);
    const published = await t.gql<{ publishModuleDraft: Draft }>(author, PUBLISH, { id: draft.id });
    expect(published.errors).toBeUndefined();
    const reviews = published.data!.publishModuleDraft.document.manifest.review.reviews;
    expect(reviews.map((r) => [r.kind, r.reviewer])).toEqual([
      ['educator', 'Dr. Kim Nguyen'],
      ['trauma-informed', 'Dr. Kim Nguyen'],
      ['survivor-informed', 'Survivor-informed reviewer'],
    ]);
    // Nor does any file of the module as it is shared (the zip a district exports and commits to curricula/).
    const zip = await getZip(
      author,
      `/exports/modules/recognizing-trafficking-9-12/${published.data!.publishModuleDraft.publishedVersion}.zip`,
    );
    expect(zip.status).toBe(200);
    const shared = unpackModuleZip(new Uint8Array(zip.body as Buffer));
    expect(Object.values(shared).join('\n')).toContain('Survivor-informed reviewer');
    expect(Object.values(shared).join('\n')).not.toContain('Maria Torres');
  });

  it('never lets two authors silently overwrite each other', async () => {
    const draft = await create({ moduleId: 'studio-conflict-6-8', gradeBand: '6-8', title: 'Conflict test' });
    const a = structuredClone(draft.document);
    a.manifest.estimatedMinutes = 40;
    const b = structuredClone(draft.document);
    b.manifest.estimatedMinutes = 50;
    const [first, second] = [
      await t.gql(author, SAVE, { i: { id: draft.id, baseRevision: 1, document: a } }),
      await t.gql(author, SAVE, { i: { id: draft.id, baseRevision: 1, document: b } }),
    ];
    expect(first.errors).toBeUndefined();
    expect(second.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(second.errors?.[0].message).toMatch(
      /Renee Williams saved this draft after you opened it \(revision 2\)/,
    );
    const now = await t.gql<{ moduleDraft: Draft }>(author, GET, { id: draft.id });
    expect(now.data!.moduleDraft.document.manifest.estimatedMinutes).toBe(40);
    // Saving again on the newer revision is an explicit choice, and works.
    const again = await t.gql(author, SAVE, { i: { id: draft.id, baseRevision: 2, document: b } });
    expect(again.errors).toBeUndefined();
  });

  it('validates input: bad documents, ids that cannot change, a draft with errors cannot be submitted', async () => {
    const draft = await create({ moduleId: 'studio-invalid-9-12', gradeBand: '9-12', title: 'Invalid test' });
    const notADoc = await t.gql(author, SAVE, {
      i: { id: draft.id, baseRevision: 1, document: { hello: 1 } },
    });
    expect(notADoc.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const renamed = structuredClone(draft.document);
    renamed.manifest.id = 'something-else';
    const r = await t.gql(author, SAVE, { i: { id: draft.id, baseRevision: 1, document: renamed } });
    expect(r.errors?.[0].message).toMatch(/module id cannot change/);

    const broken = structuredClone(draft.document);
    broken.scenarios[0]!.nodes[0]!.choices[0]!.next = 'nowhere';
    const saved = await t.gql<{ saveModuleDraft: Draft }>(author, SAVE, {
      i: { id: draft.id, baseRevision: 1, document: broken },
    });
    expect(saved.errors).toBeUndefined();
    const errors = saved.data!.saveModuleDraft.validation.errors;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.anchorKey?.startsWith(`scenario:${broken.scenarios[0]!.id}/`))).toBe(true);
    const submit = await t.gql(author, SUBMIT, { i: { id: draft.id, bump: 'patch' } });
    expect(submit.errors?.[0].message).toMatch(/^Fix \d+ problems? before submitting/);

    const badBump = await t.gql(author, SUBMIT, { i: { id: draft.id, bump: 'huge' } });
    expect(badBump.errors?.[0].message).toMatch(/bump must be patch, minor or major/);
    const existing = await t.gql(author, CREATE, {
      i: { moduleId: 'online-safety-6-8', gradeBand: '6-8', title: 'Clash' },
    });
    expect(existing.errors?.[0].message).toMatch(/already published: start from one of its versions/);
  });

  it('keeps drafts inside their district, and reviewers out of unsubmitted work', async () => {
    const draft = await create({ moduleId: 'studio-tenancy-k-2', gradeBand: 'K-2', title: 'Tenancy test' });
    const other = await signInStaff(t, 'author@lonestar.example');
    expect((await t.gql(other, GET, { id: draft.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const theirs = await t.gql<{ moduleDrafts: { id: string }[] }>(other, '{ moduleDrafts { id } }');
    expect(theirs.data!.moduleDrafts.map((d) => d.id)).not.toContain(draft.id);
    const save = await t.gql(other, SAVE, { i: { id: draft.id, baseRevision: 1, document: draft.document } });
    expect(save.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const mine = await t.gql<{ moduleDrafts: { id: string }[] }>(reviewer, '{ moduleDrafts { id } }');
    expect(mine.data!.moduleDrafts.map((d) => d.id)).not.toContain(draft.id);
    // Reviewers cannot edit, authors cannot review.
    await t.gql(author, SUBMIT, { i: { id: draft.id, bump: 'major' } });
    expect(
      (
        await t.gql(author, REVIEW, {
          i: { id: draft.id, kind: 'educator', outcome: 'approve', checked: approveAll('educator') },
        })
      ).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.gql(reviewer, SAVE, { i: { id: draft.id, baseRevision: 1, document: draft.document } }))
        .errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await t.gql(author, WITHDRAW, { id: draft.id })).data).toEqual({
      withdrawModuleDraft: { status: 'draft' },
    });
  });

  it('revises a published module: draft from its files, changes and a suggested bump, stale translations', async () => {
    const draft = await create({ moduleId: 'online-safety-6-8', fromVersion: '1.2.0' });
    expect(draft.baseVersion).toBe('1.2.0');
    const files = await readModuleFiles(join(CURRICULA, 'online-safety-6-8'));
    expect(writeModuleFiles(draft.document)).toEqual(files);

    const doc = structuredClone(draft.document);
    const title = doc.manifest.title as Record<string, string>;
    title.en = 'Real Friends, Fake Offers: Staying Safe on the Internet';
    const saved = await t.gql<{ saveModuleDraft: Draft }>(author, SAVE, {
      i: { id: draft.id, baseRevision: 1, document: doc },
    });
    expect(saved.errors).toBeUndefined();
    const r = await t.gql<{
      moduleDraft: {
        staleTranslations: { key: string; lang: string }[];
        changes: { label: string; change: string; before: string; after: string }[];
        suggestedBump: { bump: string };
      };
    }>(author, GET, { id: draft.id });
    expect(r.errors).toBeUndefined();
    const d = r.data!.moduleDraft;
    expect(d.staleTranslations).toEqual([
      expect.objectContaining({ lang: 'es', key: expect.stringContaining('module:title') }),
    ]);
    expect(d.changes).toEqual([
      expect.objectContaining({ change: 'changed', after: expect.stringContaining('on the Internet') }),
    ]);
    expect(d.suggestedBump.bump).toBe('patch');
  });

  it('exports any version as its canonical files, and imports a zip as a new draft', async () => {
    const res = await getZip(
      author,
      `/exports/modules/body-autonomy-k-2/${await latest('body-autonomy-k-2')}.zip`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unpackModuleZip(new Uint8Array(res.body as Buffer));
    const onDisk = await readModuleFiles(join(CURRICULA, 'body-autonomy-k-2'));
    expect(files).toEqual(onDisk);

    const anonymous = await t.agent().get('/exports/modules/body-autonomy-k-2/1.0.0.zip');
    expect(anonymous.status).toBe(401);

    // Import: the module's files, under a new id, become a draft.
    const read = readModuleDocument(onDisk);
    const doc = structuredClone(read.document!);
    doc.manifest.id = 'imported-body-autonomy-k-2';
    const zip = packModuleZip('imported-body-autonomy-k-2', writeModuleFiles(doc));
    const noCsrf = await author
      .post('/imports/modules')
      .set('Content-Type', 'application/zip')
      .send(Buffer.from(zip));
    expect(noCsrf.status).toBe(400);
    const imported = await author
      .post('/imports/modules')
      .set('Content-Type', 'application/zip')
      .set('X-Haven-CSRF', '1')
      .send(Buffer.from(zip));
    expect(imported.status).toBe(201);
    expect(imported.body.moduleId).toBe('imported-body-autonomy-k-2');
    const draft = await t.gql<{ moduleDraft: Draft }>(author, GET, { id: imported.body.draftId });
    expect(writeModuleFiles(draft.data!.moduleDraft.document)).toEqual(writeModuleFiles(doc));

    const garbage = await author
      .post('/imports/modules')
      .set('Content-Type', 'application/zip')
      .set('X-Haven-CSRF', '1')
      .send(Buffer.from('not a zip'));
    expect(garbage.status).toBe(400);
    // Over the 10 MB limit: refused, read no further than the limit, no draft.
    const drafts = async (): Promise<number> =>
      Number((await t.ds.query(`SELECT count(*)::int AS n FROM module_draft`))[0].n);
    const before = await drafts();
    const tooLarge = await author
      .post('/imports/modules')
      .set('Content-Type', 'application/zip')
      .set('X-Haven-CSRF', '1')
      .send(Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.message).toBe('The file is larger than 10mb');
    expect(await drafts()).toBe(before);
    const byReviewer = await reviewer
      .post('/imports/modules')
      .set('Content-Type', 'application/zip')
      .set('X-Haven-CSRF', '1')
      .send(Buffer.from(zip));
    expect(byReviewer.status).toBe(403);
  });

  it('round-trips every shipped module byte for byte: files → platform → zip → `curricula pull` → files', async () => {
    const server = t.app.getHttpServer() as import('node:http').Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    const out = await mkdtemp(join(tmpdir(), 'haven-pull-'));
    try {
      for (const dir of await listModuleDirs(CURRICULA)) {
        const moduleId = basename(dir);
        const original = await readModuleFiles(dir);
        const version = readModuleDocument(original).document!.manifest.version;
        const lines: string[] = [];
        await pullModule({
          spec: `${moduleId}@${version}`,
          from: `http://127.0.0.1:${port}`,
          outDir: out,
          shownOutDir: 'out',
          email: 'author@gulfcoast.example',
          password: 'haven-demo-2026',
          fetch: (url, init) => fetch(url, init),
          out: (l) => lines.push(l),
        });
        const pulled = await readModuleFiles(join(out, moduleId));
        // README.md is kept verbatim as an extra file; everything else must be byte-identical too.
        expect(pulled).toEqual(original);
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(out, { recursive: true, force: true });
    }
  });

  async function latest(moduleId: string): Promise<string> {
    const rows: { version: string }[] = await t.ds.query(
      'SELECT version FROM module_version WHERE module_id = $1 ORDER BY version_sort DESC LIMIT 1',
      [moduleId],
    );
    return rows[0]!.version;
  }
});
