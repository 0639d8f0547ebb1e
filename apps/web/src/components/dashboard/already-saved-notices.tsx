import Link from 'next/link';
import type { RouterOutputs } from '../../server/routers/app.ts';
import { buttonStyles } from '../ui/button-styles.ts';

export type AlreadySavedLink = RouterOutputs['downloads']['alreadySaved'][number];

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Links in the box that the person already has: "Already saved on … — Open it / Save again".
 * They are left out of Save; "Save again" makes a new copy of that one link.
 */
export function AlreadySavedNotices({
  links,
  onSaveAgain,
  saving,
}: {
  links: readonly AlreadySavedLink[];
  onSaveAgain: (link: AlreadySavedLink) => void;
  saving: boolean;
}) {
  return (
    <ul className="flex flex-col gap-2" aria-label="Already saved">
      {links.map((link) => (
        <li
          key={link.input}
          className="flex flex-col gap-2 rounded-lg border border-blue-200 bg-blue-50 px-3 py-2 text-blue-900"
          data-testid="already-saved"
        >
          <p className="min-w-0">
            <span className="font-semibold">
              {link.state === 'done'
                ? `Already saved on ${when(link.at)}`
                : `Already being saved (pasted ${when(link.at)})`}
            </span>
            <span className="block truncate text-sm" title={link.input}>
              {link.input}
            </span>
          </p>
          <div className="flex flex-wrap gap-2">
            <Link href={`/history?q=${encodeURIComponent(link.canonicalUrl)}`} className={buttonStyles.small}>
              Open it
            </Link>
            <button
              type="button"
              className={buttonStyles.small}
              disabled={saving}
              onClick={() => onSaveAgain(link)}
            >
              Save again
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
