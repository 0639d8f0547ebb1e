'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import type { WatchDto } from '../../server/watches/watch-dto.ts';
import { buttonStyles } from '../ui/button-styles.ts';
import { agoWords, clockTime, inWords } from './check-time-words.ts';
import { CreatorAvatar } from './creator-avatar.tsx';

/** The check line: paused, checking now, or the last and next check (relative, exact time on hover). */
function CheckTimes({ watch, now }: { watch: WatchDto; now: number | null }) {
  if (watch.paused) return <span>Paused: no checks until you resume.</span>;
  if (watch.checking) return <span>Checking now…</span>;
  const last = watch.lastCheckedAt;
  const next = watch.nextCheckAt;
  return (
    <>
      <span>
        Last check:{' '}
        {last ? (
          <time dateTime={last} title={new Date(last).toLocaleString()} suppressHydrationWarning>
            {now === null ? clockTime(last) : agoWords(now - Date.parse(last))}
          </time>
        ) : (
          'not yet'
        )}
      </span>
      {next ? (
        <span>
          {' '}
          · Next check:{' '}
          <time dateTime={next} title={new Date(next).toLocaleString()} suppressHydrationWarning>
            {now === null ? clockTime(next) : inWords(Date.parse(next) - now)}
          </time>
        </span>
      ) : null}
    </>
  );
}

/** The last check's problem, and when TikSavr tries again when it will. */
function Problem({ watch }: { watch: WatchDto }) {
  const { problem } = watch;
  if (!problem) return null;
  const retryAt = problem.retrying && watch.nextCheckAt ? clockTime(watch.nextCheckAt) : null;
  return (
    <p
      className={`rounded-md px-2 py-1 text-sm ${problem.retrying ? 'bg-amber-50 text-amber-900' : 'bg-red-50 text-red-900'}`}
      data-testid="watch-problem"
    >
      {problem.text}
      {retryAt ? ` Will retry at ${retryAt}.` : ''}
      {problem.inARow > 1 ? ` (${problem.inARow} checks in a row.)` : ''}
    </p>
  );
}

/** One watched creator: who, when checked, what it saved, what went wrong, and its controls. */
export function WatchRow({ watch, now }: { watch: WatchDto; now: number | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [checkNote, setCheckNote] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.watches.list.queryKey() });
  const setOptions = useMutation(trpc.watches.setOptions.mutationOptions({ onSuccess: refresh }));
  const pause = useMutation(trpc.watches.pause.mutationOptions({ onSuccess: refresh }));
  const resume = useMutation(trpc.watches.resume.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.watches.remove.mutationOptions({ onSuccess: refresh }));
  const checkNow = useMutation(
    trpc.watches.checkNow.mutationOptions({
      onSuccess: () => {
        setCheckNote(`Checking @${watch.creator.handle} now. New stories appear in your History.`);
        return refresh();
      },
      onError: (error) => {
        setCheckNote(
          error.data?.appCode === 'check_too_soon' ? 'Checked a moment ago. Try again in a minute.' : null,
        );
      },
    }),
  );
  const { creator } = watch;
  const name = `@${creator.handle}`;
  const otherError = [setOptions, pause, resume, remove].find((m) => m.error)?.error;
  const checkError =
    checkNow.error && checkNow.error.data?.appCode !== 'check_too_soon' ? checkNow.error : null;
  const error = otherError ?? checkError;

  return (
    <li
      className="flex flex-col gap-3 rounded-xl border border-gray-200 bg-white p-4 shadow-sm"
      aria-label={name}
      data-watch-id={watch.id}
      data-handle={creator.handle}
      data-paused={watch.paused}
    >
      <div className="flex items-start gap-3">
        <CreatorAvatar creator={creator} />
        <div className="flex min-w-0 flex-1 flex-col gap-0.5">
          <h3 className="flex flex-wrap items-baseline gap-x-2 font-semibold">
            <a
              href={creator.profileUrl}
              target="_blank"
              rel="noreferrer noopener"
              className="break-all underline-offset-2 hover:underline"
            >
              {name}
            </a>
            {creator.nickname ? <span className="font-normal text-gray-700">{creator.nickname}</span> : null}
          </h3>
          <p className="text-sm text-gray-700" aria-live="polite">
            <CheckTimes watch={watch} now={now} />
          </p>
          <p className="text-sm text-gray-700" data-testid="items-captured">
            {watch.itemsCaptured === 0
              ? 'Nothing saved yet'
              : `${watch.itemsCaptured} ${watch.itemsCaptured === 1 ? 'item' : 'items'} saved`}
          </p>
        </div>
      </div>
      <Problem watch={watch} />

      <fieldset className="flex flex-wrap gap-x-5 gap-y-1">
        <legend className="sr-only">What to save from {name}</legend>
        <label className="inline-flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            className="size-5 accent-brand-600"
            checked={watch.stories}
            disabled={setOptions.isPending}
            onChange={(event) => setOptions.mutate({ id: watch.id, stories: event.target.checked })}
          />
          Stories
        </label>
        <label className="inline-flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            className="size-5 accent-brand-600"
            checked={watch.posts}
            disabled={setOptions.isPending}
            onChange={(event) => setOptions.mutate({ id: watch.id, posts: event.target.checked })}
          />
          New posts
        </label>
      </fieldset>
      {!watch.stories && !watch.posts ? (
        <p className="text-sm text-amber-900">
          Nothing is saved from {name} until you tick Stories or New posts.
        </p>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        {watch.paused ? (
          <button
            type="button"
            className={buttonStyles.small}
            disabled={resume.isPending}
            onClick={() => resume.mutate({ id: watch.id })}
          >
            {resume.isPending ? 'Resuming…' : 'Resume'}
          </button>
        ) : (
          <>
            <button
              type="button"
              className={buttonStyles.small}
              disabled={checkNow.isPending || watch.checking}
              onClick={() => {
                setCheckNote(null);
                checkNow.mutate({ id: watch.id });
              }}
            >
              {checkNow.isPending ? 'Asking…' : 'Check now'}
            </button>
            <button
              type="button"
              className={buttonStyles.small}
              disabled={pause.isPending}
              onClick={() => pause.mutate({ id: watch.id })}
            >
              {pause.isPending ? 'Pausing…' : 'Pause'}
            </button>
          </>
        )}
        {confirmingRemove ? (
          <fieldset className="flex flex-wrap items-center gap-2">
            <legend className="sr-only">Confirm stop watching</legend>
            <span className="text-sm font-medium">Stop watching? What it saved stays in your History.</span>
            <button
              type="button"
              className={`${buttonStyles.small} border-red-300 text-red-800`}
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id: watch.id })}
            >
              {remove.isPending ? 'Removing…' : 'Yes, stop watching'}
            </button>
            <button type="button" className={buttonStyles.small} onClick={() => setConfirmingRemove(false)}>
              Keep watching
            </button>
          </fieldset>
        ) : (
          <button
            type="button"
            className={buttonStyles.small}
            aria-label={`Remove ${name}`}
            onClick={() => setConfirmingRemove(true)}
          >
            Remove
          </button>
        )}
      </div>
      {checkNote ? (
        <p role="status" className="text-sm text-gray-800">
          {checkNote}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-900">
          {error.message}
        </p>
      ) : null}
    </li>
  );
}
