'use client';

import { useCallback, useState } from 'react';
import { LiveDownloadsProvider } from '../downloads/live-downloads.tsx';
import { UsageSummary } from '../usage/usage-summary.tsx';
import { PasteForm } from './paste-form.tsx';
import { RecentDownloads } from './recent-downloads.tsx';

export function DashboardView({ initialText }: { initialText: string }) {
  const [justSaved, setJustSaved] = useState<ReadonlySet<string>>(new Set());
  const onSaved = useCallback((ids: string[]) => {
    setJustSaved((previous) => new Set([...previous, ...ids]));
  }, []);
  return (
    <LiveDownloadsProvider>
      <div className="flex w-full max-w-3xl flex-col gap-3" data-wide-page>
        <PasteForm initialText={initialText} onSaved={onSaved} />
        <UsageSummary />
      </div>
      <RecentDownloads justSaved={justSaved} />
    </LiveDownloadsProvider>
  );
}
