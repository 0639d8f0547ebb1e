import { auth } from './auth-instance.ts';
import { services } from './services.ts';
import type { Context, SessionUser } from './trpc.ts';

/** The per-request context: shared services plus the signed-in user, read from the session cookie. */
export async function createContext(request: Request): Promise<Context> {
  const { db, boss } = services();
  const session = await auth().api.getSession({ headers: request.headers });
  const user: SessionUser | null = session
    ? {
        id: session.user.id,
        email: session.user.email,
        name: session.user.name,
        role: (session.user as { role?: string | null }).role ?? 'user',
      }
    : null;
  return { db, boss: () => boss, user };
}
