import { type SectionLink, SectionLinks } from '../nav/section-links.tsx';

const LINKS: readonly SectionLink[] = [
  { href: '/admin', label: 'Overview', exact: true },
  { href: '/admin/stories', label: 'Stories at risk' },
  { href: '/admin/jobs', label: 'Jobs' },
  { href: '/admin/workers', label: 'Workers' },
  { href: '/admin/upstream', label: 'Watches' },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/tokens', label: 'API tokens' },
  { href: '/admin/notifications', label: 'Notifications' },
];

/** The monitor's sections. */
export function AdminNav() {
  return <SectionLinks links={LINKS} className="sm:flex-wrap" />;
}
