import type { BudgetClaim, BudgetPurpose } from './budget-types.ts';

/** Stories first, then identify and download alike, then watch checks. */
const RANK: Record<BudgetPurpose, bigint> = { story: 0n, identify: 1n, download: 1n, watch_check: 2n };

/** Room for any millisecond time up to the year 5138 inside one rank. */
const RANK_SPAN = 100_000_000_000_000n;

/**
 * The waiter's priority number: lower goes first. One BigInt (rank, then dueAt in ms) so the
 * database orders waiters of every process with one index.
 */
export function claimPriority(claim: BudgetClaim): bigint {
  const dueMs = Math.trunc(claim.dueAt.getTime());
  const clamped = Number.isFinite(dueMs) ? Math.min(Math.max(dueMs, 0), Number(RANK_SPAN) - 1) : 0;
  return RANK[claim.purpose] * RANK_SPAN + BigInt(clamped);
}
