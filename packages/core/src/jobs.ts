import { z } from 'zod';
import { NOTIFICATION_EVENTS } from './notify/notification-event.ts';

/**
 * Job contracts shared by the web app (producer) and the worker (consumer).
 * Payload changes stay additive; a breaking change gets a new queue name
 * (e.g. `media.download.v2`) because queued jobs outlive a deploy.
 * Queue options sit next to the schema; they are plain data so core stays free of pg-boss.
 */
export const JOBS = {
  'system.health': {
    schema: z.object({ probeId: z.uuid() }),
    queue: { retryLimit: 0, expireInSeconds: 60, deleteAfterSeconds: 3600 },
  },
  'media.download': {
    schema: z.object({ downloadId: z.uuid() }),
    // Retries of retryable failures are scheduled by the worker itself (it knows the failure
    // category and a story's deadline), so pg-boss only retries jobs whose worker died.
    // heartbeatSeconds: a running handler refreshes its job every 5 s; the worker's lost-job sweep
    // hands a download whose job stopped beating (a killed worker) to a new job.
    queue: {
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 15 * 60,
      heartbeatSeconds: 10,
    },
  },
  'media.identify': {
    // The fast first step for a short link (it may be a story whose 24 hours already run): says
    // what the link is (kind, author, story deadline) while the download still waits, then hands
    // the Download to a `media.download` job in the same transaction. Own worker slots, so it is
    // never stuck behind downloads.
    schema: z.object({ downloadId: z.uuid() }),
    queue: {
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 5 * 60,
      heartbeatSeconds: 10,
    },
  },
  'creator.check': {
    // One check of one watched creator: profile (when needed), story list, post list. `stately`
    // with singletonKey = creatorId: at most one check per creator waits and one runs.
    schema: z.object({
      creatorId: z.uuid(),
      reason: z.enum(['scheduled', 'new_watch', 'manual']),
    }),
    queue: {
      policy: 'stately',
      retryLimit: 2,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 10 * 60,
      heartbeatSeconds: 10,
    },
  },
  'watch.tick': {
    // Sent every minute by pg-boss's scheduler: enqueues the creator checks that fall due soon.
    schema: z.object({}).passthrough(),
    queue: { retryLimit: 0, expireInSeconds: 60, deleteAfterSeconds: 3600 },
  },
  'notify.deliver': {
    // One notification on one channel when a save ends: a Web Push message to one device
    // (subscriptionId) or one webhook delivery (deliveryId: the WebhookDelivery row that logs every
    // attempt). The handler throws on a failure another try may fix, so pg-boss retries with
    // backoff (waits of 30–60 s, 1–2, 2–4, 4–8 and 8–16 min: 16 to 31 min in all), then the
    // delivery is shown as failed.
    schema: z.object({
      channel: z.enum(['push', 'webhook']),
      event: z.enum(NOTIFICATION_EVENTS),
      /** Null only for a test message. */
      downloadId: z.uuid().nullable(),
      subscriptionId: z.uuid().optional(),
      deliveryId: z.uuid().optional(),
    }),
    queue: {
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 3600,
      expireInSeconds: 120,
      deleteAfterSeconds: 7 * 24 * 3600,
    },
  },
  'retention.sweep': {
    // Sent hourly by pg-boss's scheduler: the auto-delete of unpinned items past `retention.days`
    // and the stored-file sweep (crash leftovers, unreferenced objects). Any worker may take it.
    schema: z.object({}).passthrough(),
    queue: { retryLimit: 0, expireInSeconds: 30 * 60, deleteAfterSeconds: 24 * 3600 },
  },
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['schema']>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** Parses a payload for a queue; throws a ZodError naming the bad field. */
export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return JOBS[name].schema.parse(data) as JobPayload<N>;
}

/** pg-boss priority of an ordinary (non-story) download. */
export const DEFAULT_DOWNLOAD_PRIORITY = 0;
/** Stories get 1 + minutes of their 24 h already gone: the less time left, the sooner they run. */
const STORY_LIFETIME_MINUTES = 24 * 60;

/**
 * The pg-boss `priority` (higher runs first) of a `media.download` job. Every story outranks
 * every ordinary download; among stories, the one closest to its deadline runs first. Pure, so
 * the web app (first job) and the worker (retries) compute the same number.
 */
export function priorityFor(storyDeadline: Date | null | undefined, now: Date): number {
  if (storyDeadline == null) return DEFAULT_DOWNLOAD_PRIORITY;
  const minutesLeft = Math.floor((storyDeadline.getTime() - now.getTime()) / 60_000);
  const clamped = Math.min(STORY_LIFETIME_MINUTES, Math.max(0, minutesLeft));
  return 1 + STORY_LIFETIME_MINUTES - clamped;
}
