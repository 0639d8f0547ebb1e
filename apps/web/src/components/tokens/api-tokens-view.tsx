'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import { TOKEN_NAME_MAX } from '../../server/routers/tokens/tokens.schema.ts';
import { formatTime } from '../admin/format.ts';
import { buttonStyles } from '../ui/button-styles.ts';
import { FormAlert } from '../ui/form-alert.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { NewTokenNotice } from './new-token-notice.tsx';
import { TokenStateBadge } from './token-state-badge.tsx';

type Lifetime = 'never' | '30' | '90' | '365';
const LIFETIMES: readonly { value: Lifetime; label: string }[] = [
  { value: 'never', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
];

/** Settings → API tokens: make one (shown once), see each one's last use, revoke. */
export function ApiTokensView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
  const [name, setName] = useState('');
  const [lifetime, setLifetime] = useState<Lifetime>('never');
  const [fresh, setFresh] = useState<{ name: string; token: string } | null>(null);
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: (data) => {
        setFresh({ name: data.apiToken.name, token: data.token });
        setName('');
        return refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.tokens.revoke.mutationOptions({ onSettled: refresh }));

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim() === '') return;
    setFresh(null);
    create.mutate({ name, expiresInDays: lifetime === 'never' ? null : (Number(lifetime) as 30 | 90 | 365) });
  }

  const list = tokens.data ?? [];
  return (
    <div className="flex flex-col gap-8">
      <p className="text-gray-700">
        A token lets a script or an{' '}
        <Link href="/help/shortcuts" className="underline underline-offset-2">
          iPhone Shortcut
        </Link>{' '}
        save links into your history through{' '}
        <Link href="/api-docs" className="underline underline-offset-2">
          TikSavr’s API
        </Link>
        . It acts as you, sees only your own saves, and never has admin powers. Revoke it here the moment you
        no longer need it.
      </p>

      {fresh ? <NewTokenNotice name={fresh.name} token={fresh.token} onDone={() => setFresh(null)} /> : null}

      <form onSubmit={onCreate} className="flex flex-col gap-4 rounded-xl border border-gray-200 p-4">
        <h2 className="text-lg font-semibold">Make a token</h2>
        <TextField
          id="token-name"
          label="Name"
          hint="Where you will use it, e.g. “iPhone Shortcut”."
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={TOKEN_NAME_MAX}
          required
          autoComplete="off"
        />
        <SelectField
          id="token-lifetime"
          label="Stops working"
          value={lifetime}
          onChange={setLifetime}
          options={LIFETIMES}
        />
        <FormAlert message={create.error?.message ?? null} />
        <div>
          <button
            type="submit"
            className={buttonStyles.primary}
            disabled={create.isPending || name.trim() === ''}
          >
            {create.isPending ? 'Making…' : 'Make token'}
          </button>
        </div>
      </form>

      <section aria-labelledby="tokens-title" className="flex flex-col gap-3">
        <h2 id="tokens-title" className="text-lg font-semibold">
          Your tokens
        </h2>
        <FormAlert message={revoke.error?.message ?? tokens.error?.message ?? null} />
        {tokens.isPending ? <p className="text-gray-700">Loading…</p> : null}
        {!tokens.isPending && list.length === 0 ? (
          <p className="text-gray-700">You have no API tokens yet.</p>
        ) : null}
        <ul className="flex flex-col gap-2" aria-label="API tokens">
          {list.map((token) => (
            <li
              key={token.id}
              className="flex flex-col gap-2 rounded-xl border border-gray-200 p-3 sm:flex-row sm:items-center sm:justify-between"
              data-testid="api-token"
            >
              <div className="flex min-w-0 flex-col gap-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="truncate font-medium">{token.name}</span>
                  <TokenStateBadge state={token.state} />
                </p>
                <p className="text-sm text-gray-700">
                  <code className="font-mono">{token.prefix}…</code> · made {formatTime(token.createdAt)}
                </p>
                <p className="text-sm text-gray-700">
                  {token.lastUsedAt ? `Last used ${formatTime(token.lastUsedAt)}` : 'Never used'}
                  {token.state === 'revoked'
                    ? ` · revoked ${formatTime(token.revokedAt)}`
                    : token.expiresAt
                      ? ` · ${token.state === 'expired' ? 'expired' : 'expires'} ${formatTime(token.expiresAt)}`
                      : ' · never expires'}
                </p>
              </div>
              {token.state === 'active' ? (
                <button
                  type="button"
                  className={buttonStyles.danger}
                  disabled={revoke.isPending}
                  onClick={() => {
                    if (!window.confirm(`Revoke “${token.name}”? Whatever uses it stops working at once.`))
                      return;
                    revoke.mutate({ id: token.id });
                  }}
                >
                  Revoke<span className="sr-only"> {token.name}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
