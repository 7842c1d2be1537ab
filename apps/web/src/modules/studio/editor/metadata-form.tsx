import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleManifest, SequenceEntry, SequenceKind } from '@haven/curriculum';
import { GRADE_BANDS, type GradeBand } from '@haven/domain';
import {
  BAND_MAX_GRADE,
  BAND_MIN_GRADE,
  FACILITATOR_TRAININGS,
  LICENCES,
  TOPICS,
  TOPIC_TAGS,
  type TopicTag,
} from '@haven/curriculum/vocabulary';
import { fieldUnder, moduleIssues, type EditorIssue } from './editor-issue';
import {
  CheckboxField,
  CheckboxGroup,
  IssueList,
  ItemControls,
  LocalizedField,
  NumberField,
  SelectField,
  TextField,
} from './fields';
import { moveItem, removeAt, replaceAt, uniqueId } from './list-ops';

const LANG_PATTERN = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;
const SEQUENCE_KINDS: readonly SequenceKind[] = ['lesson', 'scenario', 'assessment'];

/** Fields this form shows issues beside; module issues on any other field are listed at the top. */
const SHOWN_FIELDS = [
  'id',
  'title',
  'summary',
  'gradeBand',
  'grades',
  'languages',
  'estimatedMinutes',
  'objectives',
  'topics',
  'contentWarnings',
  'alternativeActivity',
  'parentNotice',
  'facilitator',
  'authors',
  'licence',
  'sequence',
];

export function sequenceEntryKind(entry: SequenceEntry): { kind: SequenceKind; id: string } {
  if (entry.lesson !== undefined) return { kind: 'lesson', id: entry.lesson };
  if (entry.scenario !== undefined) return { kind: 'scenario', id: entry.scenario };
  return { kind: 'assessment', id: entry.assessment ?? '' };
}

const bandGrades = (band: GradeBand): number[] =>
  Array.from({ length: BAND_MAX_GRADE[band] - BAND_MIN_GRADE[band] + 1 }, (_, i) => BAND_MIN_GRADE[band] + i);

/** Everything `module.yaml` holds that an author writes (review records are kept by the review workflow). */
export function MetadataForm({
  manifest,
  onChange,
  issues,
  idEditable = false,
}: {
  manifest: ModuleManifest;
  onChange: (next: ModuleManifest) => void;
  issues: readonly EditorIssue[];
  /** The id names the module's folder; it is fixed once the module exists. */
  idEditable?: boolean;
}) {
  const { t } = useTranslation();
  const m = manifest;
  const set = (patch: Partial<ModuleManifest>): void => onChange({ ...m, ...patch });
  const at = (field: string) => moduleIssues(issues, field);
  const other = issues.filter(
    (i) =>
      i.anchor?.kind === 'module' &&
      !SHOWN_FIELDS.some((f) => fieldUnder(i.anchor?.kind === 'module' ? i.anchor.field : undefined, f)),
  );
  const exactly = (field: string) =>
    issues.filter((i) => i.anchor?.kind === 'module' && i.anchor.field === field);
  const langs = m.languages;
  const gradeText = (g: number) => (g === 0 ? t('grades.kindergarten') : t('grades.one', { grade: g }));

  return (
    <div className="metadata-form">
      {other.length > 0 && <IssueList id="module-other-issues" issues={other} />}

      <section className="editor-section" aria-labelledby="module-basics">
        <h3 id="module-basics">{t('studio.editor.module.basics')}</h3>
        <TextField
          label={t('studio.editor.module.id')}
          hint={idEditable ? t('studio.editor.module.idHint') : t('studio.editor.module.idFixed')}
          value={m.id}
          readOnly={!idEditable}
          issues={at('id')}
          onChange={(id) => set({ id })}
        />
        <TextField label={t('studio.editor.module.version')} value={m.version} readOnly />
        <LocalizedField
          legend={t('studio.editor.module.title')}
          value={m.title}
          languages={langs}
          issues={at('title')}
          onChange={(title) => set({ title: title ?? '' })}
        />
        <LocalizedField
          legend={t('studio.editor.module.summary')}
          value={m.summary}
          languages={langs}
          multiline
          issues={at('summary')}
          onChange={(summary) => set({ summary: summary ?? '' })}
        />
        <SelectField
          label={t('studio.editor.module.gradeBand')}
          value={m.gradeBand}
          issues={at('gradeBand')}
          options={GRADE_BANDS.map((b) => ({ value: b, label: b }))}
          onChange={(value) => {
            const band = value as GradeBand;
            const allowed = bandGrades(band);
            const kept = m.grades.filter((g) => allowed.includes(g));
            set({ gradeBand: band, grades: kept.length > 0 ? kept : allowed });
          }}
        />
        <CheckboxGroup
          legend={t('studio.editor.module.grades')}
          hint={t('studio.editor.module.gradesHint', { band: m.gradeBand })}
          options={bandGrades(m.gradeBand).map((g) => ({ value: String(g), label: gradeText(g) }))}
          selected={m.grades.map(String)}
          issues={at('grades')}
          onChange={(grades) => set({ grades: grades.map(Number).sort((a, b) => a - b) })}
        />
        <LanguagesField
          languages={langs}
          issues={at('languages')}
          onChange={(languages) => set({ languages })}
        />
        <NumberField
          label={t('studio.editor.module.minutes')}
          value={m.estimatedMinutes}
          min={1}
          issues={at('estimatedMinutes')}
          onChange={(estimatedMinutes) => set({ estimatedMinutes })}
        />
      </section>

      <section className="editor-section" aria-labelledby="module-objectives">
        <h3 id="module-objectives">{t('studio.editor.module.objectives')}</h3>
        {exactly('objectives').length > 0 && (
          <IssueList id="module-objectives-issues" issues={exactly('objectives')} />
        )}
        <ol className="editor-list">
          {m.objectives.map((o, i) => (
            <li key={i} className="editor-list__item">
              <fieldset className="editor-fieldset">
                <legend>{t('studio.editor.module.objectiveN', { n: i + 1 })}</legend>
                <TextField
                  label={t('studio.editor.module.objectiveId')}
                  value={o.id}
                  issues={at(`objectives.${i}.id`)}
                  onChange={(id) => set({ objectives: replaceAt(m.objectives, i, { ...o, id }) })}
                />
                <LocalizedField
                  legend={t('studio.editor.module.objectiveText')}
                  value={o.text}
                  languages={langs}
                  issues={at(`objectives.${i}.text`)}
                  onChange={(text) =>
                    set({ objectives: replaceAt(m.objectives, i, { ...o, text: text ?? '' }) })
                  }
                />
              </fieldset>
              <ItemControls
                item={t('studio.editor.module.objectiveN', { n: i + 1 })}
                index={i}
                count={m.objectives.length}
                onMove={(to) => set({ objectives: moveItem(m.objectives, i, to) })}
                onRemove={() => set({ objectives: removeAt(m.objectives, i) })}
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            set({
              objectives: [
                ...m.objectives,
                {
                  id: uniqueId(
                    `objective-${m.objectives.length + 1}`,
                    m.objectives.map((o) => o.id),
                  ),
                  text: '',
                },
              ],
            })
          }
        >
          {t('studio.editor.module.addObjective')}
        </button>
      </section>

      <section className="editor-section" aria-labelledby="module-topics">
        <h3 id="module-topics">{t('studio.editor.module.topicsAndSafety')}</h3>
        <CheckboxGroup
          legend={t('studio.editor.module.topics')}
          hint={t('studio.editor.module.topicsHint')}
          options={[
            ...TOPIC_TAGS.map((tag) => {
              const def = TOPICS[tag];
              const notes: string[] = [def.description];
              if (!(def.bands as readonly string[]).includes(m.gradeBand))
                notes.push(t('studio.editor.module.topicNotForBand', { band: m.gradeBand }));
              if (def.contentWarning) notes.push(t('studio.editor.module.topicNeedsWarning'));
              if (def.trainedFacilitator) notes.push(t('studio.editor.module.topicNeedsTraining'));
              return { value: tag, label: def.label, hint: notes.join(' ') };
            }),
            ...m.topics
              .filter((tag) => !(TOPIC_TAGS as string[]).includes(tag))
              .map((tag) => ({ value: tag, label: tag, hint: t('studio.editor.module.unknownValue') })),
          ]}
          selected={m.topics}
          issues={at('topics')}
          onChange={(topics) => set({ topics })}
        />

        <fieldset className="editor-fieldset">
          <legend>{t('studio.editor.module.contentWarnings')}</legend>
          <p className="field__hint">{t('studio.editor.module.contentWarningsHint')}</p>
          {at('contentWarnings').length > 0 && (
            <IssueList id="module-warnings-issues" issues={at('contentWarnings')} />
          )}
          <ol className="editor-list">
            {m.contentWarnings.map((w, i) => (
              <li key={i} className="editor-list__item">
                <SelectField
                  label={t('studio.editor.module.warningTopic')}
                  value={w.topic}
                  options={[
                    ...((TOPIC_TAGS as string[]).includes(w.topic)
                      ? []
                      : [{ value: w.topic, label: w.topic }]),
                    ...TOPIC_TAGS.map((tag) => ({ value: tag, label: TOPICS[tag].label })),
                  ]}
                  onChange={(topic) =>
                    set({ contentWarnings: replaceAt(m.contentWarnings, i, { ...w, topic }) })
                  }
                />
                <LocalizedField
                  legend={t('studio.editor.module.warningText')}
                  value={w.text}
                  languages={langs}
                  multiline
                  onChange={(text) =>
                    set({ contentWarnings: replaceAt(m.contentWarnings, i, { ...w, text: text ?? '' }) })
                  }
                />
                <ItemControls
                  item={TOPICS[w.topic as TopicTag]?.label ?? w.topic}
                  index={i}
                  count={m.contentWarnings.length}
                  onRemove={() => set({ contentWarnings: removeAt(m.contentWarnings, i) })}
                />
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              const needed = m.topics.find(
                (tag) =>
                  (TOPIC_TAGS as string[]).includes(tag) &&
                  TOPICS[tag as TopicTag].contentWarning &&
                  !m.contentWarnings.some((w) => w.topic === tag),
              );
              set({
                contentWarnings: [
                  ...m.contentWarnings,
                  { topic: needed ?? m.topics[0] ?? TOPIC_TAGS[0]!, text: '' },
                ],
              });
            }}
          >
            {t('studio.editor.module.addWarning')}
          </button>
        </fieldset>

        <LocalizedField
          legend={t('studio.editor.module.alternativeActivity')}
          hint={t('studio.editor.module.alternativeActivityHint')}
          value={m.alternativeActivity}
          languages={langs}
          optional
          multiline
          issues={at('alternativeActivity')}
          onChange={(alternativeActivity) => {
            const { alternativeActivity: _old, ...rest } = m;
            onChange(alternativeActivity === undefined ? rest : { ...rest, alternativeActivity });
          }}
        />
        <LocalizedField
          legend={t('studio.editor.module.parentNotice')}
          hint={t('studio.editor.module.parentNoticeHint')}
          value={m.parentNotice}
          languages={langs}
          optional
          multiline
          issues={at('parentNotice')}
          onChange={(parentNotice) => {
            const { parentNotice: _old, ...rest } = m;
            onChange(parentNotice === undefined ? rest : { ...rest, parentNotice });
          }}
        />
      </section>

      <section className="editor-section" aria-labelledby="module-facilitator">
        <h3 id="module-facilitator">{t('studio.editor.module.facilitator')}</h3>
        <CheckboxGroup
          legend={t('studio.editor.module.trainings')}
          options={[
            ...Object.entries(FACILITATOR_TRAININGS).map(([value, label]) => ({ value, label })),
            ...m.facilitator.trainings
              .filter((tr) => !(tr in FACILITATOR_TRAININGS))
              .map((tr) => ({ value: tr, label: tr, hint: t('studio.editor.module.unknownValue') })),
          ]}
          selected={m.facilitator.trainings}
          issues={at('facilitator.trainings')}
          onChange={(trainings) => set({ facilitator: { ...m.facilitator, trainings } })}
        />
        <CheckboxField
          label={t('studio.editor.module.survivorCoFacilitation')}
          checked={m.facilitator.survivorCoFacilitationRecommended}
          onChange={(on) => set({ facilitator: { ...m.facilitator, survivorCoFacilitationRecommended: on } })}
        />
        <TextField
          label={t('studio.editor.module.facilitatorNotes')}
          value={m.facilitator.notes ?? ''}
          multiline
          onChange={(notes) => {
            const { notes: _old, ...rest } = m.facilitator;
            set({ facilitator: notes === '' ? rest : { ...rest, notes } });
          }}
        />
      </section>

      <section className="editor-section" aria-labelledby="module-authors">
        <h3 id="module-authors">{t('studio.editor.module.authorsAndLicence')}</h3>
        {at('authors').length > 0 && <IssueList id="module-authors-issues" issues={at('authors')} />}
        <ol className="editor-list">
          {m.authors.map((a, i) => {
            const setAuthor = (field: 'name' | 'role' | 'organisation', value: string): void => {
              const next = { ...a, [field]: value };
              if (field !== 'name' && value === '') delete next[field];
              set({ authors: replaceAt(m.authors, i, next) });
            };
            return (
              <li key={i} className="editor-list__item">
                <fieldset className="editor-fieldset">
                  <legend>{t('studio.editor.module.authorN', { n: i + 1 })}</legend>
                  <TextField
                    label={t('studio.editor.module.authorName')}
                    value={a.name}
                    onChange={(v) => setAuthor('name', v)}
                  />
                  <TextField
                    label={t('studio.editor.module.authorRole')}
                    value={a.role ?? ''}
                    onChange={(v) => setAuthor('role', v)}
                  />
                  <TextField
                    label={t('studio.editor.module.authorOrganisation')}
                    value={a.organisation ?? ''}
                    onChange={(v) => setAuthor('organisation', v)}
                  />
                </fieldset>
                <ItemControls
                  item={a.name || t('studio.editor.module.authorN', { n: i + 1 })}
                  index={i}
                  count={m.authors.length}
                  onMove={(to) => set({ authors: moveItem(m.authors, i, to) })}
                  onRemove={() => set({ authors: removeAt(m.authors, i) })}
                />
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => set({ authors: [...m.authors, { name: '' }] })}
        >
          {t('studio.editor.module.addAuthor')}
        </button>
        <SelectField
          label={t('studio.editor.module.licence')}
          value={m.licence}
          issues={at('licence')}
          options={[
            ...((LICENCES as readonly string[]).includes(m.licence)
              ? []
              : [{ value: m.licence, label: m.licence }]),
            ...LICENCES.map((l) => ({ value: l, label: l })),
          ]}
          onChange={(licence) => set({ licence })}
        />
      </section>

      <SequenceField
        sequence={m.sequence}
        issues={at('sequence')}
        onChange={(sequence) => set({ sequence })}
      />
    </div>
  );
}

function LanguagesField({
  languages,
  issues,
  onChange,
}: {
  languages: string[];
  issues: readonly EditorIssue[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  function add(): void {
    const code = draft.trim();
    const why = !LANG_PATTERN.test(code) ? 'invalid' : languages.includes(code) ? 'taken' : null;
    setProblem(why);
    if (why) return;
    onChange([...languages, code]);
    setDraft('');
  }
  return (
    <fieldset className="editor-fieldset">
      <legend>{t('studio.editor.module.languages')}</legend>
      <p className="field__hint">{t('studio.editor.module.languagesHint')}</p>
      <ol className="editor-list">
        {languages.map((lang, i) => (
          <li key={lang} className="editor-list__item editor-row">
            <span lang={lang}>
              <code>{lang}</code>
              {i === 0 && ` (${t('studio.editor.module.sourceLanguage')})`}
            </span>
            <ItemControls
              item={lang}
              index={i}
              count={languages.length}
              onMove={(to) => onChange(moveItem(languages, i, to))}
              onRemove={() => onChange(removeAt(languages, i))}
              removeDisabled={languages.length <= 1}
            />
          </li>
        ))}
      </ol>
      {issues.length > 0 && <IssueList id={`${id}-issues`} issues={issues} />}
      <div className="field">
        <label htmlFor={`${id}-new`}>{t('studio.editor.module.addLanguageCode')}</label>
        <div className="editor-inline">
          <input
            id={`${id}-new`}
            type="text"
            value={draft}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button button--secondary" onClick={add}>
            {t('studio.editor.module.addLanguage')}
          </button>
        </div>
        {problem && (
          <p className="field__error" id={`${id}-error`}>
            <span aria-hidden="true">✖ </span>
            {t(`studio.editor.module.language_${problem}`)}
          </p>
        )}
      </div>
    </fieldset>
  );
}

function SequenceField({
  sequence,
  issues,
  onChange,
}: {
  sequence: SequenceEntry[];
  issues: readonly EditorIssue[];
  onChange: (next: SequenceEntry[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<SequenceKind>('lesson');
  const [ref, setRef] = useState('');
  const kindLabel = (k: SequenceKind) => t(`studio.editor.module.kind.${k}`);
  return (
    <section className="editor-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('studio.editor.module.sequence')}</h3>
      <p className="field__hint">{t('studio.editor.module.sequenceHint')}</p>
      {issues.length > 0 && <IssueList id={`${id}-issues`} issues={issues} />}
      <ol className="editor-list sequence">
        {sequence.map((entry, i) => {
          const e = sequenceEntryKind(entry);
          const label = `${kindLabel(e.kind)} ${e.id}`;
          return (
            <li key={`${i}-${e.kind}-${e.id}`} className="editor-list__item editor-row">
              <span>
                <span className="sequence__kind">{kindLabel(e.kind)}</span> <code>{e.id}</code>
              </span>
              <ItemControls
                item={label}
                index={i}
                count={sequence.length}
                onMove={(to) => onChange(moveItem(sequence, i, to))}
                onRemove={() => onChange(removeAt(sequence, i))}
              />
            </li>
          );
        })}
      </ol>
      <fieldset className="editor-fieldset">
        <legend>{t('studio.editor.module.addStep')}</legend>
        <div className="editor-row">
          <SelectField
            label={t('studio.editor.module.stepKind')}
            value={kind}
            options={SEQUENCE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            onChange={(k) => setKind(k as SequenceKind)}
          />
          <TextField label={t('studio.editor.module.stepId')} value={ref} onChange={setRef} />
          <button
            type="button"
            className="button button--secondary"
            disabled={ref.trim() === ''}
            onClick={() => {
              onChange([...sequence, { [kind]: ref.trim() }]);
              setRef('');
            }}
          >
            {t('studio.editor.module.addStepButton')}
          </button>
        </div>
      </fieldset>
    </section>
  );
}
