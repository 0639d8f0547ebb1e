import { randomUUID } from 'node:crypto';
import { AppError, JOBS, parseJobPayload } from '@tiksavr/core';
import { DOWNLOAD_EVENTS_CHANNEL, fromPrisma, type Prisma } from '@tiksavr/db';
import { MAX_LINKS_PER_SUBMIT, type PrecheckResult, precheckLinks } from '../../../lib/precheck.ts';
import { downloadSearchText } from '../../downloads/search-text.ts';
import type { UserContext } from '../../trpc.ts';
import type { PastedText } from './downloads.schema.ts';

export type SubmitResult = {
  input: string;
  ok: boolean;
  downloadId?: string;
  reason?: string;
  message?: string;
};

/**
 * A short link may be a story, whose 24 hours are already running, so it goes ahead of posts
 * (which wait for no deadline). The worker reorders by the real deadline once it knows one.
 */
const PRIORITY_SHORT_LINK = 1;
const PRIORITY_POST = 0;

type Accepted = { link: PrecheckResult; downloadId: string; jobId: string; priority: number };

/**
 * Turns pasted text into Downloads: every accepted link gets a Download row and a
 * `media.download` job, all committed in one transaction (two batched statements, whatever the
 * number of links), so there is never a row without a job or a job without a row. Rejected links
 * get their own result with the reason and take nothing else down with them.
 */
export async function submitLinks(ctx: UserContext, input: PastedText): Promise<{ results: SubmitResult[] }> {
  const links = precheckLinks(input.text);
  if (links.length > MAX_LINKS_PER_SUBMIT) {
    throw new AppError('too_many_links', `${links.length} links in one submit`, {
      detail: { count: links.length },
    });
  }
  const accepted: Accepted[] = links
    .filter((link) => link.ok)
    .map((link) => ({
      link,
      downloadId: randomUUID(),
      jobId: randomUUID(),
      priority: link.kind === 'short_link' ? PRIORITY_SHORT_LINK : PRIORITY_POST,
    }));

  if (accepted.length > 0) {
    const boss = await ctx.boss();
    const rows: Prisma.DownloadCreateManyInput[] = accepted.map(({ link, downloadId, jobId, priority }) => {
      const canonicalUrl = link.canonicalUrl ?? link.input;
      return {
        id: downloadId,
        userId: ctx.user.id,
        inputUrl: link.input,
        canonicalUrl,
        // The Item row only exists once the worker resolved the post; until then kind says what the link says.
        kind: link.kind === 'video' || link.kind === 'photo' ? link.kind : null,
        searchText: downloadSearchText({ inputUrl: link.input, canonicalUrl }),
        priority,
        jobId,
      };
    });
    const jobs = accepted.map(({ downloadId, jobId, priority }) => ({
      id: jobId,
      priority,
      data: parseJobPayload('media.download', { downloadId }),
      ...JOBS['media.download'].queue,
    }));
    const events = accepted.map(({ downloadId }) =>
      JSON.stringify({ downloadId, userId: ctx.user.id, state: 'queued' }),
    );
    await ctx.db.$transaction(async (tx) => {
      await tx.download.createMany({ data: rows });
      await boss.insert('media.download', jobs, { db: fromPrisma(tx) });
      // Other open tabs of this user learn about the new rows; NOTIFY is delivered on commit.
      await tx.$executeRaw`SELECT pg_notify(${DOWNLOAD_EVENTS_CHANNEL}, e) FROM unnest(${events}::text[]) AS e`;
    });
  }

  const idFor = new Map(accepted.map(({ link, downloadId }) => [link, downloadId]));
  return {
    results: links.map((link) =>
      link.ok
        ? { input: link.input, ok: true, downloadId: idFor.get(link) }
        : { input: link.input, ok: false, reason: link.reason, message: link.message },
    ),
  };
}
