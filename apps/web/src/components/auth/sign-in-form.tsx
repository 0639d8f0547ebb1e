'use client';

import Link from 'next/link';
import type { FormEvent } from 'react';
import { authClient } from '../../lib/auth-client.ts';
import { buttonStyles } from '../ui/button-styles.ts';
import { FormAlert } from '../ui/form-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useAuthSubmit } from './use-auth-submit.ts';

/** method="post": if it is submitted before the page's script runs, the password stays out of the URL. */
export function SignInForm() {
  const { error, pending, submit } = useAuthSubmit('sign-in');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await submit(() =>
      authClient().signIn.email({
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
      }),
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-5">
      <TextField id="email" name="email" type="email" label="Email" autoComplete="email" required />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
      />
      <FormAlert message={error} />
      <button type="submit" className={buttonStyles.primary} disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="text-gray-700">
        New here?{' '}
        <Link href="/sign-up" className="font-semibold text-brand-600 underline underline-offset-2">
          Create an account
        </Link>
      </p>
    </form>
  );
}
