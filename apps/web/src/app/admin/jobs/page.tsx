import type { Metadata } from 'next';
import { JobsView } from '../../../components/admin/jobs-view.tsx';
import { requireAdmin } from '../../../server/admin/require-admin.ts';
import { JOB_STATES } from '../../../server/routers/admin/jobs/jobs.schema.ts';

export const metadata: Metadata = { title: 'Jobs — TikSavr admin' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `?state=failed` (from the overview's counts) pre-selects a state. */
export default async function AdminJobsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const params = await searchParams;
  const wanted = [params.state].flat().filter((s): s is string => typeof s === 'string');
  const states = JOB_STATES.filter((state) => wanted.includes(state));
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Jobs</h1>
      <JobsView initial={{ states }} />
    </>
  );
}
