import { resolve } from 'node:path';
import { z } from 'zod';

/** The worker's configuration: read once at start-up; a bad value stops start-up naming the variable. */
const EnvSchema = z.object({
  DATABASE_URL: z.url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
  DATA_DIR: z.string().min(1).default('.data'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  WORKER_HEARTBEAT_SECONDS: z.coerce.number().min(1).max(60).default(5),
  WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(20),
  /** Points the resolver at a TikTok simulator (e.g. http://127.0.0.1:4010) instead of tiktok.com. */
  TIKTOK_ORIGIN: z.url().optional(),
  MAX_MEDIA_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type WorkerConfig = {
  databaseUrl: string;
  dataDir: string;
  mediaDir: string;
  concurrency: number;
  heartbeatSeconds: number;
  shutdownGraceSeconds: number;
  tiktokOrigin: string | undefined;
  maxMediaBytes: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
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
    concurrency: e.WORKER_CONCURRENCY,
    heartbeatSeconds: e.WORKER_HEARTBEAT_SECONDS,
    shutdownGraceSeconds: e.WORKER_SHUTDOWN_GRACE_SECONDS,
    tiktokOrigin: e.TIKTOK_ORIGIN,
    maxMediaBytes: e.MAX_MEDIA_BYTES,
    logLevel: e.LOG_LEVEL,
  };
}
