import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from '../server/auth-instance.ts';

export type SignedInUser = { id: string; email: string; name: string };

/** The signed-in user of this request, or null. */
export async function currentUser(): Promise<SignedInUser | null> {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) return null;
  return { id: session.user.id, email: session.user.email, name: session.user.name };
}

/** The signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  return user;
}
