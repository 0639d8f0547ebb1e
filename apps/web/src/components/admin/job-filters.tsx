'use client';

import {
  JOB_KINDS,
  JOB_SEARCH_FIELDS,
  JOB_STATES,
  type JobFilter,
} from '../../server/routers/admin/jobs/jobs.schema.ts';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';

export type JobFilterForm = {
  states: (typeof JOB_STATES)[number][];
  kind: '' | (typeof JOB_KINDS)[number];
  failureCode: string;
  searchBy: (typeof JOB_SEARCH_FIELDS)[number];
  searchText: string;
  from: string;
  to: string;
};

export const EMPTY_JOB_FILTER: JobFilterForm = {
  states: [],
  kind: '',
  failureCode: '',
  searchBy: 'url',
  searchText: '',
  from: '',
  to: '',
};

const SEARCH_LABELS: Record<JobFilterForm['searchBy'], string> = {
  url: 'Link',
  email: 'User email',
  item: 'Item id',
  error: 'Error text',
  id: 'Download or job id',
};

/** A `datetime-local` value (the reader's time zone) as an ISO instant. */
function toInstant(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The form's values as the procedures' filter. */
export function toJobFilter(form: JobFilterForm): JobFilter {
  const text = form.searchText.trim();
  return {
    ...(form.states.length > 0 ? { states: form.states } : {}),
    ...(form.kind ? { kind: form.kind } : {}),
    ...(form.failureCode.trim() ? { failureCode: form.failureCode.trim() } : {}),
    ...(text ? { search: { by: form.searchBy, text } } : {}),
    ...(toInstant(form.from) ? { from: toInstant(form.from) } : {}),
    ...(toInstant(form.to) ? { to: toInstant(form.to) } : {}),
  };
}

const SEARCH_OPTIONS = JOB_SEARCH_FIELDS.map((by) => ({ value: by, label: SEARCH_LABELS[by] }));
const KIND_OPTIONS: { value: JobFilterForm['kind']; label: string }[] = [
  { value: '', label: 'Any' },
  ...JOB_KINDS.map((kind) => ({ value: kind, label: kind })),
];

/** Search (by link, email, item id, error text or id) plus state, kind, failure code and time. */
export function JobFilters({
  value,
  onChange,
}: {
  value: JobFilterForm;
  onChange: (value: JobFilterForm) => void;
}) {
  const set = <K extends keyof JobFilterForm>(key: K, next: JobFilterForm[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <search className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          id="job-search-by"
          label="Search by"
          value={value.searchBy}
          onChange={(searchBy) => set('searchBy', searchBy)}
          options={SEARCH_OPTIONS}
        />
        <TextField
          id="job-search"
          label="Search"
          type="search"
          wrapperClassName="min-w-64 flex-1"
          value={value.searchText}
          onChange={(event) => set('searchText', event.target.value)}
        />
        <SelectField
          id="job-kind"
          label="Kind"
          value={value.kind}
          onChange={(kind) => set('kind', kind)}
          options={KIND_OPTIONS}
        />
        <TextField
          id="job-failure-code"
          label="Failure code"
          value={value.failureCode}
          onChange={(event) => set('failureCode', event.target.value)}
          placeholder="e.g. network"
          className="w-36"
        />
        <TextField
          id="job-from"
          label="Created from"
          type="datetime-local"
          value={value.from}
          onChange={(event) => set('from', event.target.value)}
        />
        <TextField
          id="job-to"
          label="Created before"
          type="datetime-local"
          value={value.to}
          onChange={(event) => set('to', event.target.value)}
        />
      </div>
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <legend className="mb-1 text-sm font-medium">State (none ticked = all)</legend>
        {JOB_STATES.map((state) => (
          <label key={state} className="inline-flex min-h-9 items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={value.states.includes(state)}
              onChange={(event) =>
                set(
                  'states',
                  event.target.checked ? [...value.states, state] : value.states.filter((s) => s !== state),
                )
              }
            />
            {state}
          </label>
        ))}
      </fieldset>
    </search>
  );
}
