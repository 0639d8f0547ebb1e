import Link from 'next/link';

/**
 * One number with its label, as a `dt`/`dd` group inside the caller's `<dl>`. With a list behind
 * it, the number is a link whose hit area covers the whole card (the `dl` keeps only `dt`/`dd`
 * inside its groups, as screen readers expect).
 */
export function StatCard({
  label,
  value,
  hint,
  href,
  testId,
  tone = 'plain',
}: {
  label: string;
  value: string | number;
  hint?: string;
  href?: string;
  testId?: string;
  tone?: 'plain' | 'good' | 'bad' | 'warn';
}) {
  const toneClass = {
    plain: 'border-gray-200',
    good: 'border-green-300 bg-green-50',
    bad: 'border-red-300 bg-red-50',
    warn: 'border-amber-300 bg-amber-50',
  }[tone];
  return (
    <div
      className={`relative flex flex-col gap-0.5 rounded-xl border p-3 ${toneClass} ${href ? 'hover:underline' : ''}`}
    >
      <dt className="text-sm font-medium text-gray-700">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums" data-testid={testId}>
        {href ? (
          <Link
            href={href}
            className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
      {hint ? <dd className="text-xs text-gray-600">{hint}</dd> : null}
    </div>
  );
}
