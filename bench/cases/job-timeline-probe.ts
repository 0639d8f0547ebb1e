import diagnostics from 'node:diagnostics_channel';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Where the time of a worker's jobs goes, seen from the libraries it calls (bench only: nothing in
 * the worker knows about it). While installed, it notes a span for
 * - every PostgreSQL round trip (node-postgres `Client.query`, which Prisma's adapter and pg-boss
 *   both use), labelled by statement kind and table, e.g. `UPDATE Download`, `BEGIN`, `notify`;
 * - every fetch() request (Node's undici diagnostics channels): TikTok pages, web API calls;
 * - every node:http client request (the worker's media transfer for small files);
 * - every fsync/fdatasync of a file handle.
 * A span runs from the call to its completion; the caller aggregates spans over a run where one
 * job runs at a time, so their sums divided by the job count are one job's time per step.
 *
 * Hand-rolled: the tracing libraries (OpenTelemetry's auto-instrumentation) would pull in an SDK
 * and exporters for what is four hooks and a list.
 */
export type Span = {
  readonly kind: 'db' | 'fetch' | 'media' | 'fsync';
  readonly label: string;
  readonly startMs: number;
  readonly endMs: number;
};

export type TimelineProbe = {
  /** Spans noted so far (also those of background work: heartbeats, the budget's pump). */
  spans(): readonly Span[];
  /** Forgets the spans noted so far. */
  clear(): void;
  /** Removes every hook. */
  uninstall(): void;
};

const VERBS = /^\s*(SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|WITH)\b/i;
const TABLE = /\b(?:FROM|INTO|UPDATE)\s+(?:"?\w+"?\.)?"?(\w+)"?/i;

/** A statement's label: `BEGIN`, `notify`, `advisory lock`, or verb + first table. */
export function statementLabel(text: string): string {
  const trimmed = text.trim();
  const head = trimmed.slice(0, 12).toUpperCase();
  if (head.startsWith('BEGIN') || head.startsWith('COMMIT') || head.startsWith('ROLLBACK')) {
    return head.split(/\s/)[0] ?? head;
  }
  if (trimmed.includes('pg_notify')) return 'notify';
  if (trimmed.includes('pg_advisory_xact_lock')) return 'advisory lock';
  const verb = VERBS.exec(trimmed)?.[1]?.split(/\s+/)[0]?.toUpperCase() ?? trimmed.split(/\s/)[0] ?? '?';
  const table = TABLE.exec(trimmed)?.[1];
  return table === undefined ? verb : `${verb} ${table}`;
}

/** A fetch() request's label: the story list, another web API call, or a page. */
function requestLabel(path: string): string {
  if (path.startsWith('/api/story/')) return 'story list';
  if (path.startsWith('/api/')) return 'web api';
  return 'page';
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

/** `ignore`: true for calls the probe must not note (e.g. the bench's own queries). */
export async function installTimelineProbe(options: { ignore?: () => boolean } = {}): Promise<TimelineProbe> {
  const spans: Span[] = [];
  const ignore = options.ignore ?? (() => false);
  const note = (kind: Span['kind'], label: string, startMs: number) =>
    spans.push({ kind, label, startMs, endMs: performance.now() });

  const originalQuery = pg.Client.prototype.query as unknown as Query;
  const probedQuery: Query = function (this: pg.Client, ...args: unknown[]) {
    if (ignore()) return originalQuery.apply(this, args);
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const startMs = performance.now();
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (...results: unknown[]) => {
        note('db', statementLabel(text), startMs);
        return (last as (...r: unknown[]) => unknown)(...results);
      };
      return originalQuery.apply(this, args);
    }
    const result = originalQuery.apply(this, args);
    if (result !== null && typeof (result as Promise<unknown>)?.then === 'function') {
      const done = () => note('db', statementLabel(text), startMs);
      (result as Promise<unknown>).then(done, done);
    }
    return result;
  };
  (pg.Client.prototype as unknown as { query: Query }).query = probedQuery;

  const fetchStarts = new WeakMap<object, { startMs: number; label: string }>();
  const onFetchCreate = (message: unknown) => {
    if (ignore()) return;
    const { request } = message as { request: { path: string } };
    fetchStarts.set(request, { startMs: performance.now(), label: requestLabel(request.path) });
  };
  const onFetchEnd = (message: unknown) => {
    const { request } = message as { request: object };
    const start = fetchStarts.get(request);
    if (start === undefined) return;
    fetchStarts.delete(request);
    note('fetch', start.label, start.startMs);
  };
  const onHttpStart = (message: unknown) => {
    const { request } = message as { request: NodeJS.EventEmitter };
    const startMs = performance.now();
    request.once('close', () => note('media', 'media GET', startMs));
  };
  diagnostics.subscribe('undici:request:create', onFetchCreate);
  diagnostics.subscribe('undici:request:trailers', onFetchEnd);
  diagnostics.subscribe('undici:request:error', onFetchEnd);
  diagnostics.subscribe('http.client.request.start', onHttpStart);

  // FileHandle is not exported by node:fs; its prototype is reached through a handle.
  const probeFile = join(tmpdir(), `tiksavr-timeline-probe-${process.pid}`);
  const handle = await open(probeFile, 'w');
  const fileHandleProto = Object.getPrototypeOf(handle) as {
    sync: () => Promise<void>;
    datasync: () => Promise<void>;
  };
  await handle.close();
  await rm(probeFile, { force: true });
  const originalSync = fileHandleProto.sync;
  const originalDatasync = fileHandleProto.datasync;
  const probed = (label: string, original: () => Promise<void>) =>
    async function (this: unknown) {
      const startMs = performance.now();
      try {
        return await original.call(this);
      } finally {
        note('fsync', label, startMs);
      }
    };
  fileHandleProto.sync = probed('fsync', originalSync);
  fileHandleProto.datasync = probed('fdatasync', originalDatasync);

  return {
    spans: () => spans,
    clear: () => {
      spans.length = 0;
    },
    uninstall: () => {
      (pg.Client.prototype as unknown as { query: Query }).query = originalQuery;
      diagnostics.unsubscribe('undici:request:create', onFetchCreate);
      diagnostics.unsubscribe('undici:request:trailers', onFetchEnd);
      diagnostics.unsubscribe('undici:request:error', onFetchEnd);
      diagnostics.unsubscribe('http.client.request.start', onHttpStart);
      fileHandleProto.sync = originalSync;
      fileHandleProto.datasync = originalDatasync;
    },
  };
}

export type StepTotals = { readonly label: string; readonly count: number; readonly ms: number };

/** Spans summed by kind + label, largest total first. */
export function totalsByLabel(spans: readonly Span[]): StepTotals[] {
  const totals = new Map<string, { count: number; ms: number }>();
  for (const span of spans) {
    const key = `${span.kind}: ${span.label}`;
    const total = totals.get(key) ?? { count: 0, ms: 0 };
    total.count += 1;
    total.ms += span.endMs - span.startMs;
    totals.set(key, total);
  }
  return [...totals].map(([label, total]) => ({ label, ...total })).sort((a, b) => b.ms - a.ms);
}

/** Milliseconds of [fromMs, toMs] covered by at least one span (overlaps counted once). */
export function coveredMs(spans: readonly Span[], fromMs: number, toMs: number): number {
  const sorted = spans
    .map((span) => [Math.max(fromMs, span.startMs), Math.min(toMs, span.endMs)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = fromMs;
  for (const [start, end] of sorted) {
    if (end <= reach) continue;
    covered += end - Math.max(start, reach);
    reach = end;
  }
  return covered;
}
