/**
 * The bench contract: every case is one file under bench/cases/ exporting a `BenchCase`, listed in
 * bench/run.ts. A case measures its own value and, in the same process run, a baseline, so the
 * ratio says something even on a busy or slower machine. The runner turns outcomes into results,
 * prints them and writes bench/results/latest.json.
 *
 * Hand-rolled rather than tinybench/mitata: the contract (ratio to an in-run baseline, pass/fail
 * against an issue's target, one JSON file) is ours, and the timing loop below is ~40 lines.
 */

export type BenchCase = {
  /** Stable id, `<package>.<what>`, e.g. `core.parseTikTokUrl`. */
  readonly name: string;
  /** What is measured, e.g. `throughput`, `p95 latency`. */
  readonly metric: string;
  /** Unit of `value` and `baseline`, e.g. `urls/s`, `ms`. */
  readonly unit: string;
  /** The acceptance target from the issue, or null when the case only tracks a trend. */
  readonly target: number | null;
  /** True for throughputs (pass when value ≥ target), false for latencies (pass when value ≤ target). */
  readonly higherIsBetter: boolean;
  /** An acceptance target on value / baseline instead (e.g. 0.8 for "at least 0.8× curl"). */
  readonly targetRatio?: number;
  readonly run: () => Promise<CaseOutcome>;
};

export type CaseOutcome = {
  readonly value: number;
  /** The same metric for the reference implementation, measured in this run; null if none. */
  readonly baseline: number | null;
  /** Anything else worth keeping next to the numbers (rep timings, corpus size, what the baseline is). */
  readonly details?: Readonly<Record<string, number | string | boolean>>;
};

export type CaseResult = {
  readonly name: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number | null;
  /** value / baseline, whatever the direction: above 1 means "more than the baseline". */
  readonly ratio: number | null;
  readonly target: number | null;
  readonly targetRatio: number | null;
  /** null when there is no target. */
  readonly pass: boolean | null;
  readonly details?: CaseOutcome['details'];
};

export function toResult(benchCase: BenchCase, outcome: CaseOutcome): CaseResult {
  const { value, baseline, details } = outcome;
  const { target } = benchCase;
  const targetRatio = benchCase.targetRatio ?? null;
  const ratio = baseline === null || baseline === 0 ? null : value / baseline;
  const meets = (got: number, wanted: number) => (benchCase.higherIsBetter ? got >= wanted : got <= wanted);
  const checks = [
    ...(target === null ? [] : [meets(value, target)]),
    ...(targetRatio === null ? [] : [ratio !== null && meets(ratio, targetRatio)]),
  ];
  return {
    name: benchCase.name,
    metric: benchCase.metric,
    value,
    unit: benchCase.unit,
    baseline,
    ratio,
    target,
    targetRatio,
    pass: checks.length === 0 ? null : checks.every(Boolean),
    ...(details === undefined ? {} : { details }),
  };
}

/** One timed repetition: performs `opsPerRep` operations and returns a checksum of their results. */
export type Rep = () => number | Promise<number>;

export type MeasureOptions = {
  /** Untimed reps that let the JIT settle. */
  readonly warmupReps?: number;
  /** Timed reps; the median and p95 are taken over these. */
  readonly reps?: number;
};

export type Measurement = {
  /** Operations per second at the median rep time. */
  readonly opsPerSec: number;
  readonly medianMs: number;
  /** The slow tail: 95th percentile of rep times. */
  readonly p95Ms: number;
  readonly reps: number;
  readonly opsPerRep: number;
  /**
   * What the last rep returned. Cases should check it (e.g. the number of accepted inputs): it proves
   * the timed work was done right, and reading results keeps the JIT from dropping the work.
   */
  readonly lastResult: number;
};

export function percentile(sortedAscending: readonly number[], fraction: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const index = Math.min(sortedAscending.length - 1, Math.ceil(fraction * sortedAscending.length) - 1);
  return sortedAscending[Math.max(0, index)]!;
}

function summarize(timesMs: number[], opsPerRep: number, lastResult: number): Measurement {
  const sorted = [...timesMs].sort((a, b) => a - b);
  const medianMs = percentile(sorted, 0.5);
  return {
    opsPerSec: opsPerRep / (medianMs / 1000),
    medianMs,
    p95Ms: percentile(sorted, 0.95),
    reps: timesMs.length,
    opsPerRep,
    lastResult,
  };
}

type TimedRep = { readonly ms: number; readonly result: number };

async function timeRep(rep: Rep): Promise<TimedRep> {
  const started = performance.now();
  const result = await rep();
  return { ms: performance.now() - started, result };
}

/** Times `rep` after a warm-up. */
export async function measure(
  rep: Rep,
  opsPerRep: number,
  options: MeasureOptions = {},
): Promise<Measurement> {
  const { warmupReps = 5, reps = 30 } = options;
  let last = { ms: 0, result: Number.NaN };
  for (let index = 0; index < warmupReps; index++) last = await timeRep(rep);
  const times: number[] = [];
  for (let index = 0; index < reps; index++) {
    last = await timeRep(rep);
    times.push(last.ms);
  }
  return summarize(times, opsPerRep, last.result);
}

/**
 * Times a candidate and its baseline with their reps interleaved (A, B, A, B…), so a neighbour's
 * load on a shared machine slows both alike instead of skewing the ratio.
 */
export async function measureAgainstBaseline(
  candidate: Rep,
  baseline: Rep,
  opsPerRep: number,
  options: MeasureOptions = {},
): Promise<{ candidate: Measurement; baseline: Measurement }> {
  const { warmupReps = 5, reps = 30 } = options;
  for (let index = 0; index < warmupReps; index++) {
    await timeRep(candidate);
    await timeRep(baseline);
  }
  const candidateTimes: number[] = [];
  const baselineTimes: number[] = [];
  let lastCandidate = { ms: 0, result: Number.NaN };
  let lastBaseline = { ms: 0, result: Number.NaN };
  for (let index = 0; index < reps; index++) {
    lastCandidate = await timeRep(candidate);
    candidateTimes.push(lastCandidate.ms);
    lastBaseline = await timeRep(baseline);
    baselineTimes.push(lastBaseline.ms);
  }
  return {
    candidate: summarize(candidateTimes, opsPerRep, lastCandidate.result),
    baseline: summarize(baselineTimes, opsPerRep, lastBaseline.result),
  };
}
