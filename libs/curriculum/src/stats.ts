import type { GradeBand } from '@haven/domain';
import { textIn } from './localized';
import type { ParsedModule } from './parse';
import { fleschKincaidGrade, wordCount } from './readability';
import { markdownToPlainText } from './render';
import type { Localized } from './schemas';
import { resolveAssessmentItems, sequenceEntryOf } from './validate';
import { TEACHER_ONLY_BLOCKS } from './vocabulary';

export interface ScenarioStats {
  id: string;
  nodes: number;
  endings: number;
  choices: number;
}

export interface AssessmentStats {
  id: string;
  kind: 'pre' | 'post' | 'check';
  /** Items asked, including those pulled in with `include`. */
  items: number;
}

/** Numbers that describe one module, for reviewers and for `curricula stats`. */
export interface ModuleStats {
  id: string;
  version: string;
  gradeBand: GradeBand;
  languages: string[];
  topics: string[];
  lessons: number;
  lessonMinutes: number;
  estimatedMinutes: number;
  scenarios: ScenarioStats[];
  assessments: AssessmentStats[];
  /** Words of learner-facing English text: lessons (not facilitator notes), scenarios and assessments. */
  words: number;
  /** Flesch-Kincaid grade of the English learner-facing lesson text (help blocks excluded, as in validation). */
  readingGrade: number | null;
}

/**
 * Statistics of a parsed module (which need not be valid: what cannot be read is left out).
 * Returns undefined when module.yaml itself could not be read.
 */
export function moduleStats(parsed: ParsedModule): ModuleStats | undefined {
  const m = parsed.manifest?.data;
  if (!m) return undefined;
  const src = m.languages[0] ?? 'en';
  const en = (v: Localized | undefined): string => textIn(v, 'en', src) ?? '';
  const sequence = m.sequence.map(sequenceEntryOf);
  const lessonIds = sequence.filter((e) => e.kind === 'lesson').map((e) => e.id);
  const englishLessons = lessonIds.flatMap((id) =>
    parsed.lessons.filter((l) => l.id === id && l.lang === 'en'),
  );
  const lessonText = englishLessons
    .flatMap((l) => l.blocks)
    .filter((b) => !TEACHER_ONLY_BLOCKS.includes(b.kind) && b.kind !== 'help')
    .map((b) => markdownToPlainText(b.markdown))
    .join('\n');
  const helpText = englishLessons
    .flatMap((l) => l.blocks)
    .filter((b) => b.kind === 'help')
    .map((b) => markdownToPlainText(b.markdown))
    .join('\n');

  const scenarios: ScenarioStats[] = [];
  const otherText: string[] = [];
  for (const id of sequence.filter((e) => e.kind === 'scenario').map((e) => e.id)) {
    const s = parsed.scenarios.find((x) => x.data?.id === id)?.data;
    if (!s) continue;
    scenarios.push({
      id,
      nodes: s.nodes.length,
      endings: s.nodes.filter((n) => n.ending !== undefined).length,
      choices: s.nodes.reduce((n, node) => n + node.choices.length, 0),
    });
    otherText.push(en(s.title), en(s.summary));
    for (const n of s.nodes) {
      otherText.push(en(n.text), en(n.ending?.debrief));
      for (const c of n.choices) otherText.push(en(c.text), en(c.feedback));
    }
  }

  const all = parsed.assessments.flatMap((a) => (a.data ? [a.data] : []));
  const assessments: AssessmentStats[] = [];
  for (const id of sequence.filter((e) => e.kind === 'assessment').map((e) => e.id)) {
    const a = all.find((x) => x.id === id);
    if (!a) continue;
    assessments.push({ id, kind: a.kind, items: resolveAssessmentItems(a, all).length });
    otherText.push(en(a.title), en(a.instructions));
    for (const it of a.items) {
      otherText.push(en(it.prompt));
      if (it.type === 'multiple-choice') for (const o of it.options) otherText.push(en(o.text));
    }
  }

  const hasEnglish = m.languages.includes('en');
  return {
    id: m.id,
    version: m.version,
    gradeBand: m.gradeBand,
    languages: [...m.languages],
    topics: [...m.topics],
    lessons: lessonIds.length,
    lessonMinutes: lessonIds.reduce(
      (n, id) => n + (parsed.lessons.find((l) => l.id === id && l.lang === src)?.frontMatter?.minutes ?? 0),
      0,
    ),
    estimatedMinutes: m.estimatedMinutes,
    scenarios,
    assessments,
    words: hasEnglish ? wordCount([lessonText, helpText, ...otherText].join('\n')) : 0,
    readingGrade: hasEnglish && lessonText.trim() !== '' ? fleschKincaidGrade(lessonText) : null,
  };
}

/** One line per module, aligned, plus a header: what `curricula stats` prints. */
export function formatStatsTable(stats: readonly ModuleStats[]): string[] {
  const header = [
    'module',
    'band',
    'langs',
    'lessons',
    'minutes',
    'scenario nodes/endings',
    'pre/post items',
    'words',
    'reading grade',
  ];
  const rows = stats.map((s) => {
    const items = (kind: 'pre' | 'post'): string =>
      s.assessments
        .filter((a) => a.kind === kind)
        .map((a) => a.items)
        .join('+') || '0';
    return [
      `${s.id}@${s.version}`,
      s.gradeBand,
      s.languages.join(','),
      String(s.lessons),
      `${s.lessonMinutes}/${s.estimatedMinutes}`,
      s.scenarios.map((x) => `${x.nodes}/${x.endings}`).join(' ') || '-',
      `${items('pre')}/${items('post')}`,
      String(s.words),
      s.readingGrade === null ? '-' : s.readingGrade.toFixed(1),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
