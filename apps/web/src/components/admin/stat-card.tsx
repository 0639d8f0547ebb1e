import Link from 'next/link';

/** One number with its label; a link when there is a list behind it. */
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
  const body = (
    <>
      <dt className="text-sm font-medium text-gray-700">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {hint ? <dd className="text-xs text-gray-600">{hint}</dd> : null}
    </>
  );
  return (
    <div className={`rounded-xl border p-3 ${toneClass}`}>
      {href ? (
        <Link href={href} className="flex flex-col gap-0.5 hover:underline">
          {body}
        </Link>
      ) : (
        <div className="flex flex-col gap-0.5">{body}</div>
      )}
    </div>
  );
}
