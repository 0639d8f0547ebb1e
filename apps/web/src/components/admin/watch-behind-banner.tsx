'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../../lib/trpc.tsx';
import { REFRESH_MS } from './refresh.ts';

/**
 * "Watch checks are falling behind by N min": shown on the admin overview and the watch page as
 * soon as the oldest due check of a watched creator is late by more than the threshold, so it is
 * never silent. Nothing while checks keep up.
 */
export function WatchBehindBanner({ linkToDetails = true }: { linkToDetails?: boolean }) {
  const trpc = useTRPC();
  const { data } = useQuery(
    trpc.admin.upstream.behind.queryOptions(undefined, { refetchInterval: REFRESH_MS * 5 }),
  );
  if (!data?.behind) return null;
  return (
    <div
      role="alert"
      className="rounded-xl border border-red-300 bg-red-50 px-4 py-3 text-red-900"
      data-testid="watch-behind"
    >
      <p className="font-semibold">Watch checks are falling behind by {data.behindByMinutes} min.</p>
      <p className="text-sm">
        {data.overdueCreators} watched {data.overdueCreators === 1 ? 'creator is' : 'creators are'} overdue
        for a check by more than {data.thresholdMinutes} min: the workers or the request budget toward TikTok
        cannot keep up with the watches. Start another worker, raise the requests per minute, or raise the
        check interval.
        {linkToDetails ? (
          <>
            {' '}
            <Link href="/admin/upstream" className="font-medium underline underline-offset-4">
              See watches and budget
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
