import type { Db, PgBoss } from '@tiksavr/db';
import type { Storage } from '@tiksavr/storage';
import { env } from '../../env.ts';
import { log } from '../logger.ts';
import { services } from '../services.ts';

/** What the API routes run on; the Next route files pass `apiDeps()`, tests may build their own. */
export type ApiDeps = {
  db: Db;
  boss: () => Promise<PgBoss>;
  storage: Storage;
  /** PUBLIC_URL without a trailing slash. */
  publicUrl: string;
  /** Requests per token per minute (default: API_REQUESTS_PER_MINUTE). */
  requestsPerMinute?: number;
  now?: () => Date;
  logError: (error: unknown, context: Record<string, unknown>) => void;
};

/** PUBLIC_URL without a trailing slash: where people (and their shortcuts) reach TikSavr. */
export function apiPublicUrl(): string {
  return env().PUBLIC_URL.replace(/\/+$/, '');
}

/** The production wiring: the shared services and PUBLIC_URL. */
export function apiDeps(): ApiDeps {
  const { db, boss, storage } = services();
  return {
    db,
    boss: () => boss,
    storage,
    publicUrl: apiPublicUrl(),
    logError: (error, context) => log().error({ err: error, ...context }, 'API request failed'),
  };
}
