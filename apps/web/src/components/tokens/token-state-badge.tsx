import type { ApiTokenState } from '../../server/tokens/api-token-dto.ts';

const LOOK: Record<ApiTokenState, { label: string; className: string }> = {
  active: { label: 'Active', className: 'bg-green-100 text-green-900' },
  expired: { label: 'Expired', className: 'bg-gray-200 text-gray-900' },
  revoked: { label: 'Revoked', className: 'bg-red-100 text-red-900' },
};

/** Whether a token still works, as a small label. */
export function TokenStateBadge({ state }: { state: ApiTokenState }) {
  const look = LOOK[state];
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${look.className}`}>{look.label}</span>
  );
}
