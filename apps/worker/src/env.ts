import { resolve } from 'node:path';
import { checkStorageEnv, STORAGE_ENV, type StorageConfig, storageConfigFrom } from '@tiksavr/storage';
import { z } from 'zod';
import { loadNotifyConfig, type NotifyConfig } from './jobs/notify/notify-config.ts';

/** The worker's configuration: read once at start-up; a bad value stops start-up naming the variable. */
const EnvSchema = z
  .object({
    DATABASE_URL: z.url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
    DATA_DIR: z.string().min(1).default('.data'),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /** `media.identify` jobs at once (short links: what is it, is it a story?), in slots of their own beside the downloads. */
    WORKER_IDENTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    WORKER_HEARTBEAT_SECONDS: z.coerce.number().min(1).max(60).default(5),
    WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(20),
    /** Points the resolver at a TikTok simulator (e.g. http://127.0.0.1:4010) instead of tiktok.com. */
    TIKTOK_ORIGIN: z.url().optional(),
    MAX_MEDIA_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(1024 * 1024 * 1024),
    /** Tries of a retryable failure (network, 5xx, 429, expired media URL…) before it fails for good. */
    WORKER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
    /** Backoff before retry n is about base × 2^(n−1) seconds (with jitter), at most WORKER_RETRY_MAX_SECONDS. */
    WORKER_RETRY_BASE_SECONDS: z.coerce.number().min(0).max(3600).default(10),
    WORKER_RETRY_MAX_SECONDS: z.coerce.number().min(0).max(86_400).default(900),
    /** A running job whose pg-boss heartbeat is older than this belongs to a dead worker. */
    WORKER_STALE_JOB_SECONDS: z.coerce.number().min(5).max(3600).default(40),
    /**
     * New jobs start at once (LISTEN/NOTIFY); this poll only wakes delayed jobs (retries with
     * backoff) whose start time has come. pg-boss's default with notify is 30 s.
     */
    WORKER_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
    /** How often each worker looks for downloads whose job was lost. */
    WORKER_SWEEP_SECONDS: z.coerce.number().min(1).max(3600).default(15),
    /** Temp/partial files untouched this long are removed at start. */
    WORKER_TEMP_MAX_AGE_SECONDS: z.coerce
      .number()
      .min(0)
      .default(6 * 3600),
    /** Connect/headers timeout and longest silence inside a media body. */
    WORKER_MEDIA_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(30),
    /**
     * How media bytes are fetched: `curl` (a curl child process writes the file; fastest), `node`
     * (node:http), or `auto`: curl when it can be run, else node.
     */
    WORKER_TRANSFER: z.enum(['auto', 'curl', 'node']).default('auto'),
    /** The curl program for WORKER_TRANSFER=curl|auto. */
    CURL_PATH: z.string().min(1).default('curl'),
    /** Files from this size up go through curl, smaller ones through node:http (no process start). */
    WORKER_CURL_MIN_BYTES: z.coerce
      .number()
      .int()
      .min(0)
      .default(8 * 1024 * 1024),
    WORKER_PROGRESS_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Creator checks running at once in this worker (their own slots, apart from downloads). */
    WORKER_WATCH_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    /** Minutes between checks of a watched creator, unless the admin setting `watch.defaultIntervalSeconds` says otherwise. */
    WATCH_INTERVAL_MINUTES: z.coerce
      .number()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
    /** The shortest interval a watch may ask for, unless the admin setting `watch.minIntervalSeconds` says otherwise. */
    WATCH_MIN_INTERVAL_MINUTES: z.coerce
      .number()
      .min(1)
      .max(7 * 24 * 60)
      .default(15),
    /** The politeness budget toward TikTok (pages + web API, every worker together), unless the admin setting `upstream.requestsPerMinute` says otherwise. */
    TIKTOK_REQUESTS_PER_MINUTE: z.coerce.number().min(0.1).max(6000).default(20),
    /** Where media files are kept: STORAGE_URL and S3_* (see packages/storage/src/storage-config.ts). */
    ...STORAGE_ENV,
  })
  .superRefine(checkStorageEnv);

export type WorkerConfig = {
  databaseUrl: string;
  dataDir: string;
  mediaDir: string;
  /** The media store: `<DATA_DIR>/media` unless STORAGE_URL names another (partial files stay in `<DATA_DIR>/tmp` for S3). */
  storage: StorageConfig;
  concurrency: number;
  identifyConcurrency: number;
  heartbeatSeconds: number;
  shutdownGraceSeconds: number;
  tiktokOrigin: string | undefined;
  maxMediaBytes: number;
  maxAttempts: number;
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  pollSeconds: number;
  staleJobSeconds: number;
  sweepSeconds: number;
  tempMaxAgeSeconds: number;
  mediaTimeoutSeconds: number;
  transfer: 'auto' | 'curl' | 'node';
  curlPath: string;
  curlMinBytes: number;
  progressIntervalMs: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  watchConcurrency: number;
  watchIntervalSeconds: number;
  watchMinIntervalSeconds: number;
  tiktokRequestsPerMinute: number;
  /** Web Push and webhooks when a save ends: PUBLIC_URL, VAPID_*, WEBHOOKS_ALLOW_PRIVATE_TARGETS (jobs/notify/notify-config.ts). */
  notify: NotifyConfig;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid worker configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    mediaDir: resolve(dataDir, 'media'),
    storage: storageConfigFrom(e, dataDir),
    concurrency: e.WORKER_CONCURRENCY,
    identifyConcurrency: e.WORKER_IDENTIFY_CONCURRENCY,
    heartbeatSeconds: e.WORKER_HEARTBEAT_SECONDS,
    shutdownGraceSeconds: e.WORKER_SHUTDOWN_GRACE_SECONDS,
    tiktokOrigin: e.TIKTOK_ORIGIN,
    maxMediaBytes: e.MAX_MEDIA_BYTES,
    maxAttempts: e.WORKER_MAX_ATTEMPTS,
    retryBaseSeconds: e.WORKER_RETRY_BASE_SECONDS,
    retryMaxSeconds: e.WORKER_RETRY_MAX_SECONDS,
    pollSeconds: e.WORKER_POLL_SECONDS,
    staleJobSeconds: e.WORKER_STALE_JOB_SECONDS,
    sweepSeconds: e.WORKER_SWEEP_SECONDS,
    tempMaxAgeSeconds: e.WORKER_TEMP_MAX_AGE_SECONDS,
    mediaTimeoutSeconds: e.WORKER_MEDIA_TIMEOUT_SECONDS,
    transfer: e.WORKER_TRANSFER,
    curlPath: e.CURL_PATH,
    curlMinBytes: e.WORKER_CURL_MIN_BYTES,
    progressIntervalMs: e.WORKER_PROGRESS_INTERVAL_MS,
    logLevel: e.LOG_LEVEL,
    watchConcurrency: e.WORKER_WATCH_CONCURRENCY,
    watchIntervalSeconds: Math.round(e.WATCH_INTERVAL_MINUTES * 60),
    watchMinIntervalSeconds: Math.round(e.WATCH_MIN_INTERVAL_MINUTES * 60),
    tiktokRequestsPerMinute: e.TIKTOK_REQUESTS_PER_MINUTE,
    notify: loadNotifyConfig(env),
  };
}
