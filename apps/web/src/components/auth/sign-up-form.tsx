'use client';

import Link from 'next/link';
import type { FormEvent } from 'react';
import { authClient } from '../../lib/auth-client.ts';
import { buttonStyles } from '../ui/button-styles.ts';
import { FormAlert } from '../ui/form-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import { PASSWORD_MIN_LENGTH } from './auth-error-message.ts';
import { useAuthSubmit } from './use-auth-submit.ts';

/** method="post": if it is submitted before the page's script runs, the password stays out of the URL. */
export function SignUpForm() {
  const { error, setError, pending, submit } = useAuthSubmit('sign-up');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (password.length < PASSWORD_MIN_LENGTH) {
      setError(`Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`);
      return;
    }
    const name = String(form.get('name') ?? '').trim() || email.split('@')[0] || email;
    await submit(() => authClient().signUp.email({ email, password, name }));
  }

  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-5">
      <TextField id="name" name="name" label="Your name (optional)" autoComplete="name" />
      <TextField id="email" name="email" type="email" label="Email" autoComplete="email" required />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={128}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few words strung together are easy to remember.`}
        required
      />
      <FormAlert message={error} />
      <button type="submit" className={buttonStyles.primary} disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
      <p className="text-gray-700">
        Already have an account?{' '}
        <Link href="/sign-in" className="font-semibold text-brand-600 underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </form>
  );
}
