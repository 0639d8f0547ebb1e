'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import { formatTime } from '../admin/format.ts';
import { useDebouncedValue } from '../dashboard/use-debounced-value.ts';
import { buttonStyles } from '../ui/button-styles.ts';
import { FormAlert } from '../ui/form-alert.tsx';
import { LoadMoreButton } from '../ui/load-more-button.tsx';
import { TableHead } from '../ui/table-head.tsx';
import { TokenStateBadge } from './token-state-badge.tsx';

/** Every API token on the server: whose, when last used; revoke any (a lost phone, a leaked script). */
export function AdminApiTokensView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const search = useDebouncedValue(email.trim(), 250);
  const pages = useInfiniteQuery(
    trpc.admin.tokens.list.infiniteQueryOptions(
      { email: search || undefined, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const revoke = useMutation(
    trpc.admin.tokens.revoke.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.admin.tokens.list.pathKey() }),
    }),
  );
  const tokens = pages.data?.pages.flatMap((page) => page.tokens) ?? [];
  type Row = (typeof tokens)[number];

  const revokeButton = (token: Row) =>
    token.state === 'active' ? (
      <button
        type="button"
        className={buttonStyles.small}
        disabled={revoke.isPending}
        onClick={() => {
          if (!window.confirm(`Revoke “${token.name}” of ${token.owner.email}? It stops working at once.`))
            return;
          revoke.mutate({ id: token.id });
        }}
      >
        Revoke
        <span className="sr-only">
          {' '}
          {token.name} of {token.owner.email}
        </span>
      </button>
    ) : null;
  const lastUse = (token: Row) => (token.lastUsedAt ? formatTime(token.lastUsedAt) : 'Never');

  return (
    <div className="flex flex-col gap-5">
      <search className="flex flex-col gap-1.5">
        <label htmlFor="token-owner" className="font-medium">
          Find by owner’s email
        </label>
        <input
          id="token-owner"
          type="search"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          placeholder="Start of an email address"
          className="min-h-11 rounded-lg border border-gray-400 bg-white px-3"
        />
      </search>
      <FormAlert message={revoke.error?.message ?? pages.error?.message ?? null} />
      {!pages.isPending && tokens.length === 0 ? <p className="text-gray-700">No API tokens.</p> : null}
      {/* Phones get one card per token, the action in reach; wider screens the table. */}
      <ul className="flex flex-col gap-2 sm:hidden" aria-label="API tokens">
        {tokens.map((token) => (
          <li key={token.id} className="flex flex-col gap-2 rounded-xl border border-gray-200 p-3">
            <p className="flex flex-wrap items-center gap-2 font-medium">
              <span className="min-w-0 truncate">{token.name}</span>
              <TokenStateBadge state={token.state} />
            </p>
            <p className="truncate text-sm text-gray-700" title={token.owner.email}>
              {token.owner.email}
            </p>
            <p className="text-sm text-gray-700">
              <code className="font-mono">{token.prefix}…</code> · last used {lastUse(token)}
            </p>
            <div>{revokeButton(token)}</div>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto sm:block">
        <table className="w-full text-left text-sm">
          <TableHead
            columns={['Name', 'Owner', 'Token', 'State', 'Made', 'Last used', 'Expires', 'Actions']}
          />
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} className="border-b border-gray-100" data-testid="admin-token-row">
                <th scope="row" className="max-w-48 truncate py-2 pr-3 font-medium">
                  {token.name}
                </th>
                <td className="max-w-56 truncate py-2 pr-3" title={token.owner.email}>
                  {token.owner.email}
                </td>
                <td className="py-2 pr-3 font-mono whitespace-nowrap">{token.prefix}…</td>
                <td className="py-2 pr-3">
                  <TokenStateBadge state={token.state} />
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">{formatTime(token.createdAt)}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{lastUse(token)}</td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  {token.expiresAt ? formatTime(token.expiresAt) : 'Never'}
                </td>
                <td className="py-2">{revokeButton(token)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMoreButton pages={pages} label="Load more tokens" />
    </div>
  );
}
