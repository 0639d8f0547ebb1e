'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.tsx';
import { TableHead } from '../ui/table-head.tsx';
import { formatSeconds, formatTime } from './format.ts';
import { REFRESH_MS } from './refresh.ts';

/** Every worker with a heartbeat: what it runs and when it last said so; silent ones are flagged. */
export function WorkersView() {
  const trpc = useTRPC();
  const { data, error } = useQuery(
    trpc.admin.workers.list.queryOptions(undefined, { refetchInterval: REFRESH_MS }),
  );
  if (error) return <p role="alert">Could not load the workers: {error.message}</p>;
  if (!data) return <p aria-busy="true">Loading…</p>;
  const { workers, staleAfterMs } = data;
  const live = workers.filter((worker) => !worker.stale);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-gray-700">
        <strong data-testid="live-workers">{live.length}</strong> live, {workers.length - live.length} stale
        (no heartbeat for more than {staleAfterMs / 1000} s). {live.reduce((sum, w) => sum + w.inFlight, 0)}{' '}
        of {live.reduce((sum, w) => sum + w.concurrency, 0)} job slots busy.
      </p>
      {workers.length === 0 ? (
        <p role="alert" className="rounded-xl border border-red-300 bg-red-50 p-6 text-center text-red-900">
          No worker is running: nothing will be downloaded until one starts.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <TableHead
              columns={[
                'Status',
                'Host',
                'PID',
                'Version',
                'Downloads with',
                'In flight',
                'Started',
                'Last heartbeat',
              ]}
            />
            <tbody>
              {workers.map((worker) => (
                <tr key={worker.id} className="border-b border-gray-100" data-testid="worker-row">
                  <td className="py-2 pr-3">
                    <span
                      className={`rounded-full px-2 py-0.5 text-xs font-semibold ${
                        worker.stale ? 'bg-red-100 text-red-900' : 'bg-green-50 text-green-900'
                      }`}
                    >
                      {worker.stale ? 'Stale' : 'Live'}
                    </span>
                  </td>
                  <td className="py-2 pr-3 font-mono">{worker.host}</td>
                  <td className="py-2 pr-3 tabular-nums">{worker.pid}</td>
                  <td className="py-2 pr-3 font-mono">{worker.version}</td>
                  <td
                    className={`py-2 pr-3 ${worker.transfer.startsWith('node:http only') ? 'text-amber-800' : ''}`}
                    title={
                      worker.transfer.startsWith('node:http only')
                        ? 'Large files download several times slower without curl.'
                        : undefined
                    }
                  >
                    {worker.transfer || '—'}
                  </td>
                  <td className="py-2 pr-3 tabular-nums">
                    {worker.inFlight} / {worker.concurrency}
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatTime(worker.startedAt)}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {formatSeconds(worker.silentForMs / 1000)} ago
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
