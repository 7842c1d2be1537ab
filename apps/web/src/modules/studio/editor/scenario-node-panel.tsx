import { useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario, ScenarioChoice, ScenarioNode } from '@haven/curriculum';
import { CHOICE_TAGS, ENDING_OUTCOMES, type EndingOutcome } from '@haven/curriculum/vocabulary';
import { fieldUnder, scenarioIssues, type EditorIssue } from './editor-issue';
import {
  CheckboxField,
  CheckboxGroup,
  IssueList,
  ItemControls,
  LocalizedField,
  NumberField,
  SelectField,
  TextField,
  describedBy,
} from './fields';
import { moveItem, removeAt, replaceAt } from './list-ops';
import {
  connectNodes,
  effectsOf,
  renameNode,
  removeNode,
  renameProblem,
  updateNode,
  withEffects,
  type Effect,
} from './scenario-ops';

const NARRATOR = 'narrator';

/** Edits the selected node: every field of it, its ending and its choices. Fully keyboard operable. */
export function ScenarioNodePanel({
  scenario,
  node,
  onChange,
  onSelect,
  issues,
  languages,
  headingRef,
}: {
  scenario: Scenario;
  node: ScenarioNode;
  onChange: (next: Scenario) => void;
  /** Called when the node's id changes, so the selection follows it. */
  onSelect: (id: string) => void;
  issues: readonly EditorIssue[];
  languages: readonly string[];
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const nodeIssues = scenarioIssues(issues, scenario.id, node.id);
  const fieldIssues = (f: string) =>
    nodeIssues.filter((i) => i.anchor?.kind === 'scenario' && fieldUnder(i.anchor.field, f));
  const general = nodeIssues.filter(
    (i) =>
      i.anchor?.kind !== 'scenario' ||
      !['text', 'speaker', 'tags', 'ending', 'choices'].some((f) =>
        fieldUnder(i.anchor?.kind === 'scenario' ? i.anchor.field : undefined, f),
      ),
  );
  const set = (update: (n: ScenarioNode) => ScenarioNode): void =>
    onChange(updateNode(scenario, node.id, update));
  const setChoice = (index: number, choice: ScenarioChoice): void =>
    set((n) => ({ ...n, choices: replaceAt(n.choices, index, choice) }));
  const speakers = [NARRATOR, ...scenario.characters.map((c) => c.id)];
  if (!speakers.includes(node.speaker)) speakers.push(node.speaker);
  const nodeOptions = (current: string) => [
    ...(scenario.nodes.some((n) => n.id === current)
      ? []
      : [{ value: current, label: t('studio.editor.scenario.missingNode', { id: current }) }]),
    ...scenario.nodes.map((n) => ({ value: n.id, label: n.id })),
  ];
  const isStart = node.id === scenario.start;
  const deleteHintId = useId();

  return (
    <section className="scenario-panel" aria-labelledby="scenario-panel-title">
      <h3 id="scenario-panel-title" tabIndex={-1} ref={headingRef}>
        {t('studio.editor.scenario.nodeHeading', { id: node.id })}
      </h3>
      {general.length > 0 && <IssueList id="scenario-node-issues" issues={general} />}
      <RenameNode
        key={node.id}
        scenario={scenario}
        id={node.id}
        onRename={(to) => {
          onChange(renameNode(scenario, node.id, to));
          onSelect(to);
        }}
      />
      <SelectField
        label={t('studio.editor.scenario.speaker')}
        value={node.speaker}
        issues={fieldIssues('speaker')}
        options={speakers.map((s) => ({
          value: s,
          label: s === NARRATOR ? t('studio.editor.scenario.narrator') : s,
        }))}
        onChange={(speaker) => set((n) => ({ ...n, speaker }))}
      />
      <LocalizedField
        legend={t('studio.editor.scenario.text')}
        value={node.text}
        languages={languages}
        multiline
        issues={fieldIssues('text')}
        onChange={(text) => set((n) => ({ ...n, text: text ?? '' }))}
      />
      <CheckboxGroup
        legend={t('studio.editor.scenario.nodeTags')}
        options={CHOICE_TAGS.map((tag) => ({ value: tag, label: t(`studio.editor.tag.${tag}`) }))}
        selected={node.tags}
        issues={fieldIssues('tags')}
        onChange={(tags) => set((n) => ({ ...n, tags: tags as ScenarioNode['tags'] }))}
      />

      <fieldset className="editor-fieldset">
        <legend>{t('studio.editor.scenario.ending')}</legend>
        <CheckboxField
          label={t('studio.editor.scenario.isEnding')}
          hint={t('studio.editor.scenario.isEndingHint')}
          checked={node.ending !== undefined}
          onChange={(on) =>
            set((n) => {
              const { ending: _e, ...rest } = n;
              return on ? { ...rest, ending: { outcome: 'protective', debrief: '' } } : rest;
            })
          }
        />
        {node.ending && (
          <>
            <SelectField
              label={t('studio.editor.scenario.outcome')}
              value={node.ending.outcome}
              options={ENDING_OUTCOMES.map((o) => ({ value: o, label: t(`studio.editor.outcome.${o}`) }))}
              onChange={(outcome) =>
                set((n) => ({
                  ...n,
                  ending: { debrief: '', ...n.ending, outcome: outcome as EndingOutcome },
                }))
              }
            />
            <LocalizedField
              legend={t('studio.editor.scenario.debrief')}
              value={node.ending.debrief}
              languages={languages}
              multiline
              onChange={(debrief) =>
                set((n) => ({ ...n, ending: { outcome: 'protective', ...n.ending, debrief: debrief ?? '' } }))
              }
            />
          </>
        )}
        {fieldIssues('ending').length > 0 && (
          <IssueList id="scenario-ending-issues" issues={fieldIssues('ending')} />
        )}
      </fieldset>

      <section className="editor-subsection" aria-labelledby="scenario-choices-title">
        <h4 id="scenario-choices-title">{t('studio.editor.scenario.choices')}</h4>
        {node.choices.length === 0 && !node.ending && (
          <p className="note">{t('studio.editor.scenario.noChoices')}</p>
        )}
        <ol className="editor-list">
          {node.choices.map((choice, i) => (
            <li key={i} className="editor-list__item">
              <ChoiceEditor
                scenario={scenario}
                choice={choice}
                index={i}
                languages={languages}
                nodeOptions={nodeOptions(choice.next)}
                issues={fieldIssues(`choices.${i}`)}
                onChange={(c) => setChoice(i, c)}
              />
              <ItemControls
                item={choice.id}
                index={i}
                count={node.choices.length}
                onMove={(to) => set((n) => ({ ...n, choices: moveItem(n.choices, i, to) }))}
                onRemove={() => set((n) => ({ ...n, choices: removeAt(n.choices, i) }))}
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            onChange(
              connectNodes(scenario, node.id, scenario.nodes.find((n) => n.id !== node.id)?.id ?? node.id),
            )
          }
        >
          {t('studio.editor.scenario.addChoice')}
        </button>
      </section>

      <div className="editor-danger">
        <button
          type="button"
          className="button button--quiet"
          disabled={isStart || scenario.nodes.length <= 1}
          aria-describedby={isStart ? deleteHintId : undefined}
          onClick={() => onChange(removeNode(scenario, node.id))}
        >
          {t('studio.editor.scenario.deleteNode', { id: node.id })}
        </button>
        {isStart && (
          <p className="field__hint" id={deleteHintId}>
            {t('studio.editor.scenario.deleteStartHint')}
          </p>
        )}
      </div>
    </section>
  );
}

/** The node id, renamed on demand (not on every keystroke) so references follow one complete new id. */
function RenameNode({
  scenario,
  id,
  onRename,
}: {
  scenario: Scenario;
  id: string;
  onRename: (to: string) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(id);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  function submit(): void {
    const to = draft.trim();
    const why = renameProblem(scenario, id, to);
    setProblem(why);
    if (!why && to !== id) onRename(to);
  }
  return (
    // Not a <form>: the editor may sit inside a page's own form, and forms cannot nest.
    <div className="field editor-rename">
      <label htmlFor={inputId}>{t('studio.editor.scenario.nodeId')}</label>
      <p className="field__hint" id={hintId}>
        {t('studio.editor.scenario.nodeIdHint')}
      </p>
      <div className="editor-inline">
        <input
          id={inputId}
          type="text"
          value={draft}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy(hintId, problem ? errorId : undefined)}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submit();
            }
          }}
        />
        <button type="button" className="button button--secondary" onClick={submit}>
          {t('studio.editor.scenario.rename')}
        </button>
      </div>
      {problem && (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true">✖ </span>
          {t(`studio.editor.scenario.rename_${problem}`)}
        </p>
      )}
    </div>
  );
}

function ChoiceEditor({
  scenario,
  choice,
  index,
  languages,
  nodeOptions,
  issues,
  onChange,
}: {
  scenario: Scenario;
  choice: ScenarioChoice;
  index: number;
  languages: readonly string[];
  nodeOptions: { value: string; label: string }[];
  issues: readonly EditorIssue[];
  onChange: (next: ScenarioChoice) => void;
}) {
  const { t } = useTranslation();
  const under = (f: string) =>
    issues.filter(
      (i) => i.anchor?.kind === 'scenario' && fieldUnder(i.anchor.field, `choices.${index}.${f}`),
    );
  const rest = issues.filter(
    (i) =>
      !['text', 'next', 'feedback', 'if', 'set', 'add'].some(
        (f) => i.anchor?.kind === 'scenario' && fieldUnder(i.anchor.field, `choices.${index}.${f}`),
      ),
  );
  const effects = effectsOf(choice);
  const setEffects = (next: Effect[]): void => onChange(withEffects(choice, next));
  return (
    <fieldset className="editor-fieldset scenario-choice">
      <legend>{t('studio.editor.scenario.choiceN', { n: index + 1, id: choice.id })}</legend>
      {rest.length > 0 && <IssueList id={`choice-${index}-issues`} issues={rest} />}
      <TextField
        label={t('studio.editor.scenario.choiceId')}
        value={choice.id}
        onChange={(id) => onChange({ ...choice, id })}
      />
      <LocalizedField
        legend={t('studio.editor.scenario.choiceText')}
        value={choice.text}
        languages={languages}
        issues={under('text')}
        onChange={(text) => onChange({ ...choice, text: text ?? '' })}
      />
      <SelectField
        label={t('studio.editor.scenario.next')}
        value={choice.next}
        options={nodeOptions}
        issues={under('next')}
        onChange={(next) => onChange({ ...choice, next })}
      />
      <LocalizedField
        legend={t('studio.editor.scenario.feedback')}
        value={choice.feedback}
        languages={languages}
        multiline
        issues={under('feedback')}
        onChange={(feedback) => onChange({ ...choice, feedback: feedback ?? '' })}
      />
      <CheckboxGroup
        legend={t('studio.editor.scenario.choiceTags')}
        options={CHOICE_TAGS.map((tag) => ({ value: tag, label: t(`studio.editor.tag.${tag}`) }))}
        selected={choice.tags}
        onChange={(tags) => onChange({ ...choice, tags: tags as ScenarioChoice['tags'] })}
      />
      <TextField
        label={t('studio.editor.scenario.condition')}
        hint={t('studio.editor.scenario.conditionHint')}
        value={choice.if ?? ''}
        issues={under('if')}
        onChange={(cond) => {
          const { if: _if, ...others } = choice;
          onChange(cond.trim() === '' ? others : { ...others, if: cond });
        }}
      />
      <EffectsEditor
        scenario={scenario}
        effects={effects}
        issues={[...under('set'), ...under('add')]}
        onChange={setEffects}
      />
    </fieldset>
  );
}

function EffectsEditor({
  scenario,
  effects,
  issues,
  onChange,
}: {
  scenario: Scenario;
  effects: Effect[];
  issues: readonly EditorIssue[];
  onChange: (next: Effect[]) => void;
}) {
  const { t } = useTranslation();
  const issuesId = useId();
  const typeOf = (variable: string) => scenario.variables.find((v) => v.id === variable)?.type ?? 'number';
  const fresh = (variable: string, op: Effect['op']): Effect => ({
    variable,
    op,
    value: op === 'set' && typeOf(variable) === 'boolean' ? true : op === 'add' ? 1 : 0,
  });
  const variableOptions = (current: string) => [
    ...(scenario.variables.some((v) => v.id === current) ? [] : [{ value: current, label: current }]),
    ...scenario.variables.map((v) => ({ value: v.id, label: v.id })),
  ];
  return (
    <fieldset className="editor-fieldset">
      <legend>{t('studio.editor.scenario.effects')}</legend>
      {scenario.variables.length === 0 && <p className="note">{t('studio.editor.scenario.noVariables')}</p>}
      <ol className="editor-list">
        {effects.map((e, i) => (
          <li key={i} className="editor-list__item editor-row">
            <SelectField
              label={t('studio.editor.scenario.effectVariable')}
              value={e.variable}
              options={variableOptions(e.variable)}
              onChange={(variable) => onChange(replaceAt(effects, i, fresh(variable, e.op)))}
            />
            <SelectField
              label={t('studio.editor.scenario.effectOp')}
              value={e.op}
              options={[
                { value: 'set', label: t('studio.editor.scenario.opSet') },
                { value: 'add', label: t('studio.editor.scenario.opAdd') },
              ]}
              onChange={(op) => onChange(replaceAt(effects, i, fresh(e.variable, op as Effect['op'])))}
            />
            {e.op === 'set' && typeOf(e.variable) === 'boolean' ? (
              <SelectField
                label={t('studio.editor.scenario.effectValue')}
                value={String(e.value)}
                options={[
                  { value: 'true', label: t('studio.editor.true') },
                  { value: 'false', label: t('studio.editor.false') },
                ]}
                onChange={(v) => onChange(replaceAt(effects, i, { ...e, value: v === 'true' }))}
              />
            ) : (
              <NumberField
                label={t('studio.editor.scenario.effectValue')}
                value={typeof e.value === 'number' ? e.value : Number(e.value) || 0}
                min={-1000}
                onChange={(value) => onChange(replaceAt(effects, i, { ...e, value }))}
              />
            )}
            <ItemControls
              item={e.variable}
              index={i}
              count={effects.length}
              onRemove={() => onChange(removeAt(effects, i))}
            />
          </li>
        ))}
      </ol>
      {issues.length > 0 && <IssueList id={`${issuesId}-issues`} issues={issues} />}
      <button
        type="button"
        className="button button--secondary"
        disabled={scenario.variables.length === 0}
        onClick={() => {
          const unused = scenario.variables.find((v) => !effects.some((e) => e.variable === v.id));
          const variable = (unused ?? scenario.variables[0])!.id;
          onChange([...effects, fresh(variable, 'set')]);
        }}
      >
        {t('studio.editor.scenario.addEffect')}
      </button>
    </fieldset>
  );
}
