import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from '../server/auth-instance.ts';

export type SignedInUser = { id: string; email: string; name: string; role: string };

/** The signed-in user of this request, or null. */
export async function currentUser(): Promise<SignedInUser | null> {
  // headers() first: it marks the page dynamic before the auth instance (and its config) is needed.
  const requestHeaders = await headers();
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const role = (session.user as { role?: string | null }).role ?? 'user';
  return { id: session.user.id, email: session.user.email, name: session.user.name, role };
}

/** The signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  return user;
}
