import type { Db } from '@tiksavr/db';
import { encodeHistoryCursor } from '../downloads/history-cursor.ts';
import type { JobListInput } from '../routers/admin/jobs/jobs.schema.ts';
import { findJobs, type JobRow, positionOf, resolveJobFilter } from './job-query.ts';

export type JobPage = { jobs: JobRow[]; nextCursor: string | null };

/** A page of every user's Downloads matching the filter, newest first (keyset pagination). */
export async function listJobs(db: Db, input: JobListInput): Promise<JobPage> {
  const filter = await resolveJobFilter(db, input.filter);
  const rows = await findJobs(db, filter, positionOf(input.cursor), input.limit + 1);
  const jobs = rows.slice(0, input.limit);
  const last = jobs.at(-1);
  return {
    jobs,
    nextCursor:
      rows.length > input.limit && last
        ? encodeHistoryCursor({ createdAt: last.createdAt, id: last.id })
        : null,
  };
}
