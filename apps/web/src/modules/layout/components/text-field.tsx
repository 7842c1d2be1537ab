import { useId, type InputHTMLAttributes, type Ref } from 'react';

/** A labelled input with an optional hint, wired with for/id and aria-describedby. */
export function TextField({
  label,
  hint,
  invalid = false,
  inputRef,
  ...input
}: {
  label: string;
  hint?: string;
  invalid?: boolean;
  inputRef?: Ref<HTMLInputElement>;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
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
      <input
        {...input}
        ref={inputRef}
        id={id}
        aria-invalid={invalid || undefined}
        aria-describedby={hint ? hintId : undefined}
      />
    </div>
  );
}
