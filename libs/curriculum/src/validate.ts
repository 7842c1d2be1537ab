import { IMAGE_PATH, svgProblem } from './images';
import { markdownImages } from './render';
import semver from 'semver';
import {
  makeIssue,
  splitIssues,
  type Issue,
  type IssueCode,
  type IssueSeverity,
  type SourcePosition,
  type ValidationResult,
} from './issues';
import { conditionReferences, parseCondition } from '@haven/scenario-engine';
import { languageName, textIn } from './localized';
import { displayPath, type ParsedLesson, type ParsedModule, type ParsedYamlFile } from './parse';
import { fleschKincaidGrade, MIN_WORDS_FOR_READING_LEVEL, readingLevelLimit, wordCount } from './readability';
import { markdownToPlainText } from './render';
import { analyseScenarioGraph } from './scenario-graph';
import type {
  Assessment,
  AssessmentItem,
  Localized,
  ModuleManifest,
  Scenario,
  SequenceKind,
} from './schemas';
import {
  BAND_MAX_GRADE,
  BAND_MIN_GRADE,
  FACILITATOR_TRAININGS,
  HELP_PATH_TAGS,
  isTopicTag,
  LICENCES,
  likertLabels,
  REQUIRED_LESSON_BLOCKS,
  TEACHER_ONLY_BLOCKS,
  TOPIC_TAGS,
  TOPICS,
} from './vocabulary';
import type { DataPath } from './yaml-source';

type Emit = (
  severity: IssueSeverity,
  file: string,
  pos: SourcePosition,
  code: IssueCode,
  message: string,
  hint: string,
) => void;

interface Ctx {
  parsed: ParsedModule;
  manifest: ModuleManifest;
  mf: ParsedYamlFile<ModuleManifest>;
  langs: string[];
  sourceLang: string;
  emit: Emit;
}

export function sequenceEntryOf(entry: { lesson?: string; scenario?: string; assessment?: string }): {
  kind: SequenceKind;
  id: string;
} {
  if (entry.lesson !== undefined) return { kind: 'lesson', id: entry.lesson };
  if (entry.scenario !== undefined) return { kind: 'scenario', id: entry.scenario };
  return { kind: 'assessment', id: entry.assessment ?? '' };
}

const stem = (path: string): string => path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');

/**
 * Checks a parsed module: everything the parser found plus references, vocabulary, band suitability,
 * scenario graphs, assessments, translations and reading level. Errors block publication; warnings
 * should be fixed or justified in the module's README.
 */
export function validateModule(parsed: ParsedModule): ValidationResult {
  const issues: Issue[] = [...parsed.issues];
  const emit: Emit = (severity, file, pos, code, message, hint) =>
    issues.push(makeIssue(severity, file, pos, code, message, hint));
  const mf = parsed.manifest;
  if (!mf?.data) return splitIssues(issues);
  const manifest = mf.data;
  const langs = [...new Set(manifest.languages)];
  const ctx: Ctx = { parsed, manifest, mf, langs, sourceLang: langs[0] ?? 'en', emit };

  checkManifest(ctx);
  checkSequence(ctx);
  for (const s of parsed.scenarios)
    if (s.data) checkScenario(ctx, s as ParsedYamlFile<Scenario> & { data: Scenario });
  checkAssessments(ctx);
  checkImages(ctx);
  return splitIssues(issues);
}

/**
 * Lesson images: each one a file of the module's `images/` folder, with alt text (a screen reader reads it,
 * and it is shown where the image cannot be); each image file a plain SVG drawing (see `svgProblem`).
 */
function checkImages(ctx: Ctx): void {
  const { parsed, emit } = ctx;
  const used = new Set<string>();
  for (const lesson of parsed.lessons)
    for (const block of lesson.blocks)
      for (const image of markdownImages(block.markdown)) {
        const pos = { line: block.line + image.line, column: 1 };
        if (!IMAGE_PATH.test(image.src)) {
          emit(
            'error',
            lesson.file,
            pos,
            'IMAGE_SOURCE_NOT_ALLOWED',
            `image \`${image.src}\` is not one of the module's images`,
            'put the drawing in the module folder as `images/<name>.svg` and write `![what it shows](images/<name>.svg)`',
          );
          continue;
        }
        used.add(image.src);
        if (parsed.files[image.src] === undefined)
          emit(
            'error',
            lesson.file,
            pos,
            'IMAGE_NOT_FOUND',
            `image \`${image.src}\` is not in the module folder`,
            `add \`${image.src}\`, or correct the name`,
          );
        if (!image.alt.trim())
          emit(
            'error',
            lesson.file,
            pos,
            'IMAGE_ALT_MISSING',
            `image \`${image.src}\` has no alt text`,
            'describe what the image shows for a student who cannot see it: `![a phone showing a message](…)`',
          );
      }
  for (const path of Object.keys(parsed.files).sort()) {
    if (!path.startsWith('images/')) continue;
    const file = displayPath(parsed.basePath, path);
    if (!IMAGE_PATH.test(path)) {
      emit(
        'error',
        file,
        { line: 1, column: 1 },
        'IMAGE_SOURCE_NOT_ALLOWED',
        'an image file must be `images/<lowercase-name>.svg`',
        'rename it, e.g. `images/stranger-message.svg`',
      );
      continue;
    }
    const problem = svgProblem(parsed.files[path] ?? '');
    if (problem)
      emit(
        'error',
        file,
        { line: 1, column: 1 },
        'IMAGE_UNSAFE',
        `this image cannot be shown to students: ${problem}`,
        'export it again as a plain SVG drawing (no scripts, links, embedded files or fonts from elsewhere), under 100 kB',
      );
    else if (!used.has(path))
      emit(
        'warning',
        file,
        { line: 1, column: 1 },
        'IMAGE_UNUSED',
        'no lesson shows this image',
        'use it in a lesson, or delete it',
      );
  }
}

// ---------------------------------------------------------------- helpers

function duplicates<T>(
  items: readonly T[],
  key: (t: T) => string,
): { index: number; key: string; first: number }[] {
  const seen = new Map<string, number>();
  const out: { index: number; key: string; first: number }[] = [];
  items.forEach((it, index) => {
    const k = key(it);
    const first = seen.get(k);
    if (first !== undefined) out.push({ index, key: k, first });
    else seen.set(k, index);
  });
  return out;
}

function checkDuplicateIds<T extends { id: string }>(
  ctx: Ctx,
  file: ParsedYamlFile<unknown>,
  items: readonly T[],
  path: DataPath,
  what: string,
): void {
  for (const d of duplicates(items, (i) => i.id)) {
    ctx.emit(
      'error',
      file.file,
      file.source.locate([...path, d.index, 'id']),
      'DUPLICATE_ID',
      `${what} id \`${d.key}\` is used more than once`,
      `ids must be unique in their list; the first use is ${what} number ${d.first + 1}`,
    );
  }
}

/** Every declared language must have text; text in undeclared languages is flagged. */
function checkLocalized(
  ctx: Ctx,
  file: ParsedYamlFile<unknown>,
  path: DataPath,
  value: Localized | undefined,
): void {
  if (value === undefined) return;
  const field = `\`${path.join('.')}\``;
  for (const lang of ctx.langs) {
    if (textIn(value, lang, ctx.sourceLang) === undefined) {
      ctx.emit(
        'error',
        file.file,
        file.source.locate(path),
        'TRANSLATION_MISSING',
        `${field} has no ${languageName(lang)} text, but the module declares ${lang}`,
        typeof value === 'string'
          ? `write it as a map: \`{ ${ctx.sourceLang}: …, ${lang}: … }\``
          : `add \`${lang}: …\` to this map`,
      );
    }
  }
  if (typeof value !== 'string') {
    for (const lang of Object.keys(value)) {
      if (!ctx.langs.includes(lang)) {
        ctx.emit(
          'warning',
          file.file,
          file.source.locate([...path, lang], { key: true }),
          'TRANSLATION_UNDECLARED_LANGUAGE',
          `${field} has text in ${languageName(lang)}, which module.yaml does not declare`,
          `add \`${lang}\` to \`languages\` in module.yaml, or remove this text`,
        );
      }
    }
  }
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?:]$/.test(t) ? t : `${t}.`;
}

function checkReadingLevel(
  ctx: Ctx,
  file: string,
  pos: SourcePosition | (() => SourcePosition),
  text: string,
  what: string,
): void {
  if (!ctx.langs.includes('en') || wordCount(text) < MIN_WORDS_FOR_READING_LEVEL) return;
  const grade = fleschKincaidGrade(text);
  const limit = readingLevelLimit(ctx.manifest.gradeBand);
  if (grade > limit) {
    ctx.emit(
      'warning',
      file,
      typeof pos === 'function' ? pos() : pos,
      'READING_LEVEL_HIGH',
      `${what} reads at Flesch-Kincaid grade ${grade.toFixed(1)}, above ${limit} for band ${ctx.manifest.gradeBand}`,
      'use shorter sentences and shorter words, or justify the warning in the module README (e.g. text read aloud by the teacher)',
    );
  }
}

// ---------------------------------------------------------------- module.yaml

/** Tags whose modules need a survivor-informed review before they can be approved. */
function needsSurvivorReview(tag: string): boolean {
  return isTopicTag(tag) && TOPICS[tag].contentWarning;
}

function checkManifest(ctx: Ctx): void {
  const { manifest: m, mf, emit, parsed } = ctx;
  const f = mf.file;
  const loc = (path: DataPath, key = false): SourcePosition => mf.source.locate(path, { key });

  if (parsed.folderName && parsed.folderName !== m.id) {
    emit(
      'error',
      f,
      loc(['id']),
      'MODULE_FOLDER_MISMATCH',
      `module id \`${m.id}\` differs from its folder name \`${parsed.folderName}\``,
      `rename the folder to \`${m.id}\` or change \`id\``,
    );
  }

  m.grades.forEach((g, i) => {
    if (g < BAND_MIN_GRADE[m.gradeBand] || g > BAND_MAX_GRADE[m.gradeBand]) {
      emit(
        'error',
        f,
        loc(['grades', i]),
        'GRADES_OUTSIDE_BAND',
        `grade ${g} is outside grade band ${m.gradeBand}`,
        `use grades from ${BAND_MIN_GRADE[m.gradeBand]} to ${BAND_MAX_GRADE[m.gradeBand]} (K is 0), or change \`gradeBand\``,
      );
    }
  });

  for (const d of duplicates(m.languages, (l) => l)) {
    emit(
      'error',
      f,
      loc(['languages', d.index]),
      'DUPLICATE_ID',
      `language \`${d.key}\` is listed twice`,
      'list each language once',
    );
  }

  m.topics.forEach((tag, i) => {
    if (!isTopicTag(tag)) {
      emit(
        'error',
        f,
        loc(['topics', i]),
        'TOPIC_UNKNOWN',
        `unknown topic tag \`${tag}\``,
        `use a tag from the controlled vocabulary: ${TOPIC_TAGS.join(', ')}`,
      );
      return;
    }
    const def = TOPICS[tag];
    if (!(def.bands as readonly string[]).includes(m.gradeBand)) {
      emit(
        'error',
        f,
        loc(['topics', i]),
        'TOPIC_NOT_FOR_BAND',
        `topic \`${tag}\` is not suitable for grade band ${m.gradeBand}`,
        `it is taught in bands ${def.bands.join(', ')}; remove the tag or move the content to an older band`,
      );
    }
    if (def.contentWarning && !m.contentWarnings.some((w) => w.topic === tag)) {
      emit(
        'error',
        f,
        loc(['topics', i]),
        'CONTENT_WARNING_REQUIRED',
        `topic \`${tag}\` requires a content warning`,
        `add to \`contentWarnings\`: \`- topic: ${tag}\` with \`text:\` telling learners what is coming and that they may step away`,
      );
    }
    if (def.trainedFacilitator && m.facilitator.trainings.length === 0) {
      emit(
        'error',
        f,
        loc(['topics', i]),
        'FACILITATOR_TRAINING_REQUIRED',
        `topic \`${tag}\` may only be taught by a trained facilitator, but no training is required`,
        'add `facilitator: { trainings: [haven-facilitator-basics] }`',
      );
    }
  });
  for (const d of duplicates(m.topics, (t) => t)) {
    emit(
      'error',
      f,
      loc(['topics', d.index]),
      'DUPLICATE_ID',
      `topic \`${d.key}\` is listed twice`,
      'list each topic once',
    );
  }

  m.contentWarnings.forEach((w, i) => {
    if (!m.topics.includes(w.topic)) {
      emit(
        'warning',
        f,
        loc(['contentWarnings', i, 'topic']),
        'CONTENT_WARNING_UNUSED',
        `content warning for \`${w.topic}\`, which is not one of the module's topics`,
        'add the topic to `topics` or remove the warning',
      );
    }
    checkLocalized(ctx, mf, ['contentWarnings', i, 'text'], w.text);
  });

  m.facilitator.trainings.forEach((t, i) => {
    if (!Object.prototype.hasOwnProperty.call(FACILITATOR_TRAININGS, t)) {
      emit(
        'warning',
        f,
        loc(['facilitator', 'trainings', i]),
        'FACILITATOR_TRAINING_UNKNOWN',
        `facilitator training \`${t}\` is not one Haven knows`,
        `known trainings: ${Object.keys(FACILITATOR_TRAININGS).join(', ')}; a district-run training is fine if documented in the README`,
      );
    }
  });

  if (!(LICENCES as readonly string[]).includes(m.licence)) {
    emit(
      'error',
      f,
      loc(['licence']),
      'LICENCE_UNKNOWN',
      `licence \`${m.licence}\` is not an accepted content licence`,
      `use one of: ${LICENCES.join(', ')}`,
    );
  }

  m.prerequisites.forEach((p, i) => {
    if (semver.validRange(p.version) === null) {
      emit(
        'error',
        f,
        loc(['prerequisites', i, 'version']),
        'PREREQUISITE_RANGE_INVALID',
        `\`${p.version}\` is not a semver range`,
        'write a range such as "^1.0.0" or ">=1.2.0"',
      );
    }
    if (p.module === m.id) {
      emit(
        'error',
        f,
        loc(['prerequisites', i, 'module']),
        'PREREQUISITE_SELF',
        'a module cannot be its own prerequisite',
        'remove this prerequisite',
      );
    }
  });

  if (
    m.review.status === 'approved' &&
    m.topics.some(needsSurvivorReview) &&
    !m.review.reviews.some((r) => r.kind === 'survivor-informed')
  ) {
    emit(
      'error',
      f,
      loc(['review', 'status']),
      'REVIEW_SURVIVOR_INFORMED_MISSING',
      'the module is marked approved but has no survivor-informed review, which its topics require',
      'add a `survivor-informed` entry to `review.reviews` (with the reviewer’s consent to be named), or set `status: in-review`',
    );
  }

  checkDuplicateIds(ctx, mf, m.objectives, ['objectives'], 'objective');
  checkLocalized(ctx, mf, ['title'], m.title);
  checkLocalized(ctx, mf, ['summary'], m.summary);
  m.objectives.forEach((o, i) => checkLocalized(ctx, mf, ['objectives', i, 'text'], o.text));
  checkLocalized(ctx, mf, ['alternativeActivity'], m.alternativeActivity);
  checkLocalized(ctx, mf, ['parentNotice'], m.parentNotice);
  if (m.alternativeActivity !== undefined) {
    const en = textIn(m.alternativeActivity, 'en', ctx.sourceLang);
    if (en) checkReadingLevel(ctx, f, () => loc(['alternativeActivity']), en, '`alternativeActivity`');
  } else if (m.contentWarnings.length > 0) {
    emit(
      'warning',
      f,
      loc(['contentWarnings'], true),
      'ALTERNATIVE_ACTIVITY_MISSING',
      'the module has content warnings but no `alternativeActivity`',
      'add `alternativeActivity:` telling learners what they can do instead if they step away or are opted out',
    );
  }
}

// ---------------------------------------------------------------- sequence, files, lessons

function checkSequence(ctx: Ctx): void {
  const { manifest: m, mf, emit, parsed, langs, sourceLang } = ctx;
  const entries = m.sequence.map(sequenceEntryOf);
  const referenced = new Set<string>();

  for (const d of duplicates(entries, (e) => `${e.kind}:${e.id}`)) {
    emit(
      'error',
      mf.file,
      mf.source.locate(['sequence', d.index]),
      'DUPLICATE_ID',
      `${entries[d.index]!.kind} \`${entries[d.index]!.id}\` appears twice in \`sequence\``,
      'list each item once',
    );
  }

  let lessonMinutes = 0;
  entries.forEach((e, i) => {
    // Positions are looked up only when an issue is reported (finding one builds the YAML document).
    const pos = (): SourcePosition => mf.source.locate(['sequence', i, e.kind]);
    if (e.kind === 'lesson') {
      const variants = parsed.lessons.filter((l) => l.id === e.id);
      variants.forEach((l) => referenced.add(l.path));
      const source = variants.find((l) => l.lang === sourceLang);
      for (const lang of langs) {
        if (variants.some((l) => l.lang === lang)) continue;
        if (lang === sourceLang) {
          emit(
            'error',
            mf.file,
            pos(),
            'REFERENCE_MISSING_FILE',
            `lesson \`${e.id}\` has no file \`lessons/${e.id}.${lang}.md\``,
            `create lessons/${e.id}.${lang}.md or fix the id`,
          );
        } else {
          emit(
            'error',
            mf.file,
            pos(),
            'TRANSLATION_MISSING',
            `lesson \`${e.id}\` has no ${languageName(lang)} translation`,
            `create lessons/${e.id}.${lang}.md with the same blocks as lessons/${e.id}.${sourceLang}.md`,
          );
        }
      }
      for (const l of variants) checkLesson(ctx, l, l === source ? undefined : source);
      lessonMinutes += source?.frontMatter?.minutes ?? 0;
    } else {
      const pool: ParsedYamlFile<unknown>[] = e.kind === 'scenario' ? parsed.scenarios : parsed.assessments;
      const target = pool.find((p) => stem(p.path) === e.id);
      if (!target) {
        emit(
          'error',
          mf.file,
          pos(),
          'REFERENCE_MISSING_FILE',
          `${e.kind} \`${e.id}\` has no file \`${e.kind}s/${e.id}.yaml\``,
          `create ${e.kind}s/${e.id}.yaml or fix the id`,
        );
      } else {
        referenced.add(target.path);
      }
    }
  });

  if (lessonMinutes > m.estimatedMinutes) {
    emit(
      'warning',
      mf.file,
      mf.source.locate(['estimatedMinutes']),
      'MINUTES_MISMATCH',
      `the lessons alone take ${lessonMinutes} minutes, more than estimatedMinutes (${m.estimatedMinutes})`,
      'raise `estimatedMinutes` to the time the whole module takes, including scenarios and assessments',
    );
  }

  // file ids must match file names
  for (const f of [...parsed.scenarios, ...parsed.assessments] as ParsedYamlFile<{ id: string }>[]) {
    if (f.data && f.data.id !== stem(f.path)) {
      emit(
        'error',
        f.file,
        f.source.locate(['id']),
        'ID_MISMATCH',
        `id \`${f.data.id}\` differs from the file name \`${stem(f.path)}\``,
        `set \`id: ${stem(f.path)}\` or rename the file`,
      );
    }
  }

  // every content file should be used
  const contentFiles = [
    ...parsed.lessons.map((l) => ({ path: l.path, file: l.file })),
    ...parsed.scenarios,
    ...parsed.assessments,
  ];
  for (const c of contentFiles) {
    if (!referenced.has(c.path)) {
      emit(
        'warning',
        c.file,
        { line: 1, column: 1 },
        'FILE_UNREFERENCED',
        `\`${c.path}\` is not part of the module's \`sequence\``,
        'add it to `sequence` in module.yaml, or delete it',
      );
    }
  }

  // pre before any teaching, post after all of it
  const teaching = entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.kind !== 'assessment')
    .map(({ i }) => i);
  const firstTeaching = Math.min(...teaching);
  const lastTeaching = Math.max(...teaching);
  let hasPre = false;
  let hasPost = false;
  let unparsed = false;
  entries.forEach((e, i) => {
    if (e.kind !== 'assessment') return;
    const file = parsed.assessments.find((p) => stem(p.path) === e.id);
    const a = file?.data;
    if (file && !a) unparsed = true; // its own errors are reported; its kind is unknown
    if (!a) return;
    if (a.kind === 'pre') {
      hasPre = true;
      if (i > firstTeaching)
        emit(
          'error',
          mf.file,
          mf.source.locate(['sequence', i]),
          'ASSESSMENT_ORDER',
          `pre-assessment \`${e.id}\` comes after teaching has started`,
          'move it before the first lesson or scenario',
        );
    }
    if (a.kind === 'post') {
      hasPost = true;
      if (i < lastTeaching)
        emit(
          'error',
          mf.file,
          mf.source.locate(['sequence', i]),
          'ASSESSMENT_ORDER',
          `post-assessment \`${e.id}\` comes before teaching has ended`,
          'move it after the last lesson or scenario',
        );
    }
  });
  if ((!hasPre || !hasPost) && !unparsed) {
    emit(
      'error',
      mf.file,
      mf.source.locate(['sequence'], { key: true }),
      'ASSESSMENT_PRE_POST_MISSING',
      `the module has no ${!hasPre && !hasPost ? 'pre- or post-assessment' : !hasPre ? 'pre-assessment' : 'post-assessment'} in its sequence`,
      'add `- assessment: pre` first and `- assessment: post` last, with files under assessments/, so learning gains can be measured',
    );
  }
}

function checkLesson(ctx: Ctx, lesson: ParsedLesson, source: ParsedLesson | undefined): void {
  const { emit, langs } = ctx;
  const fm = lesson.frontMatter;
  const fmPos = (key: string): SourcePosition =>
    lesson.frontMatterSource?.locate([key]) ?? { line: 1, column: 1 };
  if (!langs.includes(lesson.lang)) {
    emit(
      'warning',
      lesson.file,
      { line: 1, column: 1 },
      'TRANSLATION_UNDECLARED_LANGUAGE',
      `lesson is in ${languageName(lesson.lang)}, which module.yaml does not declare`,
      `add \`${lesson.lang}\` to \`languages\`, or delete the file`,
    );
  }
  if (fm) {
    if (fm.id !== lesson.id)
      emit(
        'error',
        lesson.file,
        fmPos('id'),
        'ID_MISMATCH',
        `front matter id \`${fm.id}\` differs from the file name \`${lesson.id}\``,
        `set \`id: ${lesson.id}\` or rename the file`,
      );
    if (fm.lang !== lesson.lang)
      emit(
        'error',
        lesson.file,
        fmPos('lang'),
        'ID_MISMATCH',
        `front matter lang \`${fm.lang}\` differs from the file name's \`${lesson.lang}\``,
        `set \`lang: ${lesson.lang}\``,
      );
  }
  for (const kind of REQUIRED_LESSON_BLOCKS) {
    if (!lesson.blocks.some((b) => b.kind === kind)) {
      emit(
        'error',
        lesson.file,
        { line: 1, column: 1 },
        'LESSON_BLOCK_REQUIRED',
        `lesson has no \`${kind}\` block`,
        kind === 'help'
          ? 'add a `:::help` block with the help resources (safe adults, the hotline 1-888-373-7888 / text 233733, 911)'
          : `add a \`:::${kind}\` block`,
      );
    }
  }
  if (source && fm && lesson.frontMatterSource) {
    const a = source.blocks.map((b) => b.kind);
    const b = lesson.blocks.map((x) => x.kind);
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (a[i] !== b[i]) {
        const blk = lesson.blocks[i];
        emit(
          'error',
          lesson.file,
          blk ? { line: blk.line, column: 1 } : { line: 1, column: 1 },
          'TRANSLATION_STRUCTURE_MISMATCH',
          `block ${i + 1} is \`${b[i] ?? '(none)'}\` here but \`${a[i] ?? '(none)'}\` in ${source.path}`,
          'a translation has the same blocks in the same order as the source lesson',
        );
        break;
      }
    }
  }
  if (lesson.lang === 'en') {
    const text = lesson.blocks
      .filter((b) => !TEACHER_ONLY_BLOCKS.includes(b.kind) && b.kind !== 'help')
      .map((b) => markdownToPlainText(b.markdown))
      .join('\n');
    checkReadingLevel(ctx, lesson.file, { line: 1, column: 1 }, text, 'learner-facing lesson text');
  }
}

// ---------------------------------------------------------------- scenarios

function checkScenario(ctx: Ctx, s: ParsedYamlFile<Scenario> & { data: Scenario }): void {
  const { emit } = ctx;
  const sc = s.data;
  const f = s.file;
  const loc = (path: DataPath, key = false): SourcePosition => s.source.locate(path, { key });

  checkDuplicateIds(ctx, s, sc.nodes, ['nodes'], 'node');
  checkDuplicateIds(ctx, s, sc.characters, ['characters'], 'character');
  checkDuplicateIds(ctx, s, sc.variables, ['variables'], 'variable');
  sc.nodes.forEach((n, i) => checkDuplicateIds(ctx, s, n.choices, ['nodes', i, 'choices'], 'choice'));

  const nodeIndex = new Map<string, number>();
  sc.nodes.forEach((n, i) => {
    if (!nodeIndex.has(n.id)) nodeIndex.set(n.id, i);
  });
  const nodePos = (id: string): SourcePosition => loc(['nodes', nodeIndex.get(id) ?? 0, 'id']);

  const report = analyseScenarioGraph({
    start: sc.start,
    nodes: sc.nodes.map((n) => ({
      id: n.id,
      ending: n.ending !== undefined,
      helpPath: n.tags.some((t) => HELP_PATH_TAGS.includes(t)),
      edges: n.choices.map((c) => ({
        target: c.next,
        helpPath: c.tags.some((t) => HELP_PATH_TAGS.includes(t)),
      })),
    })),
  });
  if (!report.startExists) {
    emit(
      'error',
      f,
      loc(['start']),
      'SCENARIO_START_UNKNOWN',
      `start node \`${sc.start}\` does not exist`,
      `set \`start\` to one of: ${sc.nodes.map((n) => n.id).join(', ')}`,
    );
  }
  for (const d of report.danglingEdges) {
    emit(
      'error',
      f,
      loc(['nodes', nodeIndex.get(d.node) ?? 0, 'choices', d.edge, 'next']),
      'SCENARIO_UNKNOWN_TARGET',
      `choice leads to \`${d.target}\`, which is not a node`,
      `point \`next\` at an existing node id, e.g. ${sc.nodes
        .slice(0, 3)
        .map((n) => n.id)
        .join(', ')}`,
    );
  }
  for (const id of report.unreachable) {
    emit(
      'error',
      f,
      nodePos(id),
      'SCENARIO_UNREACHABLE_NODE',
      `node \`${id}\` cannot be reached from the start node \`${sc.start}\``,
      'add a choice that leads to it, or remove the node',
    );
  }
  for (const id of report.deadEnds) {
    emit(
      'error',
      f,
      nodePos(id),
      'SCENARIO_DEAD_END',
      `node \`${id}\` has no choices and is not an ending`,
      'add choices, or make it an ending with `ending: { outcome, debrief }`',
    );
  }
  for (const id of report.noPathToEnding) {
    emit(
      'error',
      f,
      nodePos(id),
      'SCENARIO_NO_PATH_TO_ENDING',
      `no path leads from node \`${id}\` to an ending`,
      'make sure some choice from here eventually reaches a node with `ending:`',
    );
  }
  for (const loop of report.loopsWithoutExit) {
    emit(
      'error',
      f,
      nodePos(loop[0]!),
      'SCENARIO_LOOP_NO_EXIT',
      `nodes ${loop.map((x) => `\`${x}\``).join(' → ')} form a loop with no way out to an ending`,
      'add a choice in the loop that leads towards an ending',
    );
  }
  if (report.startExists && !report.hasHelpPath) {
    emit(
      'error',
      f,
      loc(['start']),
      'SCENARIO_NO_SAFE_ADULT_PATH',
      'no path to an ending goes through a choice or node tagged `safe-adult` or `help-seeking`',
      'model asking a safe adult for help: tag that choice `tags: [safe-adult, protective]` and let it lead to an ending',
    );
  }

  // speakers
  const characters = new Set(sc.characters.map((c) => c.id));
  sc.nodes.forEach((n, i) => {
    if (n.speaker !== 'narrator' && !characters.has(n.speaker)) {
      emit(
        'error',
        f,
        loc(['nodes', i, 'speaker']),
        'SCENARIO_UNKNOWN_SPEAKER',
        `speaker \`${n.speaker}\` is not a character`,
        `use \`narrator\` or add \`${n.speaker}\` to \`characters\``,
      );
    }
  });

  // variables and conditions
  const vars = new Map(sc.variables.map((v) => [v.id, v.type]));
  sc.nodes.forEach((n, i) => {
    n.choices.forEach((c, j) => {
      const base = ['nodes', i, 'choices', j];
      if (c.if !== undefined) {
        const at = (offset: number): SourcePosition => {
          const pos = s.source.locateText([...base, 'if']);
          return { line: pos.line, column: pos.column + offset };
        };
        const r = parseCondition(c.if);
        if (!r.ok) {
          emit(
            'error',
            f,
            at(r.offset),
            'SCENARIO_CONDITION_SYNTAX',
            `condition \`${c.if}\`: ${r.message}`,
            'write e.g. `toldAdult`, `not sharedPhoto and trust >= 2`; see "Conditions" in curricula/README.md',
          );
        } else {
          for (const ref of conditionReferences(r.ast)) {
            const type = vars.get(ref.name);
            if (!type) {
              emit(
                'error',
                f,
                at(ref.offset),
                'SCENARIO_VARIABLE_UNDECLARED',
                `condition uses variable \`${ref.name}\`, which is not declared`,
                `declare it under \`variables\`: \`- { id: ${ref.name}, type: boolean, initial: false }\``,
              );
            } else if (ref.value !== undefined && typeof ref.value !== type) {
              emit(
                'error',
                f,
                at(ref.offset),
                'SCENARIO_VARIABLE_TYPE',
                `\`${ref.name}\` is a ${type} but is compared with ${JSON.stringify(ref.value)}`,
                `compare it with a ${type}`,
              );
            } else if (type === 'boolean' && ref.op !== undefined && ref.op !== '==' && ref.op !== '!=') {
              emit(
                'error',
                f,
                at(ref.offset),
                'SCENARIO_VARIABLE_TYPE',
                `\`${ref.name}\` is a boolean and cannot be compared with \`${ref.op}\``,
                'use `==`, `!=`, the bare name or `not name`',
              );
            }
          }
        }
      }
      for (const [name, value] of Object.entries(c.set ?? {})) {
        const type = vars.get(name);
        if (!type)
          emit(
            'error',
            f,
            loc([...base, 'set', name], true),
            'SCENARIO_VARIABLE_UNDECLARED',
            `\`set\` changes \`${name}\`, which is not declared`,
            `declare it under \`variables\``,
          );
        else if (typeof value !== type)
          emit(
            'error',
            f,
            loc([...base, 'set', name]),
            'SCENARIO_VARIABLE_TYPE',
            `\`${name}\` is a ${type} but is set to ${JSON.stringify(value)}`,
            `set it to a ${type}`,
          );
      }
      for (const name of Object.keys(c.add ?? {})) {
        const type = vars.get(name);
        if (!type)
          emit(
            'error',
            f,
            loc([...base, 'add', name], true),
            'SCENARIO_VARIABLE_UNDECLARED',
            `\`add\` changes \`${name}\`, which is not declared`,
            `declare it under \`variables\` with \`type: number\``,
          );
        else if (type !== 'number')
          emit(
            'error',
            f,
            loc([...base, 'add', name], true),
            'SCENARIO_VARIABLE_TYPE',
            `\`add\` needs a number but \`${name}\` is a ${type}`,
            'use `set` for booleans',
          );
      }
    });
    if (n.choices.length > 0 && n.choices.every((c) => c.if !== undefined)) {
      emit(
        'warning',
        f,
        loc(['nodes', i, 'choices'], true),
        'SCENARIO_ONLY_CONDITIONAL_CHOICES',
        `every choice of node \`${n.id}\` has a condition; if none holds, the learner is stuck`,
        'give the node at least one choice without `if`',
      );
    }
  });

  // translations and reading level
  const english: string[] = [];
  const visit = (path: DataPath, value: Localized | undefined): void => {
    checkLocalized(ctx, s, path, value);
    const en = textIn(value, 'en', ctx.sourceLang);
    if (en) english.push(sentence(en));
  };
  visit(['title'], sc.title);
  visit(['summary'], sc.summary);
  sc.characters.forEach((c, i) => checkLocalized(ctx, s, ['characters', i, 'name'], c.name));
  sc.nodes.forEach((n, i) => {
    visit(['nodes', i, 'text'], n.text);
    n.choices.forEach((c, j) => {
      visit(['nodes', i, 'choices', j, 'text'], c.text);
      visit(['nodes', i, 'choices', j, 'feedback'], c.feedback);
    });
    if (n.ending) visit(['nodes', i, 'ending', 'debrief'], n.ending.debrief);
  });
  checkReadingLevel(ctx, f, { line: 1, column: 1 }, english.join('\n'), 'scenario text');
}

// ---------------------------------------------------------------- assessments

/** Items of an assessment with `include` resolved (included items first). */
export function resolveAssessmentItems(assessment: Assessment, all: readonly Assessment[]): AssessmentItem[] {
  const seen = new Set<string>();
  const walk = (a: Assessment): AssessmentItem[] => {
    if (seen.has(a.id)) return [];
    seen.add(a.id);
    const inc = a.include ? all.find((x) => x.id === a.include) : undefined;
    return [...(inc ? walk(inc) : []), ...a.items];
  };
  return walk(assessment);
}

function checkAssessments(ctx: Ctx): void {
  const { emit, parsed, langs } = ctx;
  const all = parsed.assessments.filter(
    (a): a is ParsedYamlFile<Assessment> & { data: Assessment } => a.data !== undefined,
  );
  for (const a of all) {
    const d = a.data;
    const f = a.file;
    const loc = (path: DataPath, key = false): SourcePosition => a.source.locate(path, { key });
    const includeExists = parsed.assessments.some(
      (x) => x !== a && (x.data?.id === d.include || stem(x.path) === d.include),
    );
    if (d.include !== undefined && (d.include === d.id || !includeExists)) {
      emit(
        'error',
        f,
        loc(['include']),
        'ASSESSMENT_INCLUDE_UNKNOWN',
        `\`include: ${d.include}\` does not name another assessment of this module`,
        `use one of: ${
          all
            .filter((x) => x !== a)
            .map((x) => x.data.id)
            .join(', ') || '(none)'
        }`,
      );
    }
    const items = resolveAssessmentItems(
      d,
      all.map((x) => x.data),
    );
    const own = new Set(d.items.map((it) => it.id));
    for (const dup of duplicates(items, (it) => it.id)) {
      const it = items[dup.index]!;
      const ownIndex = d.items.indexOf(it);
      emit(
        'error',
        f,
        loc(ownIndex >= 0 ? ['items', ownIndex, 'id'] : ['include']),
        'DUPLICATE_ID',
        `item id \`${dup.key}\` is used more than once${own.has(dup.key) && d.include ? ' (including included items)' : ''}`,
        'give every item a unique id',
      );
    }
    d.items.forEach((it, i) => {
      const base = ['items', i];
      if (it.type === 'multiple-choice') {
        checkDuplicateIds(ctx, a, it.options, [...base, 'options'], 'option');
        if (it.answer !== undefined && !it.options.some((o) => o.id === it.answer)) {
          emit(
            'error',
            f,
            loc([...base, 'answer']),
            'ASSESSMENT_ANSWER_UNKNOWN_OPTION',
            `answer \`${it.answer}\` is not one of the options`,
            `use one of: ${it.options.map((o) => o.id).join(', ')}`,
          );
        }
      }
      if (it.construct === 'knowledge' && it.type !== 'likert' && it.answer === undefined) {
        emit(
          'error',
          f,
          loc(base),
          'ASSESSMENT_ANSWER_MISSING',
          `knowledge item \`${it.id}\` has no answer key`,
          'add `answer:` so learning gains can be scored',
        );
      }
      if (it.type === 'likert') {
        for (const lang of langs) {
          if (!likertLabels(it.scale, lang)) {
            emit(
              'error',
              f,
              loc([...base, 'scale']),
              'TRANSLATION_MISSING',
              `scale \`${it.scale}\` has no ${languageName(lang)} labels`,
              'add the labels to LIKERT_SCALES in libs/curriculum/src/vocabulary.ts',
            );
          }
        }
      }
    });

    const english: string[] = [];
    const visit = (path: DataPath, value: Localized | undefined): void => {
      checkLocalized(ctx, a, path, value);
      const en = textIn(value, 'en', ctx.sourceLang);
      if (en) english.push(sentence(en));
    };
    visit(['title'], d.title);
    visit(['instructions'], d.instructions);
    d.items.forEach((it, i) => {
      visit(['items', i, 'prompt'], it.prompt);
      if (it.type === 'multiple-choice')
        it.options.forEach((o, j) => visit(['items', i, 'options', j, 'text'], o.text));
    });
    checkReadingLevel(ctx, f, { line: 1, column: 1 }, english.join('\n'), 'assessment text');

    if (d.kind === 'post' && !items.some((it) => it.construct === 'session-safety')) {
      emit(
        'warning',
        f,
        loc(['items'], true),
        'ASSESSMENT_NO_SESSION_SAFETY',
        'the post-assessment has no `session-safety` item',
        'ask whether the session felt upsetting or unsafe (construct: session-safety), so facilitators can follow up',
      );
    }
  }

  // matched pre/post items, so gains are computed on the same questions
  const pres = all.filter((a) => a.data.kind === 'pre');
  const posts = all.filter((a) => a.data.kind === 'post');
  for (const pre of pres) {
    for (const post of posts) {
      const postIds = new Set(
        resolveAssessmentItems(
          post.data,
          all.map((x) => x.data),
        ).map((i) => i.id),
      );
      const missing = resolveAssessmentItems(
        pre.data,
        all.map((x) => x.data),
      ).filter((i) => !postIds.has(i.id));
      if (missing.length > 0) {
        emit(
          'warning',
          post.file,
          post.source.locate(['items'], { key: true }),
          'ASSESSMENT_UNMATCHED_ITEM',
          `pre-assessment items ${missing.map((i) => `\`${i.id}\``).join(', ')} are not asked again in this post-assessment`,
          `add \`include: ${pre.data.id}\` or repeat those items, so gains can be computed on matched items`,
        );
      }
    }
  }
}

/** Result of validating several modules together (catalog-level checks: unique ids, prerequisites). */
export interface CurriculaValidation {
  modules: { dir: string; id?: string; result: ValidationResult }[];
  errors: Issue[];
  warnings: Issue[];
}

export function validateCurricula(modules: readonly ParsedModule[]): CurriculaValidation {
  const results = modules.map((p) => ({
    dir: p.basePath,
    id: p.manifest?.data?.id,
    result: validateModule(p),
  }));
  const cross: Issue[] = [];
  const byId = new Map<string, ParsedModule[]>();
  for (const p of modules) {
    const id = p.manifest?.data?.id;
    if (id) byId.set(id, [...(byId.get(id) ?? []), p]);
  }
  for (const [id, ps] of byId) {
    for (const p of ps.slice(1)) {
      cross.push(
        makeIssue(
          'error',
          displayPath(p.basePath, 'module.yaml'),
          p.manifest!.source.locate(['id']),
          'MODULE_ID_DUPLICATE',
          `module id \`${id}\` is also used by ${ps[0]!.basePath}`,
          'module ids are unique across curricula/',
        ),
      );
    }
  }
  for (const p of modules) {
    const m = p.manifest?.data;
    if (!m) continue;
    m.prerequisites.forEach((pr, i) => {
      const targets = byId.get(pr.module);
      const pos = p.manifest!.source.locate(['prerequisites', i, 'module']);
      const file = displayPath(p.basePath, 'module.yaml');
      if (!targets) {
        cross.push(
          makeIssue(
            'error',
            file,
            pos,
            'PREREQUISITE_UNKNOWN',
            `prerequisite module \`${pr.module}\` does not exist`,
            'use the id of a module in curricula/',
          ),
        );
      } else if (
        semver.validRange(pr.version) &&
        !targets.some((t) => semver.satisfies(t.manifest!.data!.version, pr.version))
      ) {
        cross.push(
          makeIssue(
            'error',
            file,
            pos,
            'PREREQUISITE_UNKNOWN',
            `no version of \`${pr.module}\` satisfies \`${pr.version}\``,
            `the available version is ${targets[0]!.manifest!.data!.version}`,
          ),
        );
      }
    });
  }
  const all = splitIssues([...results.flatMap((r) => [...r.result.errors, ...r.result.warnings]), ...cross]);
  return { modules: results, errors: all.errors, warnings: all.warnings };
}
