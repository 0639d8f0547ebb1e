'use client';

import { useQuery } from '@tanstack/react-query';
import { formatTimeLeft } from '@tiksavr/core';
import Link from 'next/link';
import { useTRPC } from '../../lib/trpc.tsx';
import { TableHead } from '../ui/table-head.tsx';
import { formatSeconds, formatTime } from './format.ts';
import { MaybeStoriesNote } from './maybe-stories-note.tsx';
import { REFRESH_MS } from './refresh.ts';

type Verdict = { text: string; className: string };

function verdictOf(story: { late: boolean; tight: boolean; estimatedStart: string | null }): Verdict {
  if (story.estimatedStart === null) return { text: 'No live worker', className: 'bg-red-100 text-red-900' };
  if (story.late) return { text: 'Will miss deadline', className: 'bg-red-100 text-red-900' };
  if (story.tight) return { text: 'Tight', className: 'bg-amber-100 text-amber-900' };
  return { text: 'On time', className: 'bg-green-50 text-green-900' };
}

/** Queued and retrying stories with the least time left first, each with when it should start. */
export function AtRiskView() {
  const trpc = useTRPC();
  const { data, error } = useQuery(
    trpc.admin.stories.atRisk.queryOptions({ limit: 200 }, { refetchInterval: REFRESH_MS }),
  );
  if (error) return <p role="alert">Could not load the stories: {error.message}</p>;
  if (!data) return <p aria-busy="true">Loading…</p>;
  const { stories, model } = data;
  const atRisk = stories.filter((story) => story.late || story.tight).length;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-gray-700">
        {stories.length} stor{stories.length === 1 ? 'y' : 'ies'} waiting
        {data.truncated ? ' (first 200 shown)' : ''}, <strong data-testid="at-risk-count">{atRisk}</strong> at
        risk. Model: {model.liveWorkers} live worker
        {model.liveWorkers === 1 ? '' : 's'} with {model.slots} slot{model.slots === 1 ? '' : 's'} (
        {model.busy} busy), a typical run of {formatSeconds(model.typicalRunSeconds)}. Stories outrank every
        other download, so a story waits only for the stories ahead of it in pg-boss order and for running
        jobs; one waiting out a retry back-off cannot start before it ends.
      </p>
      <MaybeStoriesNote unidentified={data.unidentified} />
      {stories.length === 0 ? (
        <p className="rounded-xl border border-gray-200 p-6 text-center text-gray-700">
          No identified story is waiting.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <TableHead
              columns={[
                'Time left',
                'Verdict',
                'Estimated start',
                'Queue position',
                'Attempts',
                'User',
                'Story',
              ]}
            />
            <tbody>
              {stories.map((story) => {
                const verdict = verdictOf(story);
                return (
                  <tr key={story.id} className="border-b border-gray-100 align-top" data-testid="at-risk-row">
                    <td className="py-2 pr-3 whitespace-nowrap" title={formatTime(story.deadline)}>
                      {formatTimeLeft(story.timeLeftMs)}
                    </td>
                    <td className="py-2 pr-3">
                      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${verdict.className}`}>
                        {verdict.text}
                      </span>
                    </td>
                    <td className="py-2 pr-3 whitespace-nowrap">{formatTime(story.estimatedStart)}</td>
                    <td className="py-2 pr-3">
                      {story.position === null
                        ? `back-off until ${formatTime(story.notBefore)}`
                        : story.position === 0
                          ? 'next'
                          : `${story.position} ahead`}
                    </td>
                    <td className="py-2 pr-3">
                      {story.attempts}
                      {story.retrying && story.failureCode ? (
                        <span
                          className="block text-xs text-gray-600"
                          title={story.failureMessage ?? undefined}
                        >
                          last: {story.failureCode}
                        </span>
                      ) : null}
                    </td>
                    <td className="max-w-48 truncate py-2 pr-3" title={story.userEmail}>
                      {story.userEmail}
                    </td>
                    <td className="py-2">
                      <Link
                        href={`/admin/jobs/${story.id}`}
                        className="break-all underline underline-offset-4"
                      >
                        {story.canonicalUrl}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
