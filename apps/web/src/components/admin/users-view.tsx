'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import { useDebouncedValue } from '../dashboard/use-debounced-value.ts';
import { buttonStyles } from '../ui/button-styles.ts';
import { LoadMoreButton } from '../ui/load-more-button.tsx';
import { TableHead } from '../ui/table-head.tsx';
import { UserQuotaCell } from '../usage/user-quota-cell.tsx';
import { formatTime } from './format.ts';
import { REFRESH_MS } from './refresh.ts';
import { SignupToggle } from './signup-toggle.tsx';

/** Accounts: find by email, make admin, disable (which signs them out everywhere), and sign-up. */
export function UsersView({ selfId }: { selfId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const search = useDebouncedValue(email.trim(), 250);
  const pages = useInfiniteQuery(
    trpc.admin.users.list.infiniteQueryOptions(
      { email: search || undefined, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: REFRESH_MS * 5 },
    ),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.pathKey() });
  const setRole = useMutation(trpc.admin.users.setRole.mutationOptions({ onSettled: refresh }));
  const setBanned = useMutation(trpc.admin.users.setBanned.mutationOptions({ onSettled: refresh }));
  const failure = setRole.error ?? setBanned.error;
  const users = pages.data?.pages.flatMap((page) => page.users) ?? [];

  return (
    <div className="flex flex-col gap-5">
      <SignupToggle />
      <search className="flex flex-col gap-1.5">
        <label htmlFor="user-email" className="font-medium">
          Find by email
        </label>
        <input
          id="user-email"
          type="search"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          placeholder="Start of an email address"
          className="min-h-11 rounded-lg border border-gray-400 px-3"
        />
      </search>
      {failure ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-900">
          {failure.message}
        </p>
      ) : null}
      {/* Phones get one card per account, actions in reach; wider screens the table. */}
      <ul className="flex flex-col gap-2 sm:hidden" aria-label="Accounts">
        {users.map((user) => {
          const self = user.id === selfId;
          return (
            <li
              key={user.id}
              className="flex flex-col gap-2 rounded-xl border border-gray-200 p-3"
              data-testid="user-card"
            >
              <p className="min-w-0 truncate font-medium" title={user.email}>
                {user.email}
                {self ? <span className="ml-1 text-xs text-gray-600">(you)</span> : null}
              </p>
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-gray-700">
                <span>{user.role}</span>
                <AccountStatus banned={user.banned} />
                <span>
                  <span className="tabular-nums">{user.downloads}</span> downloads
                </span>
                <span>joined {formatTime(user.createdAt)}</span>
              </p>
              <UserQuotaCell userId={user.id} email={user.email} quota={user.quota} />
              <div className="flex flex-wrap gap-2">
                <UserActions user={user} self={self} setRole={setRole} setBanned={setBanned} />
              </div>
            </li>
          );
        })}
      </ul>
      <div className="hidden overflow-x-auto sm:block">
        <table className="w-full text-left text-sm">
          <TableHead columns={['Email', 'Role', 'Status', 'Downloads', 'Storage', 'Joined', 'Actions']} />
          <tbody>
            {users.map((user) => {
              const self = user.id === selfId;
              return (
                <tr key={user.id} className="border-b border-gray-100" data-testid="user-row">
                  <th scope="row" className="max-w-64 truncate py-2 pr-3 font-medium" title={user.email}>
                    {user.email}
                    {self ? <span className="ml-1 text-xs text-gray-600">(you)</span> : null}
                  </th>
                  <td className="py-2 pr-3">{user.role}</td>
                  <td className="py-2 pr-3">
                    <AccountStatus banned={user.banned} />
                  </td>
                  <td className="py-2 pr-3 tabular-nums">{user.downloads}</td>
                  <td className="py-2 pr-3">
                    <UserQuotaCell userId={user.id} email={user.email} quota={user.quota} />
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatTime(user.createdAt)}</td>
                  <td className="py-2">
                    <div className="flex flex-wrap gap-2">
                      <UserActions user={user} self={self} setRole={setRole} setBanned={setBanned} />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <LoadMoreButton pages={pages} label="Load more accounts" />
    </div>
  );
}

function AccountStatus({ banned }: { banned: boolean }) {
  return banned ? (
    <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">Disabled</span>
  ) : (
    <span>Active</span>
  );
}

type Account = { id: string; email: string; role: string; banned: boolean };
type Mutation<I> = { isPending: boolean; mutate: (input: I) => void };

/** Make/remove admin and disable/enable, never on one's own account. */
function UserActions({
  user,
  self,
  setRole,
  setBanned,
}: {
  user: Account;
  self: boolean;
  setRole: Mutation<{ userId: string; role: 'admin' | 'user' }>;
  setBanned: Mutation<{ userId: string; banned: boolean }>;
}) {
  return (
    <>
      <button
        type="button"
        className={buttonStyles.small}
        disabled={self || setRole.isPending}
        onClick={() => setRole.mutate({ userId: user.id, role: user.role === 'admin' ? 'user' : 'admin' })}
      >
        {user.role === 'admin' ? 'Remove admin' : 'Make admin'}
      </button>
      <button
        type="button"
        className={buttonStyles.small}
        disabled={self || setBanned.isPending}
        onClick={() => {
          if (!user.banned && !window.confirm(`Disable ${user.email} and sign them out everywhere?`)) return;
          setBanned.mutate({ userId: user.id, banned: !user.banned });
        }}
      >
        {user.banned ? 'Enable' : 'Disable'}
      </button>
    </>
  );
}
