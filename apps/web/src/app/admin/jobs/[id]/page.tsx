import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JobDetailView } from '../../../../components/admin/job-detail-view.tsx';
import { requireAdmin } from '../../../../server/admin/require-admin.ts';
import { JobIdSchema } from '../../../../server/routers/admin/jobs/jobs.schema.ts';

type Params = Promise<{ id: string }>;

/** "Job 1a2b3c4d — TikSavr admin": the start of the download id tells tabs apart. */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const parsed = JobIdSchema.safeParse(await params);
  return {
    title: parsed.success ? `Job ${parsed.data.id.slice(0, 8)} — TikSavr admin` : 'Job — TikSavr admin',
  };
}

export default async function AdminJobPage({ params }: { params: Params }) {
  await requireAdmin();
  const parsed = JobIdSchema.safeParse(await params);
  if (!parsed.success) notFound();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Job</h1>
      <JobDetailView id={parsed.data.id} />
    </>
  );
}
