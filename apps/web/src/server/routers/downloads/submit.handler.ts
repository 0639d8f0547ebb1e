import { randomUUID } from 'node:crypto';
import { AppError, JOBS } from '@tiksavr/core';
import { insertDownloadsWithJobs, type NewDownloadWithJob } from '@tiksavr/db';
import { MAX_LINKS_PER_SUBMIT, type PrecheckResult, precheckLinks } from '../../../lib/precheck.ts';
import { downloadSearchText } from '../../downloads/search-text.ts';
import type { UserContext } from '../../trpc.ts';
import { type SubmitRoom, submitRoom } from '../../usage/submit-room.ts';
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
 * (which wait for no deadline). Its first job is `media.identify`, in worker slots of its own: it
 * says what the link is (kind, author, story deadline) while the download still waits, and hands
 * over to a `media.download` job with the priority the real deadline gives.
 */
const PRIORITY_SHORT_LINK = 1;
const PRIORITY_POST = 0;

type Accepted = { link: PrecheckResult; downloadId: string; jobId: string; priority: number };

/**
 * Turns pasted text into Downloads: every accepted link gets a Download row and its first job
 * (`media.download` for a post link, `media.identify` for a short link), all committed in one
 * transaction (one batched statement for the rows, one per queue for the jobs, whatever the
 * number of links), so there is never a row without a job or a job without a row. Rejected links
 * get their own result with the reason and take nothing else down with them.
 */
export async function submitLinks(
  ctx: UserContext,
  input: PastedText,
  /** Where the text came from: the paste box (default) or the HTTP API. */
  options: { origin?: 'paste' | 'api' } = {},
): Promise<{ results: SubmitResult[] }> {
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

  // The person's item limit (and a full storage) may take only the first links, or none.
  let room: SubmitRoom = { admit: accepted.length, refusal: null };
  if (accepted.length > 0) {
    const boss = await ctx.boss();
    const entries: NewDownloadWithJob[] = accepted.map(({ link, downloadId, jobId, priority }) => {
      const canonicalUrl = link.canonicalUrl ?? link.input;
      return {
        queue: link.kind === 'short_link' ? 'media.identify' : 'media.download',
        download: {
          id: downloadId,
          userId: ctx.user.id,
          inputUrl: link.input,
          canonicalUrl,
          // The Item row only exists once the worker resolved the post; until then kind says what the link says.
          kind: link.kind === 'video' || link.kind === 'photo' ? link.kind : null,
          searchText: downloadSearchText({ inputUrl: link.input, canonicalUrl }),
          priority,
          jobId,
          origin: options.origin ?? 'paste',
        },
      };
    });
    // Other open tabs of this user learn about the new rows; NOTIFY is delivered on commit.
    await ctx.db.$transaction(async (tx) => {
      room = await submitRoom(tx, ctx.user.id, entries.length);
      if (room.admit > 0) await insertDownloadsWithJobs(tx, boss, entries.slice(0, room.admit), JOBS);
    });
  }

  const idFor = new Map(accepted.slice(0, room.admit).map(({ link, downloadId }) => [link, downloadId]));
  const overQuota = room.refusal;
  return {
    results: links.map((link) =>
      link.ok && overQuota !== null && !idFor.has(link)
        ? { input: link.input, ok: false, reason: overQuota.reason, message: overQuota.message }
        : link.ok
          ? { input: link.input, ok: true, downloadId: idFor.get(link) }
          : { input: link.input, ok: false, reason: link.reason, message: link.message },
    ),
  };
}
