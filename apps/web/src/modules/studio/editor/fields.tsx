import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Localized } from '@haven/curriculum';
import { hasErrors, type EditorIssue } from './editor-issue';
import { languageLabel, textIn, withOptionalText, withText } from './localized-text';

/** Ids joined for `aria-describedby`, or undefined when there are none. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

/** Validation issues under a field: an icon and the word "Error"/"Warning", never colour alone. */
export function IssueList({ id, issues }: { id: string; issues: readonly EditorIssue[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="editor-issues">
      {issues.map((issue, i) => (
        <li key={`${issue.code}-${i}`} className={`editor-issue editor-issue--${issue.severity}`}>
          <span className="editor-issue__icon" aria-hidden="true">
            {issue.severity === 'error' ? '✖' : '⚠'}
          </span>{' '}
          <strong>{t(`studio.editor.issue.${issue.severity}`)}:</strong> {issue.message}
          {issue.hint && <span className="editor-issue__hint"> {issue.hint}</span>}
        </li>
      ))}
    </ul>
  );
}

interface FieldBase {
  label: string;
  hint?: string;
  issues?: readonly EditorIssue[];
  /** Language of the text typed in the field. */
  lang?: string;
  className?: string;
}

/** A labelled text input or textarea, with its hint and issues tied by `aria-describedby`. */
export function TextField({
  label,
  hint,
  issues = [],
  lang,
  className,
  value,
  onChange,
  multiline = false,
  rows = 3,
  readOnly = false,
  placeholder,
  extraDescribedBy,
}: FieldBase & {
  value: string;
  onChange?: (next: string) => void;
  multiline?: boolean;
  rows?: number;
  readOnly?: boolean;
  placeholder?: string;
  /** Id of another element that describes the field (e.g. a stale-translation mark). */
  extraDescribedBy?: string;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const issuesId = issues.length > 0 ? `${id}-issues` : undefined;
  const common = {
    id,
    value,
    lang,
    readOnly,
    placeholder,
    'aria-describedby': describedBy(extraDescribedBy, hintId, issuesId),
    'aria-invalid': hasErrors(issues) || undefined,
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange?.(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange?.(e.target.value)} />
      )}
      {issuesId && <IssueList id={issuesId} issues={issues} />}
    </div>
  );
}

/** A labelled whole-number input. An empty box reads as `min`. */
export function NumberField({
  label,
  hint,
  issues = [],
  value,
  onChange,
  min = 0,
  step = 1,
}: FieldBase & { value: number; onChange: (next: number) => void; min?: number; step?: number }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const issuesId = issues.length > 0 ? `${id}-issues` : undefined;
  return (
    <div className="field field--narrow">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        step={step}
        value={Number.isFinite(value) ? value : ''}
        aria-describedby={describedBy(hintId, issuesId)}
        aria-invalid={hasErrors(issues) || undefined}
        onChange={(e) => {
          const n = e.target.value === '' ? min : Number(e.target.value);
          if (Number.isFinite(n)) onChange(n);
        }}
      />
      {issuesId && <IssueList id={issuesId} issues={issues} />}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A labelled select. */
export function SelectField({
  label,
  hint,
  issues = [],
  value,
  options,
  onChange,
  className,
}: FieldBase & { value: string; options: readonly Option[]; onChange: (next: string) => void }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const issuesId = issues.length > 0 ? `${id}-issues` : undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <select
        id={id}
        value={value}
        aria-describedby={describedBy(hintId, issuesId)}
        aria-invalid={hasErrors(issues) || undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {issuesId && <IssueList id={issuesId} issues={issues} />}
    </div>
  );
}

/** A checkbox with its label beside it. */
export function CheckboxField({
  label,
  hint,
  checked,
  onChange,
}: {
  label: ReactNode;
  hint?: string;
  checked: boolean;
  onChange: (next: boolean) => void;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="check editor-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>
        {label}
        {hint && (
          <span className="field__hint editor-check__hint" id={hintId}>
            {hint}
          </span>
        )}
      </label>
    </div>
  );
}

/** A group of checkboxes that edits a list of values, in a fieldset with a legend. */
export function CheckboxGroup({
  legend,
  options,
  selected,
  onChange,
  issues = [],
  hint,
}: {
  legend: string;
  options: readonly (Option & { hint?: string })[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  issues?: readonly EditorIssue[];
  hint?: string;
}) {
  const id = useId();
  const issuesId = issues.length > 0 ? `${id}-issues` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const order = options.map((o) => o.value);
  function toggle(value: string, on: boolean): void {
    const set = new Set(selected);
    if (on) set.add(value);
    else set.delete(value);
    // Keep the vocabulary's order, then any values it does not know, as they were.
    const known = order.filter((v) => set.has(v));
    const unknown = selected.filter((v) => !order.includes(v) && set.has(v));
    onChange([...known, ...unknown]);
  }
  return (
    <fieldset className="editor-fieldset" aria-describedby={describedBy(hintId, issuesId)}>
      <legend>{legend}</legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="editor-checks">
        {options.map((o) => (
          <CheckboxField
            key={o.value}
            label={o.label}
            hint={o.hint}
            checked={selected.includes(o.value)}
            onChange={(on) => toggle(o.value, on)}
          />
        ))}
      </div>
      {issuesId && <IssueList id={issuesId} issues={issues} />}
    </fieldset>
  );
}

/**
 * One text box per language for a learner-facing text, in a fieldset named by `legend`. With a single
 * language the fieldset is dropped and the box carries the legend as its label.
 */
export function LocalizedField({
  legend,
  value,
  languages,
  onChange,
  optional = false,
  multiline = false,
  issues = [],
  hint,
}: {
  legend: string;
  value: Localized | undefined;
  languages: readonly string[];
  onChange: (next: Localized | undefined) => void;
  optional?: boolean;
  multiline?: boolean;
  issues?: readonly EditorIssue[];
  hint?: string;
}) {
  const { i18n } = useTranslation();
  const id = useId();
  const source = languages[0] ?? 'en';
  const set = (lang: string, text: string): void =>
    onChange(optional ? withOptionalText(value, lang, source, text) : withText(value, lang, source, text));
  if (languages.length <= 1) {
    return (
      <TextField
        label={legend}
        hint={hint}
        value={textIn(value, source, source)}
        lang={source}
        multiline={multiline}
        issues={issues}
        onChange={(text) => set(source, text)}
      />
    );
  }
  const issuesId = issues.length > 0 ? `${id}-issues` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <fieldset className="editor-fieldset editor-localized" aria-describedby={describedBy(hintId, issuesId)}>
      <legend>{legend}</legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {languages.map((lang) => (
        <TextField
          key={lang}
          label={languageLabel(lang, i18n.language)}
          value={textIn(value, lang, source)}
          lang={lang}
          multiline={multiline}
          onChange={(text) => set(lang, text)}
        />
      ))}
      {issuesId && <IssueList id={issuesId} issues={issues} />}
    </fieldset>
  );
}

/** Move up, move down and remove buttons for one item of an ordered list; `item` names it for screen readers. */
export function ItemControls({
  item,
  index,
  count,
  onMove,
  onRemove,
  removeDisabled = false,
}: {
  item: string;
  index: number;
  count: number;
  onMove?: (to: number) => void;
  onRemove: () => void;
  removeDisabled?: boolean;
}) {
  const { t } = useTranslation();
  // The accessible name starts with the visible text (WCAG 2.5.3) and names the item.
  return (
    <div className="editor-item-controls">
      {onMove && (
        <>
          <button
            type="button"
            className="button button--quiet"
            disabled={index === 0}
            aria-label={t('studio.editor.moveUpItem', { item })}
            onClick={() => onMove(index - 1)}
          >
            <span aria-hidden="true">↑ </span>
            {t('studio.editor.moveUp')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={index >= count - 1}
            aria-label={t('studio.editor.moveDownItem', { item })}
            onClick={() => onMove(index + 1)}
          >
            <span aria-hidden="true">↓ </span>
            {t('studio.editor.moveDown')}
          </button>
        </>
      )}
      <button
        type="button"
        className="button button--quiet"
        disabled={removeDisabled}
        aria-label={t('studio.editor.removeItem', { item })}
        onClick={onRemove}
      >
        {t('studio.editor.remove')}
      </button>
    </div>
  );
}
