'use client';

import {
  JOB_KINDS,
  JOB_SEARCH_FIELDS,
  JOB_STATES,
  type JobFilter,
} from '../../server/routers/admin/jobs/jobs.schema.ts';

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

const field =
  'min-h-11 rounded-lg border border-gray-400 bg-white px-3 outline-none focus-visible:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600/40';

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
        <div className="flex flex-col gap-1">
          <label htmlFor="job-search-by" className="text-sm font-medium">
            Search by
          </label>
          <select
            id="job-search-by"
            value={value.searchBy}
            onChange={(event) => set('searchBy', event.target.value as JobFilterForm['searchBy'])}
            className={field}
          >
            {JOB_SEARCH_FIELDS.map((by) => (
              <option key={by} value={by}>
                {SEARCH_LABELS[by]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="job-search" className="text-sm font-medium">
            Search
          </label>
          <input
            id="job-search"
            type="search"
            value={value.searchText}
            onChange={(event) => set('searchText', event.target.value)}
            className={field}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="job-kind" className="text-sm font-medium">
            Kind
          </label>
          <select
            id="job-kind"
            value={value.kind}
            onChange={(event) => set('kind', event.target.value as JobFilterForm['kind'])}
            className={field}
          >
            <option value="">Any</option>
            {JOB_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="job-failure-code" className="text-sm font-medium">
            Failure code
          </label>
          <input
            id="job-failure-code"
            value={value.failureCode}
            onChange={(event) => set('failureCode', event.target.value)}
            placeholder="e.g. network"
            className={`${field} w-36`}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="job-from" className="text-sm font-medium">
            Created from
          </label>
          <input
            id="job-from"
            type="datetime-local"
            value={value.from}
            onChange={(event) => set('from', event.target.value)}
            className={field}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="job-to" className="text-sm font-medium">
            Created before
          </label>
          <input
            id="job-to"
            type="datetime-local"
            value={value.to}
            onChange={(event) => set('to', event.target.value)}
            className={field}
          />
        </div>
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
