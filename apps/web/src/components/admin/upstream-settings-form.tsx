'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import { buttonStyles } from '../ui/button-styles.ts';
import { FormAlert } from '../ui/form-alert.tsx';
import { TextField } from '../ui/text-field.tsx';

type Configured = { value: number; source: 'setting' | 'default'; defaultValue: number };

export type UpstreamConfig = {
  requestsPerMinute: Configured;
  defaultIntervalSeconds: Configured;
  minIntervalSeconds: Configured;
  maxWatchesPerUser: Configured;
};

type Field = keyof UpstreamConfig;

/** How each number is typed: intervals in minutes (stored in seconds), the others as they are. */
const FIELDS: {
  key: Field;
  label: string;
  unit: string;
  toStored: (typed: number) => number;
  step: string;
}[] = [
  {
    key: 'requestsPerMinute',
    label: 'Requests per minute to TikTok',
    unit: 'a minute, shared by every worker',
    toStored: (typed) => typed,
    step: 'any',
  },
  {
    key: 'defaultIntervalSeconds',
    label: 'Check each watched creator every (minutes)',
    unit: 'minutes',
    toStored: (typed) => Math.round(typed * 60),
    step: 'any',
  },
  {
    key: 'minIntervalSeconds',
    label: 'Never check a creator more often than every (minutes)',
    unit: 'minutes',
    toStored: (typed) => Math.round(typed * 60),
    step: 'any',
  },
  {
    key: 'maxWatchesPerUser',
    label: 'Creators one person may watch',
    unit: 'creators',
    toStored: (typed) => Math.round(typed),
    step: '1',
  },
];

function shown(key: Field, stored: number): string {
  const value = key === 'defaultIntervalSeconds' || key === 'minIntervalSeconds' ? stored / 60 : stored;
  return String(Math.round(value * 100) / 100);
}

/**
 * The admin's numbers for watching and for the budget toward TikTok. An empty field means the
 * instance default (the environment's value, shown as the hint). The worker reads them on its
 * next use; the server checks the admin role and the bounds.
 */
export function UpstreamSettingsForm({ config }: { config: UpstreamConfig }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const initial = () =>
    Object.fromEntries(
      FIELDS.map(({ key }) => [key, config[key].source === 'setting' ? shown(key, config[key].value) : '']),
    ) as Record<Field, string>;
  const [typed, setTyped] = useState<Record<Field, string>>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.admin.upstream.setSettings.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        return queryClient.invalidateQueries({ queryKey: trpc.admin.upstream.pathKey() });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const values: Partial<Record<Field, number | null>> = {};
    for (const { key, label, toStored } of FIELDS) {
      const text = typed[key].trim();
      if (text === '') {
        values[key] = null;
        continue;
      }
      const number = Number(text);
      if (!Number.isFinite(number) || number <= 0) {
        setProblem(`${label}: type a number above 0, or leave it empty for the default.`);
        return;
      }
      values[key] = toStored(number);
    }
    setProblem(null);
    save.mutate(values);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-labelledby="upstream-settings-heading">
      <h2 id="upstream-settings-heading" className="text-lg font-semibold">
        Settings
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map(({ key, label, unit, step }) => (
          <TextField
            key={key}
            id={`upstream-${key}`}
            label={label}
            type="number"
            inputMode="decimal"
            min="0"
            step={step}
            value={typed[key]}
            placeholder={shown(key, config[key].defaultValue)}
            hint={`Now ${shown(key, config[key].value)} ${unit}${
              config[key].source === 'default'
                ? ' (the default)'
                : `; empty: the default ${shown(key, config[key].defaultValue)}`
            }.`}
            onChange={(event) => {
              setSaved(false);
              setTyped((previous) => ({ ...previous, [key]: event.target.value }));
            }}
          />
        ))}
      </div>
      <p className="text-sm text-gray-700">
        Modest is safer: about one page request every 2–3 seconds from one address is what people find TikTok
        accepts. A watch is checked at its interval or the floor, whichever is longer.
      </p>
      <FormAlert message={problem ?? save.error?.message ?? null} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonStyles.primary} disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
        {saved ? (
          <p role="status" className="text-sm text-gray-800">
            Saved. The workers use the new numbers from their next request or check.
          </p>
        ) : null}
      </div>
    </form>
  );
}
