'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.tsx';
import type { DownloadDto } from '../downloads/download-types.ts';
import { buttonStyles } from '../ui/button-styles.ts';

/**
 * Pin (the auto-delete keeps it) or unpin one saved item. A toggle button: `aria-pressed` tells a
 * screen reader whether it is pinned; the list refreshes once the server has it.
 */
export function PinButton({ download }: { download: Pick<DownloadDto, 'id' | 'pinnedAt'> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setPinned = useMutation(
    trpc.downloads.setPinned.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.downloads.pathKey() }),
    }),
  );
  const pinned = setPinned.isPending ? setPinned.variables.pinned : download.pinnedAt !== null;
  return (
    <>
      <button
        type="button"
        className={buttonStyles.small}
        aria-pressed={pinned}
        disabled={setPinned.isPending}
        title={pinned ? 'Pinned: never deleted automatically' : 'Pin it so it is never deleted automatically'}
        onClick={() => setPinned.mutate({ id: download.id, pinned: !pinned })}
      >
        {pinned ? 'Pinned' : 'Pin'}
      </button>
      {setPinned.error ? (
        <span role="alert" className="text-sm text-red-900">
          {setPinned.error.message}
        </span>
      ) : null}
    </>
  );
}
