import { formatByteSize } from '@tiksavr/core';

/** Download progress; without a known total it shows bytes so far and an indeterminate bar. */
export function ProgressBar({ done, total, label }: { done: number; total: number | null; label: string }) {
  const percent = total && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        className="h-2 w-full overflow-hidden rounded-full bg-gray-200"
      >
        <div
          className={`h-full rounded-full bg-brand-600 transition-[width] duration-300 ${percent === null ? 'w-1/3 animate-pulse' : ''}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
      <p className="text-sm tabular-nums text-gray-700">
        {percent === null
          ? `${formatByteSize(done)} so far`
          : `${percent}% · ${formatByteSize(done)} of ${formatByteSize(total ?? 0)}`}
      </p>
    </div>
  );
}
