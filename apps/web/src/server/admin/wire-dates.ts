/**
 * The shape a value has after JSON: Dates become ISO strings. The tRPC endpoint has no
 * transformer (superjson), so the admin procedures convert explicitly and their output types say
 * what the browser really receives. Hand-rolled: a recursive map over plain data is a few lines.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export function toWire<T>(value: T): Wire<T> {
  if (value instanceof Date) return value.toISOString() as Wire<T>;
  if (Array.isArray(value)) return value.map((item) => toWire(item)) as Wire<T>;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toWire(item);
    return out as Wire<T>;
  }
  return value as Wire<T>;
}
