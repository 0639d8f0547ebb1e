'use client';

import { formatTimeLeft } from '@tiksavr/core';
import { useEffect, useState } from 'react';

/** Time left until a story expires, updated every 15 seconds. */
export function StoryCountdown({ deadline }: { deadline: string }) {
  const end = Date.parse(deadline);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const left = now === null ? null : end - now;
  const urgent = left !== null && left < 60 * 60 * 1000;
  return (
    <p className={`text-sm font-medium tabular-nums ${urgent ? 'text-red-800' : 'text-gray-800'}`}>
      <span aria-hidden="true">⏳ </span>
      Story: <time dateTime={deadline}>{left === null ? '…' : formatTimeLeft(left)}</time>
    </p>
  );
}
