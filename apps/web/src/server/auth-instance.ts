import { env } from '../env.ts';
import { type Auth, createAuth } from './auth.ts';
import { services } from './services.ts';

const globalForAuth = globalThis as unknown as { tiksavrAuth?: Auth };

/** The app's one better-auth instance. */
export function auth(): Auth {
  globalForAuth.tiksavrAuth ??= createAuth({
    db: services().db,
    secret: env().BETTER_AUTH_SECRET,
    baseURL: env().PUBLIC_URL,
    attemptsPerMinute: env().AUTH_ATTEMPTS_PER_MINUTE,
  });
  return globalForAuth.tiksavrAuth;
}
