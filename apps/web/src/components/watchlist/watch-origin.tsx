import Link from 'next/link';
import { EyeIcon } from './eye-icon.tsx';

/** "From your watch of @name" on an item a watch saved (no paste needed); nothing on pasted items. */
export function WatchOrigin({
  download,
}: {
  download: { origin: 'paste' | 'watch' | 'api'; watchCreator: string | null; author: string | null };
}) {
  if (download.origin !== 'watch') return null;
  const handle = download.watchCreator ?? download.author;
  return (
    <p className="text-sm text-gray-700" data-testid="watch-origin">
      <EyeIcon />
      {handle ? (
        <>
          From your{' '}
          <Link href="/watchlist" className="underline underline-offset-2">
            watch of @{handle}
          </Link>
        </>
      ) : (
        'From one of your watches'
      )}
    </p>
  );
}
