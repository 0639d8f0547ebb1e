import { Prisma } from '@tiksavr/db';
import {
  DOWNLOAD_DTO_WATCH_SQL,
  type DownloadDto,
  type DownloadDtoRow,
  toDownloadDto,
} from '../../downloads/download-dto.ts';
import {
  DOWNLOAD_FILES_SQL,
  type DownloadFilesRow,
  type DownloadFilesSummary,
  downloadFilesSummary,
} from '../../downloads/download-files-summary.ts';
import { decodeHistoryCursor, encodeHistoryCursor } from '../../downloads/history-cursor.ts';
import { containsPattern } from '../../downloads/search-text.ts';
import type { UserContext } from '../../trpc.ts';
import type { HistoryQueryParsed } from './downloads.schema.ts';

/** A history card: the download plus its thumbnail and main file, so no card needs a second request. */
export type DownloadListItem = DownloadDto & DownloadFilesSummary;
export type HistoryPage = { items: DownloadListItem[]; nextCursor: string | null };

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A timestamp parameter compared with a `timestamp(3)` column, which Prisma fills with UTC:
 * cast explicitly so the session's TimeZone setting never shifts the bound.
 */
function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

function asList<T>(value: T | T[] | undefined): T[] | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value : [value];
}

/**
 * One page of the user's history, newest first. Keyset pagination on (createdAt, id) walks the
 * `Download_userId_createdAt_id_idx` index; `q` is a substring match on `searchText`, served by its
 * trigram index when the user's own rows are many. Raw SQL because Prisma's `contains` neither lets
 * us escape `%`/`_` portably nor express the row comparison of the keyset.
 */
export async function listDownloads(ctx: UserContext, input: HistoryQueryParsed): Promise<HistoryPage> {
  const conditions: Prisma.Sql[] = [Prisma.sql`"userId" = ${ctx.user.id}`];
  if (input.cursor) {
    const position = decodeHistoryCursor(input.cursor);
    // A cursor that was not ours reads as "from the start": harmless, and never another user's rows.
    if (position) {
      conditions.push(Prisma.sql`("createdAt", "id") < (${utc(position.createdAt)}, ${position.id}::uuid)`);
    }
  }
  const states = asList(input.state);
  // Cast to the enum array (not `state::text IN`) so the planner's row estimates stay right.
  if (states) conditions.push(Prisma.sql`"state" = ANY(${states}::"DownloadState"[])`);
  const kinds = asList(input.kind);
  if (kinds) conditions.push(Prisma.sql`"kind" = ANY(${kinds}::"ItemKind"[])`);
  if (input.from) conditions.push(Prisma.sql`"createdAt" >= ${utc(new Date(input.from))}`);
  if (input.to) {
    conditions.push(
      DATE_ONLY.test(input.to)
        ? Prisma.sql`"createdAt" < ${utc(new Date(new Date(input.to).getTime() + DAY_MS))}`
        : Prisma.sql`"createdAt" <= ${utc(new Date(input.to))}`,
    );
  }
  if (input.q) conditions.push(Prisma.sql`"searchText" ILIKE ${containsPattern(input.q)}`);

  const rows = await ctx.db.$queryRaw<(DownloadDtoRow & DownloadFilesRow)[]>`
    SELECT "id", "inputUrl", "canonicalUrl", "itemId", "kind", "state", "failureCode", "failureMessage",
           "author", "caption", "storyDeadline", "bytesDone", "bytesTotal", "attempts",
           "createdAt", "startedAt", "finishedAt", "pinnedAt", ${Prisma.raw(DOWNLOAD_DTO_WATCH_SQL)},
           ${Prisma.raw(DOWNLOAD_FILES_SQL)}
    FROM "Download"
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY "createdAt" DESC, "id" DESC
    LIMIT ${input.limit + 1}`;

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...toDownloadDto(row), ...downloadFilesSummary(row) })),
    nextCursor: rows.length > input.limit && last ? encodeHistoryCursor(last) : null,
  };
}
