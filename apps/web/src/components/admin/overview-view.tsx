'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.tsx';
import { TableHead } from '../ui/table-head.tsx';
import { formatSeconds, formatTime } from './format.ts';
import { REFRESH_MS } from './refresh.ts';
import { StatCard } from './stat-card.tsx';
import { ThroughputChart } from './throughput-chart.tsx';

/** The overview: what is in flight, what finished today, how fast, and how many stories made it. */
export function OverviewView() {
  const trpc = useTRPC();
  const { data, error, dataUpdatedAt } = useQuery(
    trpc.admin.overview.get.queryOptions(undefined, { refetchInterval: REFRESH_MS }),
  );
  if (error) return <p role="alert">Could not load the overview: {error.message}</p>;
  if (!data) return <p aria-busy="true">Loading…</p>;
  const { states, timings, stories, queues, throughput } = data;
  const jobsLink = (state: string) => `/admin/jobs?state=${state}`;
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-gray-700" aria-live="polite">
        Updated {new Date(dataUpdatedAt).toLocaleTimeString()} · refreshes every {REFRESH_MS / 1000} s · about{' '}
        {data.historyEstimate.toLocaleString()} downloads in history
      </p>

      <section aria-labelledby="in-flight" className="flex flex-col gap-2">
        <h2 id="in-flight" className="text-lg font-semibold">
          In flight now
        </h2>
        <dl className="grid grid-cols-3 gap-3">
          <StatCard
            label="Queued"
            value={states.active.queued}
            testId="count-queued"
            href={jobsLink('queued')}
          />
          <StatCard
            label="Resolving"
            value={states.active.resolving}
            testId="count-resolving"
            href={jobsLink('resolving')}
          />
          <StatCard
            label="Downloading"
            value={states.active.downloading}
            testId="count-downloading"
            href={jobsLink('downloading')}
          />
        </dl>
      </section>

      <section aria-labelledby="finished" className="flex flex-col gap-2">
        <h2 id="finished" className="text-lg font-semibold">
          Finished in the last 24 hours
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <StatCard
            label="Done"
            value={states.finished.done}
            testId="count-done"
            tone="good"
            href={jobsLink('done')}
          />
          <StatCard
            label="Failed"
            value={states.finished.failed}
            testId="count-failed"
            tone={states.finished.failed > 0 ? 'bad' : 'plain'}
            href={jobsLink('failed')}
          />
          <StatCard
            label="Expired"
            value={states.finished.expired}
            testId="count-expired"
            tone={states.finished.expired > 0 ? 'warn' : 'plain'}
            href={jobsLink('expired')}
          />
          <StatCard
            label="Canceled"
            value={states.finished.canceled}
            testId="count-canceled"
            href={jobsLink('canceled')}
          />
        </dl>
      </section>

      <section aria-labelledby="throughput" className="flex flex-col gap-2">
        <h2 id="throughput" className="text-lg font-semibold">
          Throughput
        </h2>
        <div className="grid gap-3 lg:grid-cols-2">
          <ThroughputChart title="Per minute, last hour" points={throughput.perMinute} bucket="minute" />
          <ThroughputChart title="Per hour, last day" points={throughput.perHour} bucket="hour" />
        </div>
      </section>

      <section aria-labelledby="speed" className="flex flex-col gap-2">
        <h2 id="speed" className="text-lg font-semibold">
          Speed and deadlines (last 24 hours)
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          <StatCard
            label="Wait p50"
            value={formatSeconds(timings.waitSeconds.p50)}
            hint="submitted → started"
          />
          <StatCard
            label="Wait p95"
            value={formatSeconds(timings.waitSeconds.p95)}
            hint="includes retry back-off"
          />
          <StatCard label="Run p50" value={formatSeconds(timings.runSeconds.p50)} hint="started → finished" />
          <StatCard
            label="Run p95"
            value={formatSeconds(timings.runSeconds.p95)}
            hint={`${timings.sample} jobs`}
          />
          <StatCard
            label="Stories saved in time"
            value={stories.share === null ? '—' : `${Math.round(stories.share * 1000) / 10}%`}
            hint={`${stories.captured} of ${stories.ended} that ended`}
            testId="story-share"
            tone={
              stories.share === null
                ? 'plain'
                : stories.share >= 0.99
                  ? 'good'
                  : stories.share >= 0.9
                    ? 'warn'
                    : 'bad'
            }
            href="/admin/stories"
          />
        </dl>
      </section>

      <section aria-labelledby="queues" className="flex flex-col gap-2">
        <h2 id="queues" className="text-lg font-semibold">
          pg-boss queues
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <TableHead
              columns={[
                'Queue',
                ...['Ready', 'Deferred', 'Active', 'Failed (kept)', 'Total kept'].map((title) => ({
                  title,
                  numeric: true,
                })),
                'Counted',
              ]}
            />
            <tbody>
              {queues.map((queue) => (
                <tr key={queue.name} className="border-b border-gray-100">
                  <th scope="row" className="py-2 pr-3 font-mono font-medium">
                    {queue.name}
                  </th>
                  <td className="py-2 pr-3 text-right tabular-nums">{queue.ready}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{queue.deferred}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{queue.active}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{queue.failed}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{queue.total}</td>
                  <td className="py-2 text-gray-700">{formatTime(queue.countedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-xs text-gray-600">
          pg-boss&apos;s own counts, cached by the worker&apos;s monitor; the numbers above come from the
          download history.
        </p>
      </section>
    </div>
  );
}
