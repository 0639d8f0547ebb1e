'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type SectionLink = {
  href: string;
  label: string /** Current only on this exact path. */;
  exact?: boolean;
};

/** A row of section links; the current one is marked for screen readers and by an underline. */
export function SectionLinks({ links, className }: { links: readonly SectionLink[]; className?: string }) {
  const pathname = usePathname();
  return (
    <ul className={`flex items-center gap-1 ${className ?? ''}`}>
      {links.map((link) => {
        const current = link.exact
          ? pathname === link.href
          : pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center whitespace-nowrap rounded-md px-3 font-medium hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
                current ? 'text-brand-600 underline decoration-2 underline-offset-8' : 'text-gray-800'
              }`}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
