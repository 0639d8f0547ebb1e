import type { JobPayload } from '@tiksavr/core';

/**
 * `system.health`: proves the web → pg-boss → worker chain. The output lands in pg-boss's job
 * row, where the web app reads it back.
 */
export function handleHealth(payload: JobPayload<'system.health'>, workerId: string) {
  return { probeId: payload.probeId, workerId, handledAt: new Date().toISOString() };
}
