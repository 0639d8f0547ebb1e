/**
 * When will a queued story start? A deliberately simple model, written down so the numbers on the
 * page can be checked by hand:
 *
 * - The queue runs jobs by pg-boss priority (higher first), then by creation. Every story outranks
 *   every ordinary download, so a story only waits for the stories ahead of it in that order, plus
 *   the jobs already running.
 * - The live workers have `slots` job slots, `busy` of them taken. A slot frees up every
 *   `typicalRunSeconds` (the median run time of the last day), so slots free at a rate of
 *   `slots / typicalRunSeconds` per second.
 * - The story at position p (0 = next) starts at once when p < free slots; otherwise it waits for
 *   (p − free + 1) slots to free up.
 * - A story waiting out a retry back-off cannot start before its job's `startAfter`.
 * - With no live worker there is no estimate: such a story is at risk by definition.
 */
export type EstimateModel = {
  now: Date;
  slots: number;
  busy: number;
  typicalRunSeconds: number;
};

export type QueuedStory = {
  /** pg-boss order: priority (higher first), then creation. */
  priority: number;
  queuedAt: Date;
  /** The job's earliest start (retry back-off), or null. */
  notBefore: Date | null;
  deadline: Date;
};

export type StartEstimate = {
  /** 0 = next to run among the ready stories; null for a story waiting out a back-off. */
  position: number | null;
  /** Null when no worker is alive. */
  estimatedStart: Date | null;
  /** Estimated start plus a typical run. */
  estimatedFinish: Date | null;
  /** The estimated start is after the deadline (or there is no estimate). */
  late: boolean;
  /** It starts in time but would finish after the deadline. */
  tight: boolean;
};

/** Estimates for each story, in the order given. */
export function estimateStarts(stories: readonly QueuedStory[], model: EstimateModel): StartEstimate[] {
  const now = model.now.getTime();
  const ready = stories
    .map((story, index) => ({ story, index }))
    .filter(({ story }) => story.notBefore === null || story.notBefore.getTime() <= now)
    .sort(
      (a, b) =>
        b.story.priority - a.story.priority ||
        a.story.queuedAt.getTime() - b.story.queuedAt.getTime() ||
        a.index - b.index,
    );
  const positionOf = new Map(ready.map(({ index }, position) => [index, position]));
  const free = Math.max(0, model.slots - model.busy);
  const secondsPerSlot = model.slots > 0 ? model.typicalRunSeconds / model.slots : Number.POSITIVE_INFINITY;
  const runMs = model.typicalRunSeconds * 1000;

  return stories.map((story, index) => {
    const position = positionOf.get(index) ?? null;
    if (model.slots <= 0) {
      return { position, estimatedStart: null, estimatedFinish: null, late: true, tight: true };
    }
    // A deferred story is placed behind every story ready now: a conservative guess.
    const ahead = position ?? ready.length;
    const waitMs = ahead < free ? 0 : (ahead - free + 1) * secondsPerSlot * 1000;
    const start = Math.max(now + waitMs, story.notBefore?.getTime() ?? now);
    const deadline = story.deadline.getTime();
    return {
      position,
      estimatedStart: new Date(start),
      estimatedFinish: new Date(start + runMs),
      late: start > deadline,
      tight: start <= deadline && start + runMs > deadline,
    };
  });
}
