import Link from 'next/link';

/** The TikSavr mark and name, linking home. */
export function BrandLink({ href = '/' }: { href?: string }) {
  return (
    <Link
      href={href}
      className="flex items-center gap-2 rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      <span
        aria-hidden="true"
        className="grid size-8 place-items-center rounded-lg bg-brand-600 text-lg font-bold text-white"
      >
        T
      </span>
      <span className="text-lg font-semibold tracking-tight">TikSavr</span>
    </Link>
  );
}
