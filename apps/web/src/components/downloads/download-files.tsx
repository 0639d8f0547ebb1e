'use client';

import { useQuery } from '@tanstack/react-query';
import { formatByteSize } from '@tiksavr/core';
import { useTRPC } from '../../lib/trpc.tsx';
import { buttonStyles } from '../ui/button-styles.ts';
import { MediaPreview } from './media-preview.tsx';

const ROLE_NAMES: Record<string, string> = { video: 'Video', image: 'Photo', audio: 'Sound', cover: 'Cover' };

/**
 * The preview and every file of a saved item, loaded when it is opened. `offered` is the file the
 * card already offers as its main download; it is not listed a second time.
 */
export function DownloadFiles({
  downloadId,
  offered = null,
}: {
  downloadId: string;
  offered?: string | null;
}) {
  const trpc = useTRPC();
  const details = useQuery(trpc.downloads.get.queryOptions({ id: downloadId }));
  if (details.isPending) return <p className="min-h-11 text-sm text-gray-700">Loading files…</p>;
  if (details.isError)
    return <p className="text-sm text-red-800">The files could not be loaded. Try again later.</p>;
  const { assets, zipUrl } = details.data;
  const files = assets.filter((asset) => asset.role !== 'cover' && asset.url !== offered);
  return (
    <div className="flex flex-col gap-3">
      <MediaPreview assets={assets} />
      {files.length > 0 || (zipUrl && zipUrl !== offered) ? (
        <ul className="flex flex-wrap gap-2" aria-label="Files">
          {files.map((asset) => {
            const name = `${ROLE_NAMES[asset.role] ?? 'File'}${asset.role === 'image' ? ` ${asset.index + 1}` : ''}`;
            return (
              <li key={asset.id}>
                <a href={asset.url} download className={buttonStyles.small}>
                  Download {name.toLowerCase()}
                  {asset.size ? (
                    <span className="text-gray-600">({formatByteSize(Number(asset.size))})</span>
                  ) : null}
                </a>
              </li>
            );
          })}
          {zipUrl && zipUrl !== offered ? (
            <li>
              <a href={zipUrl} download className={buttonStyles.small}>
                Download all (ZIP)
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
