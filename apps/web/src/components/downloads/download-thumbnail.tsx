'use client';

import { useState } from 'react';
import type { DownloadCardItem } from './download-types.ts';

/**
 * The cover of a saved item in a fixed 3:4 box, so cards line up and never jump as pictures load;
 * a tidy placeholder (the kind's symbol) when there is no cover yet or it fails to load. Decorative:
 * the card's title says what it is.
 */
export function DownloadThumbnail({
  download,
}: {
  download: Pick<DownloadCardItem, 'thumbnailUrl' | 'kind' | 'isStory'>;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  const url = download.thumbnailUrl ?? null;
  const showImage = url !== null && failed !== url;
  return (
    <div className="relative aspect-[3/4] w-20 shrink-0 overflow-hidden rounded-lg bg-gray-100 sm:w-24">
      {showImage ? (
        // biome-ignore lint/performance/noImgElement: files come from our own authenticated route, not Next's optimizer.
        <img
          src={url}
          alt=""
          loading="lazy"
          decoding="async"
          onError={() => setFailed(url)}
          className="size-full object-cover"
          data-testid="thumbnail"
        />
      ) : (
        <div className="grid size-full place-items-center text-gray-500" data-testid="thumbnail-placeholder">
          <KindSymbol kind={download.isStory ? 'story' : download.kind} />
        </div>
      )}
    </div>
  );
}

function KindSymbol({ kind }: { kind: string | null }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-8"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
    >
      {kind === 'photo' ? (
        <>
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <circle cx="9" cy="10" r="1.8" />
          <path d="m4 18 5-5 4 4 3-3 4 4" />
        </>
      ) : kind === 'story' ? (
        <>
          <circle cx="12" cy="12" r="8.5" strokeDasharray="3 2" />
          <path d="M12 7.5V12l3 2" />
        </>
      ) : (
        <>
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <path d="m10 9 5 3-5 3z" fill="currentColor" />
        </>
      )}
    </svg>
  );
}
