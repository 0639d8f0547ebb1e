import { type SectionLink, SectionLinks } from './section-links.tsx';

const LINKS: readonly SectionLink[] = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/history', label: 'History' },
  { href: '/watchlist', label: 'Watchlist' },
  { href: '/settings', label: 'Settings' },
  { href: '/help', label: 'Help' },
];

/** The main sections, plus the admin monitor for admins. */
export function NavLinks({ showAdmin = false }: { showAdmin?: boolean }) {
  return <SectionLinks links={showAdmin ? [...LINKS, { href: '/admin', label: 'Admin' }] : LINKS} />;
}
