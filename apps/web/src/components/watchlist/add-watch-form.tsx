'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import { buttonStyles } from '../ui/button-styles.ts';
import { fieldControlClass } from '../ui/field-styles.ts';
import { FormAlert } from '../ui/form-alert.tsx';

/** A profile link or `@name` to watch; the first check of the creator runs right away. */
export function AddWatchForm({ checkEvery }: { checkEvery: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [creator, setCreator] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const add = useMutation(
    trpc.watches.add.mutationOptions({
      onSuccess: (data) => {
        setCreator('');
        setNote(
          data.created
            ? `Now watching @${data.watch.creator.handle}. TikSavr is checking the account now.`
            : `You already watch @${data.watch.creator.handle}.`,
        );
        return queryClient.invalidateQueries({ queryKey: trpc.watches.list.queryKey() });
      },
    }),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNote(null);
    if (creator.trim() !== '') add.mutate({ creator });
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Watch a creator">
      <label htmlFor="watch-creator" className="font-medium">
        Creator to watch
      </label>
      <div className="-mt-1 flex flex-wrap gap-3">
        <input
          id="watch-creator"
          name="creator"
          value={creator}
          onChange={(event) => {
            setCreator(event.target.value);
            setNote(null);
          }}
          aria-describedby="watch-creator-hint"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder="@creator or tiktok.com/@creator"
          className={`${fieldControlClass} min-w-0 flex-1 basis-56`}
        />
        <button type="submit" className={buttonStyles.primary} disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Watch'}
        </button>
      </div>
      <p id="watch-creator-hint" className="-mt-1 text-sm text-gray-700">
        Paste a profile link or type @name. TikSavr checks the account{' '}
        {checkEvery ? `about every ${checkEvery}` : 'regularly'} and saves its new stories for you, without
        you pasting a link.
      </p>
      <FormAlert message={add.error?.message ?? null} />
      {note ? (
        <p role="status" className="text-sm text-gray-800">
          {note}
        </p>
      ) : null}
    </form>
  );
}
