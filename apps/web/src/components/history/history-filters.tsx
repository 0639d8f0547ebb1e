'use client';

export type HistoryFilterValues = {
  q: string;
  state: '' | 'queued' | 'resolving' | 'downloading' | 'done' | 'failed' | 'expired' | 'canceled';
  kind: '' | 'video' | 'photo' | 'story';
  from: string;
  to: string;
};

export const EMPTY_FILTERS: HistoryFilterValues = { q: '', state: '', kind: '', from: '', to: '' };

const fieldClass =
  'min-h-11 rounded-lg border border-gray-400 bg-white px-3 text-base outline-none focus-visible:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600/40';

/** Search box plus state, kind and date filters; every control has a visible label. */
export function HistoryFilters({
  values,
  onChange,
}: {
  values: HistoryFilterValues;
  onChange: (values: HistoryFilterValues) => void;
}) {
  const set = <K extends keyof HistoryFilterValues>(key: K, value: HistoryFilterValues[K]) =>
    onChange({ ...values, [key]: value });
  return (
    <search className="flex flex-col gap-3">
      <div className="flex flex-col gap-1.5">
        <label htmlFor="history-q" className="font-medium">
          Search your history
        </label>
        <input
          id="history-q"
          type="search"
          value={values.q}
          onChange={(event) => set('q', event.target.value)}
          placeholder="Caption, @author or link"
          className={fieldClass}
        />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="history-state" className="text-sm font-medium">
            Status
          </label>
          <select
            id="history-state"
            value={values.state}
            onChange={(event) => set('state', event.target.value as HistoryFilterValues['state'])}
            className={fieldClass}
          >
            <option value="">Any</option>
            <option value="done">Saved</option>
            <option value="queued">Waiting</option>
            <option value="resolving">Checking link</option>
            <option value="downloading">Downloading</option>
            <option value="failed">Couldn’t save</option>
            <option value="expired">Expired</option>
            <option value="canceled">Canceled</option>
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="history-kind" className="text-sm font-medium">
            Kind
          </label>
          <select
            id="history-kind"
            value={values.kind}
            onChange={(event) => set('kind', event.target.value as HistoryFilterValues['kind'])}
            className={fieldClass}
          >
            <option value="">Any</option>
            <option value="video">Videos</option>
            <option value="photo">Photo posts</option>
            <option value="story">Stories</option>
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="history-from" className="text-sm font-medium">
            From
          </label>
          <input
            id="history-from"
            type="date"
            value={values.from}
            onChange={(event) => set('from', event.target.value)}
            className={fieldClass}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="history-to" className="text-sm font-medium">
            To
          </label>
          <input
            id="history-to"
            type="date"
            value={values.to}
            onChange={(event) => set('to', event.target.value)}
            className={fieldClass}
          />
        </div>
      </div>
    </search>
  );
}
