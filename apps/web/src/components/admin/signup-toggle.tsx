'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.tsx';
import { buttonStyles } from '../ui/button-styles.ts';

/** For admins: whether new people may create accounts here, and a button to change it. */
export function SignupToggle() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setting = useQuery(trpc.settings.signup.get.queryOptions());
  const change = useMutation(
    trpc.settings.signup.set.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.settings.signup.get.queryKey() }),
    }),
  );
  if (!setting.data) return null;
  const { open } = setting.data;
  return (
    <section
      aria-labelledby="signup-setting"
      className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-gray-200 bg-gray-50 px-4 py-3"
    >
      <div>
        <h2 id="signup-setting" className="font-semibold">
          Sign-up {open ? 'is open' : 'is closed'}
        </h2>
        <p className="text-sm text-gray-700">
          {open
            ? 'Anyone who can reach this server can create an account.'
            : 'Nobody new can create an account until you open it again.'}
        </p>
      </div>
      <button
        type="button"
        className={buttonStyles.small}
        disabled={change.isPending}
        onClick={() => change.mutate({ open: !open })}
      >
        {open ? 'Close sign-up' : 'Open sign-up'}
      </button>
    </section>
  );
}
