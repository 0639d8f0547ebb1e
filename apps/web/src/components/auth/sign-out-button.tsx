'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { authClient } from '../../lib/auth-client.ts';

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    await authClient().signOut();
    router.replace('/sign-in');
    router.refresh();
  }
  return (
    <button
      type="button"
      onClick={signOut}
      disabled={pending}
      className="min-h-11 rounded-md px-3 font-medium text-gray-800 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
