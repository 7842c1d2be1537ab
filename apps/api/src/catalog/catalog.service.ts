import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isTopicTag, topicDefinition, type ModuleVersion } from '@haven/curriculum';
import { DataSource } from 'typeorm';
import { Assessment, Lesson, ModuleVersionView, Scenario } from './catalog.models';
import { localize, localizeOrNull } from './localize';
import { ModuleVersionEntity } from './module-version.entity';
import type { ModulesArgs } from './dtos/catalog.args';

/** A catalog row with what its field resolvers need to localise the compiled bundle. */
export type ModuleVersionRow = ModuleVersionView & { sourceLanguage: string };

function toView(row: ModuleVersionEntity, wanted: string | undefined): ModuleVersionRow {
  const language = wanted && row.languages.includes(wanted) ? wanted : row.sourceLanguage;
  return {
    id: row.id,
    moduleId: row.moduleId,
    version: row.version,
    contentHash: row.contentHash,
    language,
    sourceLanguage: row.sourceLanguage,
    title: localize(row.title, language, row.sourceLanguage),
    summary: localize(row.summary, language, row.sourceLanguage),
    gradeBand: row.gradeBand,
    grades: row.grades,
    languages: row.languages,
    topics: row.topics.map((tag) => ({ tag, label: isTopicTag(tag) ? topicDefinition(tag).label : tag })),
    estimatedMinutes: row.estimatedMinutes,
    loadedAt: row.loadedAt,
  };
}

/** Reads the curriculum catalog. Curricula are shared by every district; nothing here is tenant data. */
@Injectable()
export class CatalogService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The latest version of each module that matches the filters, ordered by band, then title. */
  async list(args: ModulesArgs): Promise<ModuleVersionRow[]> {
    const qb = this.ds
      .getRepository(ModuleVersionEntity)
      .createQueryBuilder('v')
      .distinctOn(['v.module_id'])
      .orderBy('v.module_id')
      .addOrderBy('v.version_sort', 'DESC');
    const latest = await qb.getMany();
    const filtered = latest.filter(
      (v) =>
        (!args.gradeBand || v.gradeBand === args.gradeBand) &&
        (args.grade === undefined || args.grade === null || v.grades.includes(args.grade)) &&
        (!args.language || v.languages.includes(args.language)) &&
        (!args.topic || v.topics.includes(args.topic)),
    );
    const bandOrder = ['K-2', '3-5', '6-8', '9-12'];
    return filtered
      .map((v) => toView(v, args.displayLanguage))
      .sort(
        (a, b) =>
          bandOrder.indexOf(a.gradeBand) - bandOrder.indexOf(b.gradeBand) || a.title.localeCompare(b.title),
      )
      .slice(0, args.first);
  }

  /** One version (the latest when none is named); older versions stay readable. */
  async find(
    moduleId: string,
    version: string | undefined,
    language: string | undefined,
  ): Promise<ModuleVersionRow | null> {
    const qb = this.ds
      .getRepository(ModuleVersionEntity)
      .createQueryBuilder('v')
      .where('v.module_id = :moduleId', { moduleId });
    if (version) qb.andWhere('v.version = :version', { version });
    const row = await qb.orderBy('v.version_sort', 'DESC').getOne();
    return row ? toView(row, language) : null;
  }
}

/** Builds the localised parts of a version from its compiled bundle. */
export const fromBundle = {
  objectives: (b: ModuleVersion, lang: string) =>
    b.objectives.map((o) => localize(o.text, lang, b.sourceLanguage)),

  contentWarnings: (b: ModuleVersion, lang: string) =>
    b.contentWarnings.map((w) => ({ topic: w.topic, text: localize(w.text, lang, b.sourceLanguage) })),

  lessons: (b: ModuleVersion, lang: string): Lesson[] =>
    b.lessons.map((l) => ({
      id: l.id,
      title: localize(l.title, lang, b.sourceLanguage),
      minutes: l.minutes,
      blocks: l.blocks.map((block) => ({
        kind: block.kind,
        title: localizeOrNull(block.title, lang, b.sourceLanguage),
        html: localize(block.html, lang, b.sourceLanguage),
      })),
      notes: l.facilitatorNotes.map((n) => ({
        title: localizeOrNull(n.title, lang, b.sourceLanguage),
        html: localize(n.html, lang, b.sourceLanguage),
      })),
    })),

  scenarios: (b: ModuleVersion, lang: string): Scenario[] =>
    b.scenarios.map((s) => {
      const names = new Map(s.characters.map((c) => [c.id, localize(c.name, lang, b.sourceLanguage)]));
      return {
        id: s.id,
        title: localize(s.title, lang, b.sourceLanguage),
        summary: localizeOrNull(s.summary, lang, b.sourceLanguage),
        start: s.start,
        variables: s.variables.map((v) => ({ id: v.id, type: v.type, initial: JSON.stringify(v.initial) })),
        nodeCount: s.nodes.length,
        endingCount: s.nodes.filter((n) => n.ending).length,
        nodes: s.nodes.map((n) => ({
          id: n.id,
          speaker: n.speaker,
          speakerName: names.get(n.speaker) ?? null,
          text: localize(n.text, lang, b.sourceLanguage),
          ending: n.ending
            ? { outcome: n.ending.outcome, debrief: localize(n.ending.debrief, lang, b.sourceLanguage) }
            : null,
          choices: n.choices.map((c) => ({
            id: c.id,
            text: localize(c.text, lang, b.sourceLanguage),
            next: c.next,
            feedback: localize(c.feedback, lang, b.sourceLanguage),
            tags: c.tags,
            condition: c.if ?? null,
            effects: [
              ...Object.entries(c.set ?? {}).map(([variable, value]) => ({
                variable,
                op: 'set',
                value: JSON.stringify(value),
              })),
              ...Object.entries(c.add ?? {}).map(([variable, value]) => ({
                variable,
                op: 'add',
                value: JSON.stringify(value),
              })),
            ],
          })),
        })),
      };
    }),

  assessments: (b: ModuleVersion, lang: string): Assessment[] =>
    b.assessments.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: localize(a.title, lang, b.sourceLanguage),
      instructions: localizeOrNull(a.instructions, lang, b.sourceLanguage),
      items: a.items.map((item) => ({
        id: item.id,
        type: item.type,
        construct: item.construct,
        prompt: localize(item.prompt, lang, b.sourceLanguage),
        sensitive: item.sensitive,
        options:
          item.type === 'multiple-choice'
            ? item.options.map((o) => ({ id: o.id, text: localize(o.text, lang, b.sourceLanguage) }))
            : item.type === 'likert'
              ? (item.labels[lang] ?? item.labels[b.sourceLanguage] ?? []).map((text, i) => ({
                  id: String(i + 1),
                  text,
                }))
              : [],
      })),
    })),
};
