import { useId, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';

/** A labelled native select with an optional hint, wired with for/id and aria-describedby. */
export function SelectField({
  label,
  hint,
  selectRef,
  children,
  ...select
}: {
  label: string;
  hint?: string;
  selectRef?: Ref<HTMLSelectElement>;
  children: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'>) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <select {...select} ref={selectRef} id={id} aria-describedby={hint ? hintId : undefined}>
        {children}
      </select>
    </div>
  );
}
