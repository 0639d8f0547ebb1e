'use client';

import { formatTimeLeft } from '@tiksavr/core';
import { useEffect, useState } from 'react';
import { savedWithSpareWords } from '../../lib/story-time-words.ts';
import type { DownloadDto } from './download-types.ts';

/** Re-render this often: the words change by the minute, so a 15 s tick is never a minute late. */
const TICK_MS = 15_000;

/** The clock of the browser, ticking; null before the first effect (server and first render agree). */
function useNow(): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** "Story · 5 h 12 min left", counting down; red in the last hour. */
export function StoryCountdown({ deadline }: { deadline: string }) {
  const end = Date.parse(deadline);
  const now = useNow();
  const left = now === null ? null : end - now;
  const urgent = left !== null && left < 60 * 60 * 1000;
  return (
    <p
      className={`text-sm font-medium tabular-nums ${urgent ? 'text-red-800' : 'text-gray-800'}`}
      data-testid="story-time-left"
    >
      <span aria-hidden="true">⏳ </span>
      Story · <time dateTime={deadline}>{left === null ? '…' : formatTimeLeft(left)}</time>
    </p>
  );
}

/** "Saved with 3 h 40 min to spare": how long before its 24 hours ran out a story was saved. */
export function StorySpare({ spareSeconds }: { spareSeconds: number }) {
  return (
    <p className="text-sm font-medium text-green-800" data-testid="story-spare">
      <span aria-hidden="true">✓ </span>
      {savedWithSpareWords(spareSeconds)}
    </p>
  );
}

/**
 * A story's time in one line, whatever its state: the time left while it waits or downloads (or
 * failed in a way a retry can still fix), how much time it had to spare once saved, nothing
 * otherwise (an ended story says why in its status).
 */
export function StoryTimeLine({
  download,
}: {
  download: Pick<DownloadDto, 'isStory' | 'state' | 'storyDeadline' | 'savedWithSpareSeconds' | 'canRetry'>;
}) {
  if (!download.isStory) return null;
  if (download.state === 'done') {
    return download.savedWithSpareSeconds === null ? null : (
      <StorySpare spareSeconds={download.savedWithSpareSeconds} />
    );
  }
  if (!download.storyDeadline) return null;
  const waiting =
    download.state === 'queued' || download.state === 'resolving' || download.state === 'downloading';
  const retryable = download.state === 'failed' && download.canRetry;
  return waiting || retryable ? <StoryCountdown deadline={download.storyDeadline} /> : null;
}
