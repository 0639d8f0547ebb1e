'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatByteSize, formatCount } from '@tiksavr/core';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import { buttonStyles } from '../ui/button-styles.ts';
import { FormAlert } from '../ui/form-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import { gigabytesText, parseGigabytes, parseWholeNumber } from './limit-input.ts';

type Draft = { bytes: string; items: string; days: string };

/**
 * For admins: the storage and item limit every person has unless given their own, and the
 * auto-delete of unpinned items after N days. Blank means no limit / keep forever. Shows what the
 * store holds (a file two people share counted once) and deletions a crash left half done.
 */
export function StorageSettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overview = useQuery(trpc.admin.storage.get.queryOptions());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation(
    trpc.admin.storage.set.mutationOptions({
      onSuccess: async (next) => {
        queryClient.setQueryData(trpc.admin.storage.get.queryKey(), next);
        setDraft(null);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.pathKey() });
      },
    }),
  );
  if (!overview.data) return null;
  const { settings, files, bytes, pendingDeletions } = overview.data;
  const shown: Draft = draft ?? {
    bytes: gigabytesText(settings.defaultBytes),
    items: settings.defaultItems === null ? '' : String(settings.defaultItems),
    days: settings.retentionDays === null ? '' : String(settings.retentionDays),
  };
  const edit = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft({ ...shown, [field]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const defaultBytes = parseGigabytes(shown.bytes);
    const defaultItems = parseWholeNumber(shown.items);
    const retentionDays = parseWholeNumber(shown.days, 1);
    if (!defaultBytes.ok)
      return setProblem('Type the storage limit in GB, like 5 or 0.5, or leave it blank.');
    if (!defaultItems.ok) return setProblem('Type the item limit as a whole number, or leave it blank.');
    if (!retentionDays.ok) return setProblem('Type the days as a whole number from 1, or leave it blank.');
    setProblem(null);
    save.mutate({
      defaultBytes: defaultBytes.value,
      defaultItems: defaultItems.value,
      retentionDays: retentionDays.value,
    });
  };

  return (
    <section
      aria-labelledby="storage-settings"
      className="flex flex-col gap-3 rounded-xl border border-gray-200 bg-gray-50 px-4 py-3"
    >
      <div>
        <h2 id="storage-settings" className="font-semibold">
          Storage and auto-delete
        </h2>
        <p className="text-sm text-gray-700">
          The store holds {formatCount(files)} {files === 1 ? 'file' : 'files'}, {formatByteSize(bytes)} (a
          file several people saved is kept once).
          {pendingDeletions > 0
            ? ` ${formatCount(pendingDeletions)} half-done ${pendingDeletions === 1 ? 'deletion is' : 'deletions are'} finished by the worker's hourly sweep.`
            : ''}
        </p>
      </div>
      <form onSubmit={submit} className="flex flex-col gap-3">
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField
            id="quota-default-bytes"
            label="Storage per person (GB)"
            inputMode="decimal"
            value={shown.bytes}
            onChange={edit('bytes')}
            placeholder="No limit"
            hint="Blank: no limit. A person's own limit wins."
          />
          <TextField
            id="quota-default-items"
            label="Items per person"
            inputMode="numeric"
            value={shown.items}
            onChange={edit('items')}
            placeholder="No limit"
            hint="Saved items and those on their way."
          />
          <TextField
            id="retention-days"
            label="Delete unpinned items after (days)"
            inputMode="numeric"
            value={shown.days}
            onChange={edit('days')}
            placeholder="Keep forever"
            hint="Blank: keep forever. Pinned items always stay."
          />
        </div>
        <FormAlert message={problem ?? save.error?.message ?? null} />
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            className={buttonStyles.secondary}
            disabled={save.isPending || draft === null}
          >
            {save.isPending ? 'Saving…' : 'Save storage rules'}
          </button>
          {draft !== null ? (
            <button type="button" className={buttonStyles.small} onClick={() => setDraft(null)}>
              Undo changes
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
