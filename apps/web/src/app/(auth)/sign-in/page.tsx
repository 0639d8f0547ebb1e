import type { Metadata } from 'next';
import { SignInForm } from '../../../components/auth/sign-in-form.tsx';

export const metadata: Metadata = { title: 'Sign in — TikSavr' };

export default function SignInPage() {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      <SignInForm />
    </>
  );
}
