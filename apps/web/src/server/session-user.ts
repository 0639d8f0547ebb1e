import { auth } from './auth-instance.ts';
import type { SessionUser } from './trpc.ts';

/** The signed-in user of a request (from the better-auth session cookie), or null. */
export async function sessionUser(request: Request): Promise<SessionUser | null> {
  const session = await auth().api.getSession({ headers: request.headers });
  if (!session) return null;
  return {
    id: session.user.id,
    email: session.user.email,
    name: session.user.name,
    role: (session.user as { role?: string | null }).role ?? 'user',
  };
}

/** How route handlers find the user; injected so tests can pass a fixed identity. */
export type SessionLookup = (request: Request) => Promise<SessionUser | null>;
