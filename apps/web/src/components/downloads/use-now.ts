'use client';

import { useEffect, useState } from 'react';

/** The browser's clock, ticking every `everyMs`; null on the server and in the first render (so they agree). */
export function useNow(everyMs: number): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
