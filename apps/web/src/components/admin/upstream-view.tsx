'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.tsx';
import { TableHead } from '../ui/table-head.tsx';
import { BudgetMinutesChart } from './budget-minutes-chart.tsx';
import { formatTime } from './format.ts';
import { REFRESH_MS } from './refresh.ts';
import { StatCard } from './stat-card.tsx';
import { UpstreamSettingsForm } from './upstream-settings-form.tsx';
import { WatchBehindBanner } from './watch-behind-banner.tsx';

/** What each budget purpose is, in words; the order is the order slots are given in. */
const PURPOSES: { purpose: string; words: string }[] = [
  { purpose: 'story', words: 'Stories (nearest deadline first)' },
  { purpose: 'identify', words: 'Identifying pasted short links' },
  { purpose: 'download', words: 'Downloads of posts' },
  { purpose: 'watch_check', words: 'Watch checks' },
];

function rate(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * How TikSavr treats TikTok: the one request budget all workers share (rate, slowdown after
 * TikTok pushed back, pause, who waits), requests sent per minute, whether watch checks keep up,
 * and the numbers an admin can change.
 */
export function UpstreamView() {
  const trpc = useTRPC();
  const { data, error } = useQuery(
    trpc.admin.upstream.get.queryOptions(undefined, { refetchInterval: REFRESH_MS }),
  );
  if (error) return <p role="alert">Could not load the budget: {error.message}</p>;
  if (!data) return <p aria-busy="true">Loading…</p>;
  const { budget, watches, config } = data;
  const waitingOf = (purpose: string) => budget.waiting.find((w) => w.purpose === purpose);
  const others = budget.waiting.filter((w) => !PURPOSES.some((p) => p.purpose === w.purpose));
  return (
    <div className="flex flex-col gap-6">
      <WatchBehindBanner linkToDetails={false} />

      <section aria-labelledby="budget-heading" className="flex flex-col gap-2">
        <h2 id="budget-heading" className="text-lg font-semibold">
          Request budget toward TikTok
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <StatCard
            label="Configured"
            value={`${rate(budget.requestsPerMinute)}/min`}
            hint={config.requestsPerMinute.source === 'setting' ? 'set here' : 'the default'}
            testId="budget-configured"
          />
          <StatCard
            label="In force now"
            value={`${rate(budget.effectiveRequestsPerMinute)}/min`}
            hint={budget.pausedUntil ? 'paused' : budget.slowdown > 1 ? 'slowed down' : 'full rate'}
            tone={budget.pausedUntil ? 'bad' : budget.slowdown > 1 ? 'warn' : 'good'}
            testId="budget-effective"
          />
          <StatCard
            label="Slowdown"
            value={`×${rate(budget.slowdown)}`}
            hint="halves after 10 quiet minutes"
            tone={budget.slowdown > 1 ? 'warn' : 'plain'}
          />
          <StatCard label="Sent, last hour" value={budget.grantedLastHour} hint="page and web API requests" />
        </dl>
        <p className="text-sm text-gray-800" data-testid="budget-pause">
          {budget.pausedUntil
            ? `Paused until ${formatTime(budget.pausedUntil)}: no request to TikTok starts before then.`
            : 'Not paused.'}{' '}
          {budget.lastPushback
            ? `Last pushback ${formatTime(budget.lastPushback.at)}: ${budget.lastPushback.words}.`
            : 'TikTok has not pushed back.'}
        </p>
      </section>

      <section aria-labelledby="waiting-heading" className="flex flex-col gap-2">
        <h2 id="waiting-heading" className="text-lg font-semibold">
          Waiting for a slot
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <TableHead columns={['What', { title: 'Waiting', numeric: true }, 'Waiting since']} />
            <tbody>
              {[...PURPOSES, ...others.map((w) => ({ purpose: w.purpose, words: w.purpose }))].map(
                ({ purpose, words }) => {
                  const waiting = waitingOf(purpose);
                  return (
                    <tr key={purpose} className="border-b border-gray-100">
                      <th scope="row" className="py-2 pr-3 font-medium">
                        {words}
                      </th>
                      <td className="py-2 pr-3 text-right tabular-nums">{waiting?.count ?? 0}</td>
                      <td className="py-2 text-gray-700">
                        {waiting ? formatTime(waiting.oldestSince) : '—'}
                      </td>
                    </tr>
                  );
                },
              )}
            </tbody>
          </table>
        </div>
      </section>

      <BudgetMinutesChart points={budget.lastHour} limit={budget.requestsPerMinute} />

      <section aria-labelledby="watches-heading" className="flex flex-col gap-2">
        <h2 id="watches-heading" className="text-lg font-semibold">
          Watches
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <StatCard label="Active watches" value={watches.active} testId="watches-active" />
          <StatCard label="Paused watches" value={watches.paused} />
          <StatCard label="Creators checked" value={watches.creators} hint="once per interval each" />
          <StatCard
            label="Checks late"
            value={watches.behind ? `${watches.behindByMinutes} min` : 'none'}
            hint={`${watches.overdueCreators} overdue · alert after ${watches.thresholdMinutes} min`}
            tone={watches.behind ? 'bad' : 'good'}
            testId="watches-behind"
          />
        </dl>
      </section>

      <UpstreamSettingsForm config={config} />
    </div>
  );
}
