// The politeness budget toward TikTok, shared by every worker process through Postgres.

export { budgetRateFrom, DEFAULT_REQUESTS_PER_MINUTE, UPSTREAM_RATE_SETTING } from './budget-rate-setting.ts';
export type { BudgetTuning } from './budget-tuning.ts';
export type {
  BudgetClaim,
  BudgetMinute,
  BudgetPurpose,
  BudgetPushback,
  BudgetStatus,
  PushbackKind,
  UpstreamBudget,
} from './budget-types.ts';
export { createUpstreamBudget, type UpstreamBudgetOptions } from './create-upstream-budget.ts';
