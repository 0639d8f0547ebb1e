import type { Metadata } from 'next';
import { SignUpForm } from '../../../components/auth/sign-up-form.tsx';

export const metadata: Metadata = { title: 'Create an account — TikSavr' };

export default function SignUpPage() {
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold tracking-tight">Create your TikSavr account</h1>
        <p className="text-gray-700">Your saved videos, photo posts and stories stay in your own history.</p>
      </div>
      <SignUpForm />
    </>
  );
}
