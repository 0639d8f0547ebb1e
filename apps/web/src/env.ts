import { resolve } from 'node:path';
import { allowPrivateTargetsFromEnv } from '@tiksavr/core';
import { checkStorageEnv, STORAGE_ENV, type StorageConfig, storageConfigFrom } from '@tiksavr/storage';
import { z } from 'zod';

/**
 * The web app's configuration, the only reader of process.env on the server. Parsed once; a bad
 * value stops start-up with a message naming the variable.
 */
const EnvSchema = z.object({
  DATABASE_URL: z.url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
  BETTER_AUTH_SECRET: z.string().min(32, 'BETTER_AUTH_SECRET must be at least 32 random characters'),
  /** The address people use to reach TikSavr, e.g. http://127.0.0.1:3000. */
  PUBLIC_URL: z.url().default('http://127.0.0.1:3000'),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Sign-in and sign-up attempts per minute from one address (brute-force guard). */
  AUTH_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Where media files are kept: STORAGE_URL and S3_* (see packages/storage/src/storage-config.ts). */
  ...STORAGE_ENV,
});
const CheckedEnvSchema = EnvSchema.superRefine(checkStorageEnv);

export type WebEnv = z.infer<typeof EnvSchema>;

let cached: WebEnv | null = null;

export function env(): WebEnv {
  if (cached) return cached;
  const parsed = CheckedEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid web configuration: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * Instance defaults for watching creators and for the request budget toward TikTok, read apart
 * from `env()` so code that only needs these (and tests) does not need the whole configuration.
 * The same variables and defaults as the worker's; an admin's Setting overrides each.
 */
const WatchEnvSchema = z.object({
  /** Requests per minute to TikTok's pages and web API, shared by every worker (the budget). */
  TIKTOK_REQUESTS_PER_MINUTE: z.coerce.number().min(0.1).max(6000).default(20),
  /** How often a watched creator is checked unless the admin changed it. */
  WATCH_INTERVAL_MINUTES: z.coerce
    .number()
    .positive()
    .max(7 * 24 * 60)
    .default(60),
  /** The floor below which no watch is ever checked more often. */
  WATCH_MIN_INTERVAL_MINUTES: z.coerce
    .number()
    .positive()
    .max(7 * 24 * 60)
    .default(15),
  /** How many creators one person may watch. */
  WATCHES_PER_USER_MAX: z.coerce.number().int().min(1).max(100_000).default(200),
});

export type WatchEnv = z.infer<typeof WatchEnvSchema>;

let cachedWatchEnv: WatchEnv | null = null;

export function watchEnv(): WatchEnv {
  if (cachedWatchEnv) return cachedWatchEnv;
  const parsed = WatchEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid web configuration: ${problems}`);
  }
  cachedWatchEnv = parsed.data;
  return cachedWatchEnv;
}

/**
 * The storage root (`@tiksavr/storage` keeps files under `<root>/media` and temp files under
 * `<root>/tmp`): DATA_DIR made absolute, the same derivation as the worker's.
 */
export function storageRoot(): string {
  return resolve(env().DATA_DIR);
}

/** The media store the worker writes to: `<DATA_DIR>/media` unless STORAGE_URL names another. */
export function storageConfig(): StorageConfig {
  return storageConfigFrom(env(), storageRoot());
}

/**
 * Notifications when a save ends: the VAPID public key browsers subscribe with (the worker holds
 * the private key and sends), and WEBHOOKS_ALLOW_PRIVATE_TARGETS, which when set overrides the
 * admin's `webhooks.allowPrivateTargets`. Read apart from `env()` and not cached: small, and tests
 * change it per case.
 */
const NotifyEnvSchema = z.object({
  VAPID_PUBLIC_KEY: z.string().trim().optional(),
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: z.string().optional(),
});

export type NotifyEnv = { vapidPublicKey: string | null; allowPrivateTargets: boolean | null };

export function notifyEnv(): NotifyEnv {
  const parsed = NotifyEnvSchema.parse(process.env);
  return {
    vapidPublicKey: parsed.VAPID_PUBLIC_KEY || null,
    allowPrivateTargets: allowPrivateTargetsFromEnv(parsed.WEBHOOKS_ALLOW_PRIVATE_TARGETS),
  };
}
