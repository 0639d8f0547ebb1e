'use client';

import { useCallback, useState } from 'react';
import { LiveDownloadsProvider } from '../downloads/live-downloads.tsx';
import { PasteForm } from './paste-form.tsx';
import { RecentDownloads } from './recent-downloads.tsx';

export function DashboardView({ initialText }: { initialText: string }) {
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(new Set());
  const onSaved = useCallback((ids: string[]) => {
    setOpenIds((previous) => new Set([...previous, ...ids]));
  }, []);
  return (
    <LiveDownloadsProvider>
      <PasteForm initialText={initialText} onSaved={onSaved} />
      <RecentDownloads openIds={openIds} />
    </LiveDownloadsProvider>
  );
}
