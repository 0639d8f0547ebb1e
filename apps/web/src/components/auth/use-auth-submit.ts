'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { type AuthClientError, authErrorMessage } from './auth-error-message.ts';

/**
 * The submit of the sign-in and sign-up forms: shows progress, turns a refusal (or a request that
 * never got an answer) into the sentence a person sees, and opens the dashboard on success.
 */
export function useAuthSubmit(action: 'sign-in' | 'sign-up') {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(request: () => Promise<{ error: AuthClientError }>) {
    setPending(true);
    setError(null);
    let result: { error: AuthClientError };
    try {
      result = await request();
    } catch {
      result = { error: { message: 'TikSavr could not be reached. Check your connection and try again.' } };
    }
    setPending(false);
    if (result.error) {
      setError(authErrorMessage(result.error, action));
      return;
    }
    router.replace('/dashboard');
    router.refresh();
  }

  return { error, setError, pending, submit };
}
