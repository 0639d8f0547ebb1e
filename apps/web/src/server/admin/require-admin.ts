import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { auth } from '../auth-instance.ts';

export type AdminUser = { id: string; email: string; name: string };

/**
 * The server-side guard of every admin page: not signed in → the sign-in page; signed in without
 * the admin role → 404, so the monitor's existence is not advertised to ordinary users.
 */
export async function requireAdmin(): Promise<AdminUser> {
  // headers() first: it marks the page dynamic before auth() reads config (absent at build time).
  const requestHeaders = await headers();
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) redirect('/sign-in');
  const role = (session.user as { role?: string | null }).role;
  if (role !== 'admin') notFound();
  return { id: session.user.id, email: session.user.email, name: session.user.name };
}
