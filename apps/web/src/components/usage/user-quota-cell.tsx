'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatByteSize, formatCount } from '@tiksavr/core';
import { type FormEvent, useId, useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import { buttonStyles } from '../ui/button-styles.ts';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { gigabytesText, parseGigabytes, parseWholeNumber } from './limit-input.ts';

type Limit = { maximum: number | null; own: boolean };
export type QuotaColumns = { usedBytes: number; usedItems: number; limits: { bytes: Limit; items: Limit } };

type Choice = 'default' | 'none' | 'custom';

function choiceOf(limit: Limit): Choice {
  if (!limit.own) return 'default';
  return limit.maximum === null ? 'none' : 'custom';
}

/** "1.2 GB of 5 GB" / "1.2 GB, no limit"; a person's own limit is marked as theirs. */
function usedOf(used: string, limit: Limit, format: (n: number) => string): string {
  const of = limit.maximum === null ? `${used}, no limit` : `${used} of ${format(limit.maximum)}`;
  return limit.own ? `${of} (own)` : of;
}

/**
 * For the admin's users list: what one person uses of their storage and items, and an editor
 * for their own limits (the instance default, no limit, or a number of their own).
 */
export function UserQuotaCell({
  userId,
  email,
  quota,
}: {
  userId: string;
  email: string;
  quota: QuotaColumns;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-sm tabular-nums" data-testid="user-quota">
        {usedOf(formatByteSize(quota.usedBytes), quota.limits.bytes, formatByteSize)}
        <span aria-hidden="true"> · </span>
        <span className="sr-only">, </span>
        {usedOf(`${formatCount(quota.usedItems)} items`, quota.limits.items, formatCount)}
      </p>
      {editing ? (
        <QuotaEditor userId={userId} email={email} limits={quota.limits} onDone={() => setEditing(false)} />
      ) : (
        <button type="button" className={`${buttonStyles.small} self-start`} onClick={() => setEditing(true)}>
          Edit limits
        </button>
      )}
    </div>
  );
}

function QuotaEditor({
  userId,
  email,
  limits,
  onDone,
}: {
  userId: string;
  email: string;
  limits: QuotaColumns['limits'];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [bytesChoice, setBytesChoice] = useState<Choice>(choiceOf(limits.bytes));
  const [itemsChoice, setItemsChoice] = useState<Choice>(choiceOf(limits.items));
  const [bytesText, setBytesText] = useState(limits.bytes.own ? gigabytesText(limits.bytes.maximum) : '');
  const [itemsText, setItemsText] = useState(
    limits.items.own && limits.items.maximum !== null ? String(limits.items.maximum) : '',
  );
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation(
    trpc.admin.users.setQuota.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.pathKey() });
        onDone();
      },
    }),
  );
  const choices: { value: Choice; label: string }[] = [
    { value: 'default', label: 'The default for everyone' },
    { value: 'none', label: 'No limit' },
    { value: 'custom', label: 'Their own limit' },
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const bytes = parseGigabytes(bytesText);
    const items = parseWholeNumber(itemsText);
    if (bytesChoice === 'custom' && !(bytes.ok && bytes.value !== null)) {
      return setProblem('Type their storage limit in GB, like 5 or 0.5.');
    }
    if (itemsChoice === 'custom' && !(items.ok && items.value !== null)) {
      return setProblem('Type their item limit as a whole number.');
    }
    setProblem(null);
    const change = (choice: Choice, parsed: typeof bytes) =>
      choice === 'default'
        ? ('default' as const)
        : choice === 'none'
          ? null
          : parsed.ok
            ? parsed.value
            : null;
    save.mutate({ userId, bytes: change(bytesChoice, bytes), items: change(itemsChoice, items) });
  };
  return (
    <form onSubmit={submit} aria-label={`Limits of ${email}`} className="flex flex-col gap-2">
      <SelectField
        id={`${id}-bytes`}
        label="Storage"
        value={bytesChoice}
        onChange={setBytesChoice}
        options={choices}
      />
      {bytesChoice === 'custom' ? (
        <TextField
          id={`${id}-bytes-gb`}
          label="Storage (GB)"
          inputMode="decimal"
          value={bytesText}
          onChange={(event) => setBytesText(event.target.value)}
        />
      ) : null}
      <SelectField
        id={`${id}-items`}
        label="Items"
        value={itemsChoice}
        onChange={setItemsChoice}
        options={choices}
      />
      {itemsChoice === 'custom' ? (
        <TextField
          id={`${id}-items-count`}
          label="Items (count)"
          inputMode="numeric"
          value={itemsText}
          onChange={(event) => setItemsText(event.target.value)}
        />
      ) : null}
      {(problem ?? save.error?.message) ? (
        <p role="alert" className="text-sm text-red-900">
          {problem ?? save.error?.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonStyles.small} disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save limits'}
        </button>
        <button type="button" className={buttonStyles.small} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
