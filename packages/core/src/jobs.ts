import { z } from 'zod';

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
