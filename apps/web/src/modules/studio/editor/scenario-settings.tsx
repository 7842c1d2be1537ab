import { useTranslation } from 'react-i18next';
import type { Scenario, ScenarioVariable } from '@haven/curriculum';
import { fieldUnder, scenarioIssues, type EditorIssue } from './editor-issue';
import {
  CheckboxField,
  ItemControls,
  LocalizedField,
  NumberField,
  SelectField,
  TextField,
  IssueList,
} from './fields';
import { moveItem, removeAt, replaceAt, uniqueId } from './list-ops';

/** Scenario-level fields: title, summary, start node, variables and characters. */
export function ScenarioSettings({
  scenario,
  onChange,
  issues,
  languages,
}: {
  scenario: Scenario;
  onChange: (next: Scenario) => void;
  issues: readonly EditorIssue[];
  languages: readonly string[];
}) {
  const { t } = useTranslation();
  const own = scenarioIssues(issues, scenario.id, null);
  const shown = ['title', 'summary', 'start', 'variables', 'characters'];
  const other = own.filter(
    (i) => !shown.some((f) => i.anchor?.kind === 'scenario' && fieldUnder(i.anchor.field, f)),
  );
  const field = (f: string) => scenarioIssues(issues, scenario.id, null, f);
  const setVariable = (index: number, v: ScenarioVariable): void =>
    onChange({ ...scenario, variables: replaceAt(scenario.variables, index, v) });

  return (
    <section className="editor-section" aria-labelledby="scenario-settings-title">
      <h3 id="scenario-settings-title">{t('studio.editor.scenario.settings')}</h3>
      {other.length > 0 && <IssueList id="scenario-settings-issues" issues={other} />}
      <LocalizedField
        legend={t('studio.editor.scenario.title')}
        value={scenario.title}
        languages={languages}
        issues={field('title')}
        onChange={(title) => onChange({ ...scenario, title: title ?? '' })}
      />
      <LocalizedField
        legend={t('studio.editor.scenario.summary')}
        value={scenario.summary}
        languages={languages}
        optional
        multiline
        issues={field('summary')}
        onChange={(summary) => {
          const { summary: _old, ...rest } = scenario;
          onChange(summary === undefined ? rest : { ...rest, summary });
        }}
      />
      <SelectField
        label={t('studio.editor.scenario.start')}
        value={scenario.start}
        issues={field('start')}
        options={[
          ...(scenario.nodes.some((n) => n.id === scenario.start)
            ? []
            : [
                {
                  value: scenario.start,
                  label: t('studio.editor.scenario.missingNode', { id: scenario.start }),
                },
              ]),
          ...scenario.nodes.map((n) => ({ value: n.id, label: n.id })),
        ]}
        onChange={(start) => onChange({ ...scenario, start })}
      />

      <fieldset className="editor-fieldset">
        <legend>{t('studio.editor.scenario.variables')}</legend>
        <p className="field__hint">{t('studio.editor.scenario.variablesHint')}</p>
        {field('variables').length > 0 && (
          <IssueList id="scenario-variables-issues" issues={field('variables')} />
        )}
        <ol className="editor-list">
          {scenario.variables.map((v, i) => (
            <li key={i} className="editor-list__item editor-row">
              <TextField
                label={t('studio.editor.scenario.variableId')}
                value={v.id}
                onChange={(id) => setVariable(i, { ...v, id })}
              />
              <SelectField
                label={t('studio.editor.scenario.variableType')}
                value={v.type}
                options={[
                  { value: 'boolean', label: t('studio.editor.scenario.typeBoolean') },
                  { value: 'number', label: t('studio.editor.scenario.typeNumber') },
                ]}
                onChange={(type) =>
                  setVariable(
                    i,
                    type === 'number'
                      ? { id: v.id, type: 'number', initial: 0 }
                      : { id: v.id, type: 'boolean', initial: false },
                  )
                }
              />
              {v.type === 'boolean' ? (
                <CheckboxField
                  label={t('studio.editor.scenario.initialTrue')}
                  checked={v.initial}
                  onChange={(initial) => setVariable(i, { ...v, initial })}
                />
              ) : (
                <NumberField
                  label={t('studio.editor.scenario.initial')}
                  value={v.initial}
                  min={-1000}
                  onChange={(initial) => setVariable(i, { ...v, initial })}
                />
              )}
              <ItemControls
                item={v.id || t('studio.editor.scenario.variableN', { n: i + 1 })}
                index={i}
                count={scenario.variables.length}
                onRemove={() => onChange({ ...scenario, variables: removeAt(scenario.variables, i) })}
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            onChange({
              ...scenario,
              variables: [
                ...scenario.variables,
                {
                  id: uniqueId(
                    'flag',
                    scenario.variables.map((v) => v.id),
                  ).replace(/-/g, '_'),
                  type: 'boolean',
                  initial: false,
                },
              ],
            })
          }
        >
          {t('studio.editor.scenario.addVariable')}
        </button>
      </fieldset>

      <fieldset className="editor-fieldset">
        <legend>{t('studio.editor.scenario.characters')}</legend>
        {field('characters').length > 0 && (
          <IssueList id="scenario-characters-issues" issues={field('characters')} />
        )}
        <ol className="editor-list">
          {scenario.characters.map((c, i) => (
            <li key={i} className="editor-list__item">
              <TextField
                label={t('studio.editor.scenario.characterId')}
                value={c.id}
                onChange={(id) =>
                  onChange({ ...scenario, characters: replaceAt(scenario.characters, i, { ...c, id }) })
                }
              />
              <LocalizedField
                legend={t('studio.editor.scenario.characterName')}
                value={c.name}
                languages={languages}
                onChange={(name) =>
                  onChange({
                    ...scenario,
                    characters: replaceAt(scenario.characters, i, { ...c, name: name ?? '' }),
                  })
                }
              />
              <ItemControls
                item={c.id || t('studio.editor.scenario.characterN', { n: i + 1 })}
                index={i}
                count={scenario.characters.length}
                onMove={(to) => onChange({ ...scenario, characters: moveItem(scenario.characters, i, to) })}
                onRemove={() => onChange({ ...scenario, characters: removeAt(scenario.characters, i) })}
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            onChange({
              ...scenario,
              characters: [
                ...scenario.characters,
                {
                  id: uniqueId(
                    'character',
                    scenario.characters.map((c) => c.id),
                  ),
                  name: '',
                },
              ],
            })
          }
        >
          {t('studio.editor.scenario.addCharacter')}
        </button>
      </fieldset>
    </section>
  );
}
