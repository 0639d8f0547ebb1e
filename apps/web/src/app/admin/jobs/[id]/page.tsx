import { notFound } from 'next/navigation';
import { JobDetailView } from '../../../../components/admin/job-detail-view.tsx';
import { requireAdmin } from '../../../../server/admin/require-admin.ts';
import { JobIdSchema } from '../../../../server/routers/admin/jobs/jobs.schema.ts';

export default async function AdminJobPage({ params }: { params: Promise<{ id: string }> }) {
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
