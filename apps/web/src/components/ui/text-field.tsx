import type { InputHTMLAttributes } from 'react';
import { fieldControlClass } from './field-styles.ts';

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  hint?: string;
  /** Classes for the label + input wrapper (e.g. to let it grow in a row of filters). */
  wrapperClassName?: string;
};

/** A labelled input with an optional hint that screen readers announce with it. */
export function TextField({ id, label, hint, className, wrapperClassName, ...input }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={`flex flex-col gap-1.5 ${wrapperClassName ?? ''}`}>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-describedby={hintId}
        className={`${fieldControlClass} ${className ?? ''}`}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-sm text-gray-700">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
