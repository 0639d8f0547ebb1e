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
    queue: { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 },
  },
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['schema']>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** Parses a payload for a queue; throws a ZodError naming the bad field. */
export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return JOBS[name].schema.parse(data) as JobPayload<N>;
}
