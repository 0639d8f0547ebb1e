'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../../lib/trpc.tsx';
import { buttonStyles } from '../ui/button-styles.ts';
import { EyeIcon } from './eye-icon.tsx';

/**
 * "Watch @name": adds the creator to the person's watchlist (the first check runs at once), then
 * says so with a link to the Watchlist. Self-contained, so the paste box and a saved item's card
 * can each mount it with one line.
 */
export function WatchCreatorButton({
  handle,
  alreadyWatching = false,
  quietWhenWatching = false,
  size = 'normal',
}: {
  handle: string;
  alreadyWatching?: boolean;
  /** Show nothing for a creator watched before (on cards, where the note would repeat on every one). */
  quietWhenWatching?: boolean;
  size?: 'normal' | 'small';
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const add = useMutation(
    trpc.watches.add.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.watches.list.queryKey() }),
    }),
  );
  if (alreadyWatching && !add.isSuccess && quietWhenWatching) return null;
  if (alreadyWatching || add.isSuccess) {
    const created = add.data?.created === true;
    return (
      <p className="text-sm text-gray-800" role="status">
        <EyeIcon />
        {created ? `Now watching @${handle}. ` : `You watch @${handle}. `}
        <Link href="/watchlist" className="font-medium underline underline-offset-4">
          Open your Watchlist
        </Link>
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        className={`${size === 'small' ? buttonStyles.small : buttonStyles.secondary} self-start`}
        disabled={add.isPending}
        onClick={() => add.mutate({ creator: handle })}
      >
        {add.isPending ? 'Adding…' : `Watch @${handle}`}
      </button>
      {add.error ? (
        <p role="alert" className="text-sm text-red-900">
          {add.error.message}
        </p>
      ) : null}
    </div>
  );
}
