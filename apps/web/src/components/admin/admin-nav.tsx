import { type SectionLink, SectionLinks } from '../nav/section-links.tsx';

const LINKS: readonly SectionLink[] = [
  { href: '/admin', label: 'Overview', exact: true },
  { href: '/admin/stories', label: 'Stories at risk' },
  { href: '/admin/jobs', label: 'Jobs' },
  { href: '/admin/workers', label: 'Workers' },
  { href: '/admin/users', label: 'Users' },
];

/** The monitor's sections. */
export function AdminNav() {
  return <SectionLinks links={LINKS} className="flex-wrap" />;
}
