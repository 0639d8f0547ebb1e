'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC, useTRPCClient } from '../../lib/trpc.tsx';
import type { JobActionResult, JobTarget } from '../../server/routers/admin/jobs/jobs.schema.ts';

export type JobActionName = 'retry' | 'cancel' | 'delete';

const PAST: Record<JobActionName, string> = { retry: 'Retried', cancel: 'Canceled', delete: 'Deleted' };
/** A filter is worked through in calls of at most JOB_ACTION_MAX rows; this bounds the calls. */
const MAX_CALLS = 200;

/**
 * Runs retry / cancel / delete on ids or on a filter; for a filter it calls again while the server
 * says `more`, so "everything matching" really means everything, in bounded server-side batches.
 */
export function useJobActions() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<JobActionName | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function run(action: JobActionName, target: JobTarget): Promise<JobActionResult | null> {
    setPending(action);
    setMessage(null);
    const total: JobActionResult = { matched: 0, changed: 0, more: false };
    try {
      for (let call = 0; call < MAX_CALLS; call++) {
        const result = await client.admin.jobs[action].mutate(target);
        total.matched += result.matched;
        total.changed += result.changed;
        total.more = result.more;
        if (!result.more) break;
      }
      setMessage({
        text: `${PAST[action]} ${total.changed} of ${total.matched} matching job${total.matched === 1 ? '' : 's'}.`,
        error: false,
      });
      return total;
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
      return null;
    } finally {
      setPending(null);
      await queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
    }
  }

  return { run, pending, message };
}
