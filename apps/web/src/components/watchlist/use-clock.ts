'use client';

import { useEffect, useState } from 'react';

/**
 * The browser's clock, re-read every `everyMs`; null until mounted, so the server's render and
 * the first client render agree (relative times are filled in right after).
 */
export function useClock(everyMs = 15_000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
