'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import { buttonStyles } from '../ui/button-styles.ts';
import { type DownloadDto, isActive } from './download-types.ts';
import { useLiveDownloads } from './live-downloads.tsx';

/**
 * Retry (only when another try can help: `canRetry`), cancel (waiting or running) and delete (with
 * a confirmation). A failure that cannot change gets no Retry; its card shows why, and the
 * screen-recording steps where they help. The confirmation belongs to the item as it was when
 * Delete was pressed: once its state changes (it finished, failed, was retried) the question is
 * closed, so nobody confirms deleting something other than what they saw.
 */
export function DownloadActions({ download }: { download: DownloadDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { forget } = useLiveDownloads();
  const version = `${download.id}:${download.state}:${download.attempts}`;
  const [confirmingFor, setConfirmingFor] = useState<string | null>(null);
  const confirming = confirmingFor === version;
  const setConfirming = (open: boolean) => setConfirmingFor(open ? version : null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.downloads.pathKey() });
  const retry = useMutation(
    trpc.downloads.retry.mutationOptions({
      onSuccess: () => {
        forget(download.id);
        return refresh();
      },
    }),
  );
  const cancel = useMutation(trpc.downloads.cancel.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.downloads.delete.mutationOptions({ onSuccess: refresh }));
  const error = retry.error ?? cancel.error ?? remove.error;
  const label = download.caption || download.canonicalUrl;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {download.canRetry ? (
          <button
            type="button"
            className={buttonStyles.small}
            disabled={retry.isPending}
            onClick={() => retry.mutate({ id: download.id })}
          >
            {retry.isPending ? 'Retrying…' : 'Retry'}
          </button>
        ) : null}
        {isActive(download.state) ? (
          <button
            type="button"
            className={buttonStyles.small}
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ id: download.id })}
          >
            {cancel.isPending ? 'Canceling…' : 'Cancel'}
          </button>
        ) : null}
        {confirming ? (
          <fieldset className="flex flex-wrap items-center gap-2">
            <legend className="sr-only">Confirm delete</legend>
            <span className="text-sm font-medium">Delete for good?</span>
            <button
              type="button"
              className={`${buttonStyles.small} border-red-300 text-red-800`}
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id: download.id })}
            >
              {remove.isPending ? 'Deleting…' : 'Yes, delete'}
            </button>
            <button type="button" className={buttonStyles.small} onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </fieldset>
        ) : (
          <button
            type="button"
            className={buttonStyles.small}
            aria-label={`Delete ${label}`}
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        )}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
