'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '../../lib/trpc.tsx';
import { buttonStyles } from '../ui/button-styles.ts';
import { formatSeconds, formatTime } from './format.ts';
import { JobStateBadge } from './job-state-badge.tsx';
import { REFRESH_MS } from './refresh.ts';
import { useJobActions } from './use-job-actions.ts';

const RETRYABLE = ['failed', 'expired', 'canceled'];
const ACTIVE = ['queued', 'resolving', 'downloading'];

function secondsBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return (Date.parse(to) - Date.parse(from)) / 1000;
}

/** One job: its row, timeline, errors, pg-boss job and payload, with retry / cancel / delete. */
export function JobDetailView({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const actions = useJobActions();
  const { data, error } = useQuery(trpc.admin.jobs.get.queryOptions({ id }, { refetchInterval: REFRESH_MS }));
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return <p aria-busy="true">Loading…</p>;
  const { download, bossJobs, timeline } = data;
  const facts: [string, string][] = [
    ['User', download.userEmail],
    ['Link as pasted', download.inputUrl],
    ['Canonical link', download.canonicalUrl],
    ['Item id', download.itemId ?? '—'],
    ['Kind', download.kind ?? 'not resolved yet'],
    ['Priority', String(download.priority)],
    ['Attempts', String(download.attempts)],
    ['Story deadline', formatTime(download.storyDeadline)],
    ['Bytes', download.bytesTotal ? `${download.bytesDone} of ${download.bytesTotal}` : download.bytesDone],
    ['Waited', formatSeconds(secondsBetween(download.createdAt, download.startedAt))],
    ['Ran', formatSeconds(secondsBetween(download.startedAt, download.finishedAt))],
    ['Download id', download.id],
    ['Current job id', download.jobId ?? '—'],
  ];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <JobStateBadge state={download.state} />
        <span className="break-all font-medium">{download.canonicalUrl}</span>
      </div>
      <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Actions on this job">
        <button
          type="button"
          className={buttonStyles.small}
          disabled={!RETRYABLE.includes(download.state) || actions.pending !== null}
          onClick={() => actions.run('retry', { ids: [download.id] })}
        >
          Retry
        </button>
        <button
          type="button"
          className={buttonStyles.small}
          disabled={!ACTIVE.includes(download.state) || actions.pending !== null}
          onClick={() => actions.run('cancel', { ids: [download.id] })}
        >
          Cancel
        </button>
        <button
          type="button"
          className={buttonStyles.small}
          disabled={actions.pending !== null}
          onClick={async () => {
            if (!window.confirm('Delete this job and, if nobody else saved the item, its files?')) return;
            const result = await actions.run('delete', { ids: [download.id] });
            if (result && result.changed > 0) router.push('/admin/jobs');
          }}
        >
          Delete
        </button>
      </div>
      {actions.message ? (
        <p role={actions.message.error ? 'alert' : 'status'} className="text-sm">
          {actions.message.text}
        </p>
      ) : null}

      {download.failureCode ? (
        <section aria-labelledby="error-heading" className="rounded-xl border border-red-300 bg-red-50 p-4">
          <h2 id="error-heading" className="font-semibold text-red-900">
            Error: <span className="font-mono">{download.failureCode}</span>
          </h2>
          <p className="text-red-900">{download.failureMessage}</p>
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading" className="mb-2 text-lg font-semibold">
            Details
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-gray-700">{label}</dt>
                <dd className="break-all">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading" className="mb-2 text-lg font-semibold">
            Timeline
          </h2>
          <ol className="flex flex-col gap-1 border-l-2 border-gray-200 pl-4 text-sm">
            {timeline.map((entry) => (
              <li key={`${entry.at}-${entry.event}`}>
                <time dateTime={entry.at} className="text-gray-700">
                  {formatTime(entry.at)}
                </time>{' '}
                — {entry.event}
              </li>
            ))}
          </ol>
        </section>
      </div>

      <section aria-labelledby="boss-heading">
        <h2 id="boss-heading" className="mb-2 text-lg font-semibold">
          pg-boss job
        </h2>
        {bossJobs.length === 0 ? (
          <p className="text-sm text-gray-700">pg-boss no longer keeps this job (its retention ended).</p>
        ) : (
          bossJobs.map((job) => (
            <div key={job.id} className="flex flex-col gap-2 rounded-xl border border-gray-200 p-4 text-sm">
              <p>
                <span className="font-mono">{job.id}</span> · {job.state} · priority {job.priority} · retried{' '}
                {job.retryCount} of {job.retryLimit} · start after {formatTime(job.startAfter)}
                {job.heartbeatOn ? ` · last job heartbeat ${formatTime(job.heartbeatOn)}` : ''}
              </p>
              <h3 className="font-medium">Payload</h3>
              <pre className="overflow-x-auto rounded-lg bg-gray-50 p-3 text-xs">
                {JSON.stringify(job.data, null, 2)}
              </pre>
              {job.output ? (
                <>
                  <h3 className="font-medium">Output</h3>
                  <pre className="overflow-x-auto rounded-lg bg-gray-50 p-3 text-xs">
                    {JSON.stringify(job.output, null, 2)}
                  </pre>
                </>
              ) : null}
            </div>
          ))
        )}
      </section>
    </div>
  );
}
