import type { StorageLimits } from '@tiksavr/core';
import type { UserLimits } from '@tiksavr/db';

/** The two numbers core's quota rules need, from a person's limits (their own or the default). */
export function storageLimitsOf(limits: UserLimits): StorageLimits {
  return { maxBytes: limits.bytes.maximum, maxItems: limits.items.maximum };
}
