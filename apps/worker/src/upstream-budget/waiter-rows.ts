import type { Db } from '@tiksavr/db';
import type { BudgetPurpose } from './budget-types.ts';

/**
 * One waiting request as its process remembers it, enough to write its row again. Rows are
 * written by the pump's looks (grant-slot.ts), never one by one: a new waiter's row is written
 * by the next look, which may grant it at once.
 */
export type WaiterRow = {
  readonly id: string;
  readonly priority: bigint;
  readonly purpose: BudgetPurpose;
  /** Its createdAt (database clock, ms) once a look wrote the row; null until then. */
  createdAtMs: number | null;
};

export async function deleteWaiter(db: Db, id: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "UpstreamBudgetWaiter" WHERE id = ${id}::uuid`;
}
