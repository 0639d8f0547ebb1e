import { SimInputError } from './sim-input-error.ts';
import type { SimFault, SimFaultKind } from './sim-types.ts';

/**
 * The faults switched on for one item, one creator (its numeric id: profile page and lists),
 * or every request ('*'), each optionally limited to the next N requests it affects. A target's
 * own fault wins over a '*' fault of the same kind.
 */
export type ActiveFault<K extends SimFaultKind = SimFaultKind> = {
  readonly target: string;
  readonly fault: Extract<SimFault, { kind: K }>;
  remaining: number;
};

export type FaultBook = {
  set(target: string, fault: SimFault): void;
  clear(): void;
  list(): Array<{ target: string; fault: SimFault; remaining: number | null }>;
  /** The fault of this kind that applies to the item (or to any request), if one is on. */
  find<K extends SimFaultKind>(
    itemId: string | undefined,
    kind: K,
    accepts?: (fault: Extract<SimFault, { kind: K }>) => boolean,
  ): ActiveFault<K> | undefined;
  /** Count one use; a fault limited to N uses switches off after the Nth. */
  use<K extends SimFaultKind>(active: ActiveFault<K>): void;
};

const KINDS: readonly SimFaultKind[] = [
  'challenge_once',
  'status_429',
  'status_5xx',
  'login_wall',
  'slow_body',
  'truncate_after',
  'reset_after',
  'expired_signature',
  'media_404',
  'media_forbidden',
  'duplicate_story_page',
];

function positiveNumber(value: unknown, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new SimInputError(`${name} must be a positive number`);
  }
}

function checkFault(fault: SimFault): void {
  if (typeof fault !== 'object' || fault === null || !KINDS.includes(fault.kind)) {
    throw new SimInputError(`fault.kind must be one of ${KINDS.join(', ')}`);
  }
  if (fault.times !== undefined && (!Number.isInteger(fault.times) || fault.times < 1)) {
    throw new SimInputError('fault.times must be a positive integer');
  }
  switch (fault.kind) {
    case 'slow_body':
      positiveNumber(fault.bytesPerSecond, 'bytesPerSecond');
      break;
    case 'truncate_after':
    case 'reset_after':
      if (!Number.isInteger(fault.bytes) || fault.bytes < 0)
        throw new SimInputError('bytes must be an integer ≥ 0');
      break;
    case 'status_429':
    case 'status_5xx':
      if (fault.on !== undefined && !['page', 'api', 'media', 'any'].includes(fault.on)) {
        throw new SimInputError("on must be 'page', 'api', 'media' or 'any'");
      }
      if (fault.kind === 'status_429' && fault.retryAfterSeconds !== undefined) {
        if (!Number.isInteger(fault.retryAfterSeconds) || fault.retryAfterSeconds < 0) {
          throw new SimInputError('retryAfterSeconds must be an integer ≥ 0');
        }
      }
      break;
    case 'challenge_once':
      if (fault.on !== undefined && !['page', 'api', 'any'].includes(fault.on)) {
        throw new SimInputError("on must be 'page', 'api' or 'any'");
      }
      break;
    case 'expired_signature':
      if (fault.ttlSeconds !== undefined && (!Number.isFinite(fault.ttlSeconds) || fault.ttlSeconds < 0)) {
        throw new SimInputError('ttlSeconds must be ≥ 0');
      }
      break;
    default:
      break;
  }
}

export function createFaultBook(): FaultBook {
  const entries: ActiveFault[] = [];

  return {
    set(target, fault) {
      if (typeof target !== 'string' || target === '')
        throw new SimInputError("target must be an item id or '*'");
      checkFault(fault);
      const existing = entries.findIndex((e) => e.target === target && e.fault.kind === fault.kind);
      if (existing >= 0) entries.splice(existing, 1);
      // "Challenge once" means one solve by default; every other fault stays on until cleared.
      const remaining = fault.times ?? (fault.kind === 'challenge_once' ? 1 : Number.POSITIVE_INFINITY);
      entries.push({ target, fault, remaining });
    },
    clear() {
      entries.length = 0;
    },
    list: () =>
      entries.map((e) => ({
        target: e.target,
        fault: e.fault,
        remaining: Number.isFinite(e.remaining) ? e.remaining : null,
      })),
    find(itemId, kind, accepts) {
      type Hit = ActiveFault<typeof kind>;
      const matches = (e: ActiveFault) =>
        e.fault.kind === kind && e.remaining > 0 && (!accepts || accepts(e.fault as Hit['fault']));
      const own = itemId === undefined ? undefined : entries.find((e) => e.target === itemId && matches(e));
      return (own ?? entries.find((e) => e.target === '*' && matches(e))) as Hit | undefined;
    },
    use(active) {
      active.remaining -= 1;
      if (active.remaining <= 0) {
        const at = entries.indexOf(active as unknown as ActiveFault);
        if (at >= 0) entries.splice(at, 1);
      }
    },
  };
}
