'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import { useDebouncedValue } from '../dashboard/use-debounced-value.ts';
import { readableLink } from '../downloads/readable-link.ts';
import { buttonStyles } from '../ui/button-styles.ts';
import { LoadMoreButton } from '../ui/load-more-button.tsx';
import { TableHead } from '../ui/table-head.tsx';
import { formatTime } from './format.ts';
import { EMPTY_JOB_FILTER, type JobFilterForm, JobFilters, toJobFilter } from './job-filters.tsx';
import { JobStateBadge } from './job-state-badge.tsx';
import { REFRESH_MS } from './refresh.ts';
import { type JobActionName, useJobActions } from './use-job-actions.ts';

const PAGE_SIZE = 50;
const ACTIONS: { name: JobActionName; label: string; style: string }[] = [
  { name: 'retry', label: 'Retry', style: buttonStyles.small },
  { name: 'cancel', label: 'Cancel', style: buttonStyles.small },
  { name: 'delete', label: 'Delete', style: buttonStyles.small },
];

/** Every user's jobs: search and filter, select some or act on all matching, newest first. */
export function JobsView({ initial }: { initial: Partial<JobFilterForm> }) {
  const trpc = useTRPC();
  const [form, setForm] = useState<JobFilterForm>({ ...EMPTY_JOB_FILTER, ...initial });
  const debounced = useDebouncedValue(form, 300);
  const filter = useMemo(() => toJobFilter(debounced), [debounced]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const actions = useJobActions();
  const pages = useInfiniteQuery(
    trpc.admin.jobs.list.infiniteQueryOptions(
      { filter, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: REFRESH_MS },
    ),
  );
  const jobs = pages.data?.pages.flatMap((page) => page.jobs) ?? [];
  const visibleSelected = jobs.filter((job) => selected.has(job.id)).map((job) => job.id);

  const onSelected = async (action: JobActionName) => {
    if (visibleSelected.length === 0) return;
    if (action === 'delete' && !window.confirm(`Delete ${visibleSelected.length} job(s) and their files?`))
      return;
    await actions.run(action, { ids: visibleSelected });
    setSelected(new Set());
  };
  const onMatching = async (action: JobActionName) => {
    if (!window.confirm(`${action[0]?.toUpperCase()}${action.slice(1)} every job matching these filters?`))
      return;
    await actions.run(action, { filter });
    setSelected(new Set());
  };

  return (
    <div className="flex flex-col gap-4">
      <JobFilters
        value={form}
        onChange={(next) => {
          setForm(next);
          setSelected(new Set());
        }}
      />
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Job actions">
        <span className="text-sm font-medium">Selected ({visibleSelected.length}):</span>
        {ACTIONS.map((action) => (
          <button
            key={action.name}
            type="button"
            className={action.style}
            disabled={visibleSelected.length === 0 || actions.pending !== null}
            onClick={() => onSelected(action.name)}
          >
            {action.label} selected
          </button>
        ))}
        <span className="ml-2 text-sm font-medium">All matching:</span>
        {ACTIONS.map((action) => (
          <button
            key={action.name}
            type="button"
            className={action.style}
            disabled={actions.pending !== null}
            onClick={() => onMatching(action.name)}
          >
            {action.label} all matching
          </button>
        ))}
      </div>
      {actions.pending ? (
        <p aria-live="polite" className="text-sm">
          Working…
        </p>
      ) : null}
      {actions.message ? (
        <p
          role={actions.message.error ? 'alert' : 'status'}
          className={`rounded-lg p-3 text-sm ${actions.message.error ? 'bg-red-50 text-red-900' : 'bg-green-50 text-green-900'}`}
        >
          {actions.message.text}
        </p>
      ) : null}
      {pages.error ? <p role="alert">Could not load the jobs: {pages.error.message}</p> : null}
      {/* One line per job: cells do not wrap; a long link is cut with an ellipsis (full link in its title). */}
      <div className="overflow-x-auto">
        <table className="w-full whitespace-nowrap text-left text-sm">
          <TableHead
            leading={
              <th scope="col" className="py-2 pr-2">
                <input
                  type="checkbox"
                  aria-label="Select every job shown"
                  checked={jobs.length > 0 && visibleSelected.length === jobs.length}
                  onChange={(event) =>
                    setSelected(event.target.checked ? new Set(jobs.map((j) => j.id)) : new Set())
                  }
                />
              </th>
            }
            columns={['State', 'Created', 'User', 'Link', 'Kind', 'Attempts', 'Failure', 'Finished']}
          />
          <tbody>
            {jobs.map((job) => (
              <tr
                key={job.id}
                className="border-b border-gray-100 align-top"
                data-testid="job-row"
                data-state={job.state}
              >
                <td className="py-2 pr-2">
                  <input
                    type="checkbox"
                    aria-label={`Select ${job.canonicalUrl}`}
                    checked={selected.has(job.id)}
                    onChange={(event) => {
                      const next = new Set(selected);
                      if (event.target.checked) next.add(job.id);
                      else next.delete(job.id);
                      setSelected(next);
                    }}
                  />
                </td>
                <td className="py-2 pr-3">
                  <JobStateBadge state={job.state} />
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">{formatTime(job.createdAt)}</td>
                <td className="max-w-40 truncate py-2 pr-3" title={job.userEmail}>
                  {job.userEmail}
                </td>
                <td className="py-2 pr-3">
                  <Link
                    href={`/admin/jobs/${job.id}`}
                    title={job.canonicalUrl}
                    className="block max-w-48 truncate underline underline-offset-4 sm:max-w-72"
                  >
                    {readableLink(job.canonicalUrl)}
                  </Link>
                </td>
                <td className="py-2 pr-3">{job.kind ?? '—'}</td>
                <td className="py-2 pr-3 tabular-nums">{job.attempts}</td>
                <td className="max-w-56 py-2 pr-3">
                  {job.failureCode ? (
                    <>
                      <span className="font-mono">{job.failureCode}</span>
                      {job.failureMessage ? (
                        <span className="block truncate text-xs text-gray-600" title={job.failureMessage}>
                          {job.failureMessage}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">{formatTime(job.finishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!pages.isPending && jobs.length === 0 ? (
        <p className="rounded-xl border border-gray-200 p-6 text-center text-gray-700">No job matches.</p>
      ) : null}
      <LoadMoreButton pages={pages} label="Load older jobs" />
    </div>
  );
}
