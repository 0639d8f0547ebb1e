import type { AssetRole } from '@tiksavr/db';
import { DOWNLOAD_DTO_SELECT, type DownloadDto, toDownloadDto } from '../../downloads/download-dto.ts';
import { findOwnDownload } from '../../downloads/own-download.ts';
import { assetFileUrl, zipFileUrl } from '../../files/file-urls.ts';
import type { UserContext } from '../../trpc.ts';
import type { DownloadId } from './downloads.schema.ts';

export type AssetDto = {
  id: string;
  role: AssetRole;
  index: number;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  duration: number | null;
  codec: string | null;
  /** Where the authenticated file route serves it, as an attachment. */
  url: string;
};

export type DownloadDetailDto = DownloadDto & {
  assets: AssetDto[];
  /** Every image and the sound of a photo post in one ZIP; null for videos and stories. */
  zipUrl: string | null;
};

/** One of the user's Downloads with the files of its item. */
export async function getDownload(ctx: UserContext, input: DownloadId): Promise<DownloadDetailDto> {
  const row = await findOwnDownload(ctx.db, ctx.user.id, input.id, {
    ...DOWNLOAD_DTO_SELECT,
    item: {
      select: {
        kind: true,
        assets: {
          select: {
            id: true,
            role: true,
            index: true,
            mime: true,
            size: true,
            width: true,
            height: true,
            duration: true,
            codec: true,
          },
          orderBy: [{ role: 'asc' }, { index: 'asc' }],
        },
      },
    },
  });
  const { item, ...download } = row;
  const assets = (item?.assets ?? []).map((asset) => ({
    ...asset,
    size: Number(asset.size),
    url: assetFileUrl(asset.id),
  }));
  const isPhotoPost = (item?.kind ?? download.kind) === 'photo';
  return {
    ...toDownloadDto(download),
    assets,
    zipUrl: isPhotoPost && assets.length > 0 ? zipFileUrl(download.id) : null,
  };
}
