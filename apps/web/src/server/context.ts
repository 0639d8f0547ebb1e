import { services } from './services.ts';
import { sessionUser } from './session-user.ts';
import type { Context } from './trpc.ts';

/** The per-request context: shared services plus the signed-in user, read from the session cookie. */
export async function createContext(request: Request): Promise<Context> {
  const { db, boss, storage } = services();
  return { db, boss: () => boss, storage, user: await sessionUser(request) };
}
