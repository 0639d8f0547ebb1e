import type { ReactNode } from 'react';

/** The look of every text box and select in filter forms: 44 px tall, visible focus ring. */
export const fieldClass =
  'min-h-11 rounded-lg border border-gray-400 bg-white px-3 text-base outline-none focus-visible:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600/40';

type FieldProps = { id: string; label: string; className?: string };

/** A visible label above one control, tied to it by `id`. */
function LabeledField({ id, label, className, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`flex flex-col gap-1.5 ${className ?? ''}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

export function TextField({
  id,
  label,
  className,
  value,
  onChange,
  type = 'text',
  placeholder,
  inputClassName,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'search' | 'date' | 'datetime-local';
  placeholder?: string;
  inputClassName?: string;
}) {
  return (
    <LabeledField id={id} label={label} className={className}>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        className={`${fieldClass} ${inputClassName ?? ''}`}
      />
    </LabeledField>
  );
}

export function SelectField<V extends string>({
  id,
  label,
  className,
  value,
  onChange,
  options,
}: FieldProps & {
  value: V;
  onChange: (value: V) => void;
  options: readonly { value: V; label: string }[];
}) {
  return (
    <LabeledField id={id} label={label} className={className}>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value as V)}
        className={fieldClass}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabeledField>
  );
}
