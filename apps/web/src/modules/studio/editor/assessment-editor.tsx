import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, AssessmentItem } from '@haven/curriculum';
import { CONSTRUCTS, LIKERT_SCALE_IDS, type Construct, type LikertScale } from '@haven/curriculum/vocabulary';
import { assessmentIssues, fieldUnder, type EditorIssue } from './editor-issue';
import { CheckboxField, IssueList, ItemControls, LocalizedField, SelectField, TextField } from './fields';
import { moveItem, removeAt, replaceAt, uniqueId } from './list-ops';

type ItemType = AssessmentItem['type'];
const ITEM_TYPES: readonly ItemType[] = ['multiple-choice', 'true-false', 'likert'];
const KINDS: readonly Assessment['kind'][] = ['pre', 'post', 'check'];

/** The item as another type, keeping what all types share (id, construct, prompt, sensitive). */
export function convertItem(item: AssessmentItem, type: ItemType): AssessmentItem {
  if (item.type === type) return item;
  const base = { id: item.id, construct: item.construct, prompt: item.prompt, sensitive: item.sensitive };
  switch (type) {
    case 'multiple-choice':
      return {
        ...base,
        type,
        options: [
          { id: 'option-1', text: '' },
          { id: 'option-2', text: '' },
        ],
      };
    case 'true-false':
      return { ...base, type };
    case 'likert':
      return { ...base, type, scale: 'agree-5', reverse: false };
  }
}

/** A pre-test, post-test or check: its settings and its items of the three types. */
export function AssessmentEditor({
  assessment,
  onChange,
  issues,
  languages,
}: {
  assessment: Assessment;
  onChange: (next: Assessment) => void;
  issues: readonly EditorIssue[];
  languages: readonly string[];
}) {
  const { t } = useTranslation();
  const [newType, setNewType] = useState<ItemType>('multiple-choice');
  const a = assessment;
  const own = (field: string) => assessmentIssues(issues, a.id, null, field);
  const general = assessmentIssues(issues, a.id, null).filter(
    (i) => i.anchor?.kind === 'assessment' && (i.anchor.field === undefined || i.anchor.field === 'items'),
  );
  const setItem = (index: number, item: AssessmentItem): void =>
    onChange({ ...a, items: replaceAt(a.items, index, item) });
  const typeLabel = (type: ItemType) => t(`studio.editor.assessment.type.${type}`);

  return (
    <div className="assessment-editor">
      <section className="editor-section" aria-labelledby="assessment-settings">
        <h3 id="assessment-settings">{t('studio.editor.assessment.heading', { id: a.id })}</h3>
        {general.length > 0 && <IssueList id="assessment-issues" issues={general} />}
        <SelectField
          label={t('studio.editor.assessment.kind')}
          value={a.kind}
          issues={own('kind')}
          options={KINDS.map((k) => ({ value: k, label: t(`studio.editor.assessment.kinds.${k}`) }))}
          onChange={(kind) => onChange({ ...a, kind: kind as Assessment['kind'] })}
        />
        <LocalizedField
          legend={t('studio.editor.assessment.title')}
          value={a.title}
          languages={languages}
          issues={own('title')}
          onChange={(title) => onChange({ ...a, title: title ?? '' })}
        />
        <LocalizedField
          legend={t('studio.editor.assessment.instructions')}
          value={a.instructions}
          languages={languages}
          optional
          multiline
          issues={own('instructions')}
          onChange={(instructions) => {
            const { instructions: _old, ...rest } = a;
            onChange(instructions === undefined ? rest : { ...rest, instructions });
          }}
        />
        <TextField
          label={t('studio.editor.assessment.include')}
          hint={t('studio.editor.assessment.includeHint')}
          value={a.include ?? ''}
          issues={own('include')}
          onChange={(include) => {
            const { include: _old, ...rest } = a;
            onChange(include.trim() === '' ? rest : { ...rest, include: include.trim() });
          }}
        />
      </section>

      <section className="editor-section" aria-labelledby="assessment-items">
        <h3 id="assessment-items">{t('studio.editor.assessment.items')}</h3>
        {a.items.length === 0 && <p className="note">{t('studio.editor.assessment.noItems')}</p>}
        <ol className="editor-list">
          {a.items.map((item, i) => (
            <li key={i} className="editor-list__item">
              <ItemEditor
                item={item}
                index={i}
                languages={languages}
                issues={assessmentIssues(issues, a.id, item.id)}
                onChange={(next) => setItem(i, next)}
              />
              <ItemControls
                item={t('studio.editor.assessment.itemN', { n: i + 1, id: item.id })}
                index={i}
                count={a.items.length}
                onMove={(to) => onChange({ ...a, items: moveItem(a.items, i, to) })}
                onRemove={() => onChange({ ...a, items: removeAt(a.items, i) })}
              />
            </li>
          ))}
        </ol>
        <div className="editor-inline editor-add">
          <SelectField
            label={t('studio.editor.assessment.newItemType')}
            value={newType}
            options={ITEM_TYPES.map((type) => ({ value: type, label: typeLabel(type) }))}
            onChange={(type) => setNewType(type as ItemType)}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              const id = uniqueId(
                `q${a.items.length + 1}`,
                a.items.map((it) => it.id),
              );
              const blank: AssessmentItem = {
                id,
                type: 'true-false',
                construct: 'knowledge',
                prompt: '',
                sensitive: false,
              };
              onChange({ ...a, items: [...a.items, convertItem(blank, newType)] });
            }}
          >
            {t('studio.editor.assessment.addItem')}
          </button>
        </div>
      </section>
    </div>
  );
}

function ItemEditor({
  item,
  index,
  languages,
  issues,
  onChange,
}: {
  item: AssessmentItem;
  index: number;
  languages: readonly string[];
  issues: readonly EditorIssue[];
  onChange: (next: AssessmentItem) => void;
}) {
  const { t } = useTranslation();
  const under = (field: string) =>
    issues.filter((i) => i.anchor?.kind === 'assessment' && fieldUnder(i.anchor.field, field));
  const general = issues.filter((i) => i.anchor?.kind === 'assessment' && i.anchor.field === undefined);
  return (
    <fieldset className="editor-fieldset">
      <legend>{t('studio.editor.assessment.itemN', { n: index + 1, id: item.id })}</legend>
      {general.length > 0 && <IssueList id={`item-${index}-issues`} issues={general} />}
      <TextField
        label={t('studio.editor.assessment.itemId')}
        value={item.id}
        onChange={(id) => onChange({ ...item, id })}
      />
      <SelectField
        label={t('studio.editor.assessment.itemType')}
        value={item.type}
        options={ITEM_TYPES.map((type) => ({
          value: type,
          label: t(`studio.editor.assessment.type.${type}`),
        }))}
        onChange={(type) => onChange(convertItem(item, type as ItemType))}
      />
      <SelectField
        label={t('studio.editor.assessment.construct')}
        value={item.construct}
        options={CONSTRUCTS.map((c) => ({ value: c, label: t(`studio.editor.assessment.constructs.${c}`) }))}
        onChange={(construct) => onChange({ ...item, construct: construct as Construct })}
      />
      <LocalizedField
        legend={t('studio.editor.assessment.prompt')}
        value={item.prompt}
        languages={languages}
        multiline
        issues={under('prompt')}
        onChange={(prompt) => onChange({ ...item, prompt: prompt ?? '' })}
      />
      <CheckboxField
        label={t('studio.editor.assessment.sensitive')}
        hint={t('studio.editor.assessment.sensitiveHint')}
        checked={item.sensitive}
        onChange={(sensitive) => onChange({ ...item, sensitive })}
      />
      {item.type === 'multiple-choice' && (
        <fieldset className="editor-fieldset">
          <legend>{t('studio.editor.assessment.options')}</legend>
          {under('options').length > 0 && (
            <IssueList id={`item-${index}-options-issues`} issues={under('options')} />
          )}
          <ol className="editor-list">
            {item.options.map((o, j) => (
              <li key={j} className="editor-list__item">
                <TextField
                  label={t('studio.editor.assessment.optionId', { n: j + 1 })}
                  value={o.id}
                  onChange={(id) =>
                    onChange({
                      ...item,
                      options: replaceAt(item.options, j, { ...o, id }),
                      ...(item.answer === o.id ? { answer: id } : {}),
                    })
                  }
                />
                <LocalizedField
                  legend={t('studio.editor.assessment.optionText', { n: j + 1 })}
                  value={o.text}
                  languages={languages}
                  onChange={(text) =>
                    onChange({ ...item, options: replaceAt(item.options, j, { ...o, text: text ?? '' }) })
                  }
                />
                <ItemControls
                  item={t('studio.editor.assessment.optionN', { n: j + 1, id: o.id })}
                  index={j}
                  count={item.options.length}
                  removeDisabled={item.options.length <= 2}
                  onMove={(to) => onChange({ ...item, options: moveItem(item.options, j, to) })}
                  onRemove={() => {
                    const { answer, ...rest } = item;
                    onChange({
                      ...rest,
                      options: removeAt(item.options, j),
                      ...(answer !== undefined && answer !== o.id ? { answer } : {}),
                    });
                  }}
                />
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              onChange({
                ...item,
                options: [
                  ...item.options,
                  {
                    id: uniqueId(
                      `option-${item.options.length + 1}`,
                      item.options.map((o) => o.id),
                    ),
                    text: '',
                  },
                ],
              })
            }
          >
            {t('studio.editor.assessment.addOption')}
          </button>
          <SelectField
            label={t('studio.editor.assessment.answer')}
            value={item.answer ?? ''}
            issues={under('answer')}
            options={[
              { value: '', label: t('studio.editor.assessment.noAnswer') },
              ...item.options.map((o) => ({ value: o.id, label: o.id })),
            ]}
            onChange={(answer) => {
              const { answer: _old, ...rest } = item;
              onChange(answer === '' ? rest : { ...rest, answer });
            }}
          />
        </fieldset>
      )}
      {item.type === 'true-false' && (
        <SelectField
          label={t('studio.editor.assessment.answer')}
          value={item.answer === undefined ? '' : String(item.answer)}
          issues={under('answer')}
          options={[
            { value: '', label: t('studio.editor.assessment.noAnswer') },
            { value: 'true', label: t('studio.editor.true') },
            { value: 'false', label: t('studio.editor.false') },
          ]}
          onChange={(answer) => {
            const { answer: _old, ...rest } = item;
            onChange(answer === '' ? rest : { ...rest, answer: answer === 'true' });
          }}
        />
      )}
      {item.type === 'likert' && (
        <>
          <SelectField
            label={t('studio.editor.assessment.scale')}
            value={item.scale}
            issues={under('scale')}
            options={LIKERT_SCALE_IDS.map((s) => ({
              value: s,
              label: t(`studio.editor.assessment.scales.${s}`),
            }))}
            onChange={(scale) => onChange({ ...item, scale: scale as LikertScale })}
          />
          <CheckboxField
            label={t('studio.editor.assessment.reverse')}
            hint={t('studio.editor.assessment.reverseHint')}
            checked={item.reverse}
            onChange={(reverse) => onChange({ ...item, reverse })}
          />
        </>
      )}
    </fieldset>
  );
}
