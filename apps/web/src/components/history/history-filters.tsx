'use client';

import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';

export type HistoryFilterValues = {
  q: string;
  state: '' | 'queued' | 'resolving' | 'downloading' | 'done' | 'failed' | 'expired' | 'canceled';
  kind: '' | 'video' | 'photo' | 'story';
  from: string;
  to: string;
};

export const EMPTY_FILTERS: HistoryFilterValues = { q: '', state: '', kind: '', from: '', to: '' };

const STATE_OPTIONS: { value: HistoryFilterValues['state']; label: string }[] = [
  { value: '', label: 'Any' },
  { value: 'done', label: 'Saved' },
  { value: 'queued', label: 'Waiting' },
  { value: 'resolving', label: 'Checking link' },
  { value: 'downloading', label: 'Downloading' },
  { value: 'failed', label: 'Couldn’t save' },
  { value: 'expired', label: 'Expired' },
  { value: 'canceled', label: 'Canceled' },
];

const KIND_OPTIONS: { value: HistoryFilterValues['kind']; label: string }[] = [
  { value: '', label: 'Any' },
  { value: 'video', label: 'Videos' },
  { value: 'photo', label: 'Photo posts' },
  { value: 'story', label: 'Stories' },
];

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
      <TextField
        id="history-q"
        label="Search your history"
        type="search"
        value={values.q}
        onChange={(event) => set('q', event.target.value)}
        placeholder="Caption, @author or link"
      />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <SelectField
          id="history-state"
          label="Status"
          value={values.state}
          onChange={(state) => set('state', state)}
          options={STATE_OPTIONS}
        />
        <SelectField
          id="history-kind"
          label="Kind"
          value={values.kind}
          onChange={(kind) => set('kind', kind)}
          options={KIND_OPTIONS}
        />
        <TextField
          id="history-from"
          label="From"
          type="date"
          value={values.from}
          onChange={(event) => set('from', event.target.value)}
        />
        <TextField
          id="history-to"
          label="To"
          type="date"
          value={values.to}
          onChange={(event) => set('to', event.target.value)}
        />
      </div>
    </search>
  );
}
