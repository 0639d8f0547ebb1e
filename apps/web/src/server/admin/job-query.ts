import { type Db, Prisma } from '@tiksavr/db';
import { decodeHistoryCursor, type HistoryPosition } from '../downloads/history-cursor.ts';
import { JOB_STATES, type JobFilter } from '../routers/admin/jobs/jobs.schema.ts';

type JobState = (typeof JOB_STATES)[number];

/**
 * A job filter turned into SQL. `selective` filters (a user, an item, a URL, an id) are answered by
 * their own index; the others walk the (state, createdAt) index once per state, newest first, and
 * merge, so a page never sorts the whole history.
 */
export type ResolvedJobFilter = {
  states: JobState[];
  conditions: Prisma.Sql[];
  selective: boolean;
  /** Nothing can match (e.g. no user has that email). */
  none: boolean;
};

export type JobRow = {
  id: string;
  state: JobState;
  kind: string | null;
  inputUrl: string;
  canonicalUrl: string;
  itemId: string | null;
  userId: string;
  userEmail: string;
  failureCode: string | null;
  failureMessage: string | null;
  attempts: number;
  priority: number;
  storyDeadline: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  jobId: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_EMAIL_MATCHES = 100;

/** `text` as a LIKE pattern that matches it literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function resolveJobFilter(db: Db, filter: JobFilter, onlyStates?: readonly JobState[]) {
  const wanted = filter.states && filter.states.length > 0 ? filter.states : [...JOB_STATES];
  const states = onlyStates ? wanted.filter((state) => onlyStates.includes(state)) : wanted;
  const conditions: Prisma.Sql[] = [];
  let selective = false;
  let none = states.length === 0;

  if (filter.kind) conditions.push(Prisma.sql`d.kind = ${filter.kind}::"ItemKind"`);
  if (filter.failureCode) conditions.push(Prisma.sql`d."failureCode" = ${filter.failureCode}`);
  if (filter.from) conditions.push(Prisma.sql`d."createdAt" >= ${new Date(filter.from)}`);
  if (filter.to) conditions.push(Prisma.sql`d."createdAt" < ${new Date(filter.to)}`);

  const search = filter.search;
  if (search) {
    const text = search.text.trim();
    if (search.by === 'email') {
      const users = await db.$queryRaw<{ id: string }[]>`
        SELECT id FROM "user" WHERE lower(email) LIKE ${`${likeLiteral(text.toLowerCase())}%`}
        ORDER BY email LIMIT ${MAX_EMAIL_MATCHES}`;
      if (users.length === 0) none = true;
      conditions.push(Prisma.sql`d."userId" = ANY(${users.map((user) => user.id)}::text[])`);
      selective = true;
    } else if (search.by === 'item') {
      conditions.push(Prisma.sql`d."itemId" = ${text}`);
      selective = true;
    } else if (search.by === 'url') {
      // searchText holds the lower-cased URLs (and caption/author) and has a trigram index.
      conditions.push(Prisma.sql`d."searchText" LIKE ${`%${likeLiteral(text.toLowerCase())}%`}`);
      selective = true;
    } else if (search.by === 'id') {
      if (!UUID.test(text)) none = true;
      // A download id, or the id of a pg-boss job whose payload names the download.
      const id = UUID.test(text) ? text : '00000000-0000-0000-0000-000000000000';
      conditions.push(
        Prisma.sql`d.id = ANY(ARRAY[${id}::uuid, (SELECT (j.data->>'downloadId')::uuid FROM pgboss.job j WHERE j.name = 'media.download' AND j.id = ${id}::uuid)])`,
      );
      selective = true;
    } else {
      // Trigram-indexed; failure codes have their own exact filter (`failureCode`).
      conditions.push(Prisma.sql`d."failureMessage" ILIKE ${`%${likeLiteral(text)}%`}`);
      selective = text.length >= 3;
    }
  }
  return { states, conditions, selective, none } satisfies ResolvedJobFilter;
}

function keysetCondition(after: HistoryPosition | null): Prisma.Sql {
  if (!after) return Prisma.sql`TRUE`;
  return Prisma.sql`d."createdAt" <= ${after.createdAt} AND (d."createdAt", d.id) < (${after.createdAt}, ${after.id}::uuid)`;
}

const COLUMNS = Prisma.sql`d.id::text AS id, d.state::text AS state, d.kind::text AS kind, d."inputUrl", d."canonicalUrl",
  d."itemId", d."userId", u.email AS "userEmail", d."failureCode", d."failureMessage", d.attempts, d.priority,
  d."storyDeadline", d."createdAt", d."startedAt", d."finishedAt", d."jobId"::text AS "jobId"`;

/** One page of jobs matching the filter, newest first, after the keyset position `after`. */
export async function findJobs(
  db: Db,
  filter: ResolvedJobFilter,
  after: HistoryPosition | null,
  limit: number,
): Promise<JobRow[]> {
  if (filter.none) return [];
  const where = Prisma.join([...filter.conditions, keysetCondition(after)], ' AND ');
  if (filter.selective) {
    return db.$queryRaw<JobRow[]>`
      SELECT ${COLUMNS} FROM "Download" d JOIN "user" u ON u.id = d."userId"
      WHERE d.state = ANY(${filter.states}::"DownloadState"[]) AND ${where}
      ORDER BY d."createdAt" DESC, d.id DESC LIMIT ${limit}`;
  }
  const branches = filter.states.map(
    (state) => Prisma.sql`(SELECT d.* FROM "Download" d WHERE d.state = ${state}::"DownloadState" AND ${where}
      ORDER BY d."createdAt" DESC, d.id DESC LIMIT ${limit})`,
  );
  return db.$queryRaw<JobRow[]>`
    SELECT ${COLUMNS} FROM (${Prisma.join(branches, ' UNION ALL ')}) d JOIN "user" u ON u.id = d."userId"
    ORDER BY d."createdAt" DESC, d.id DESC LIMIT ${limit}`;
}

/** The keyset position in a cursor; a cursor that is not ours reads as "from the start". */
export function positionOf(cursor: string | null | undefined): HistoryPosition | null {
  return cursor ? decodeHistoryCursor(cursor) : null;
}

/** One Download by id, in the list's shape, or null. */
export async function findJobById(db: Db, id: string): Promise<JobRow | null> {
  const [row] = await db.$queryRaw<JobRow[]>`
    SELECT ${COLUMNS} FROM "Download" d JOIN "user" u ON u.id = d."userId" WHERE d.id = ${id}::uuid`;
  return row ?? null;
}
