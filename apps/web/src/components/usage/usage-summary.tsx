'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.tsx';

/** A share of a limit as a whole percent, for the meter; null without a limit. */
function percentOf(used: number, max: number | null): number | null {
  if (max === null) return null;
  if (max === 0) return 100;
  return Math.min(100, Math.round((used / max) * 100));
}

/** A native meter (screen readers announce the share); tinted by CSS accent colour as it fills up. */
function Meter({ label, percent }: { label: string; percent: number }) {
  const tone = percent >= 100 ? 'accent-red-600' : percent >= 90 ? 'accent-amber-500' : 'accent-brand-600';
  return (
    <meter
      aria-label={label}
      min={0}
      max={100}
      low={90}
      high={99}
      optimum={0}
      value={percent}
      className={`h-2 w-24 ${tone}`}
    />
  );
}

/**
 * The person's storage in one line, for the history and dashboard header: "Using 1.2 GB of 5 GB ·
 * 340 of 1,000 items", a meter per limit, what to do when one is reached, and the auto-delete rule
 * when the admin set one. Refreshes with every save or delete (it lives under `downloads`).
 */
export function UsageSummary() {
  const trpc = useTRPC();
  const usage = useQuery(trpc.downloads.usage.queryOptions());
  if (!usage.data) return null;
  const { bytes, items, maxBytes, maxItems, words, retentionDays } = usage.data;
  const bytesPercent = percentOf(bytes, maxBytes);
  const itemsPercent = percentOf(items, maxItems);
  const full = bytesPercent === 100 || itemsPercent === 100;
  return (
    <section
      aria-label="Your storage"
      className="flex flex-col gap-1 text-sm text-gray-700"
      data-testid="usage-summary"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <p className="tabular-nums">{words}</p>
        {bytesPercent !== null ? <Meter label="Storage used" percent={bytesPercent} /> : null}
        {itemsPercent !== null ? <Meter label="Items used" percent={itemsPercent} /> : null}
      </div>
      {full ? (
        <p className="text-red-900">
          You have reached your limit. Delete items you no longer need, or ask the admin for more room.
        </p>
      ) : null}
      {retentionDays !== null ? (
        <p>
          Items older than {retentionDays} {retentionDays === 1 ? 'day' : 'days'} are deleted automatically.
          Pin one to keep it.
        </p>
      ) : null}
    </section>
  );
}
