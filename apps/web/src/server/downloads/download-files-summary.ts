import { assetFileUrl, zipFileUrl } from '../files/file-urls.ts';

/** What a card needs to show a saved item without loading its details: a picture and one download. */
export type DownloadFilesSummary = {
  /** The cover picture (else the first photo), through the authenticated file route; null when none. */
  thumbnailUrl: string | null;
  /** The one download a person most likely wants: the video, every photo and the sound as a ZIP, or the one picture. */
  fileUrl: string | null;
  /** What `fileUrl` holds: a video, a ZIP of a photo post's files, or a single picture. */
  fileKind: 'video' | 'zip' | 'image' | null;
  /** Its size in bytes (for a ZIP, the files in it added up); null when unknown. */
  fileSize: number | null;
};

/**
 * Extra columns for raw SQL over "Download" (unaliased, as history's keyset query reads it): one
 * small lookup each on the Asset (itemId, role, index) index, so a page of cards costs a few index
 * probes per row, not a join of every asset.
 */
export const DOWNLOAD_FILES_SQL = `
  (SELECT a."id" FROM "Asset" a WHERE a."itemId" = "Download"."itemId" AND a."role" IN ('cover', 'image')
    ORDER BY (a."role" = 'cover') DESC, a."index" LIMIT 1) AS "thumbnailAssetId",
  (SELECT json_build_object('id', a."id", 'size', a."size") FROM "Asset" a
    WHERE a."itemId" = "Download"."itemId" AND a."role" = 'video' ORDER BY a."index" LIMIT 1) AS "videoAsset",
  (SELECT json_build_object('id', a."id", 'size', a."size") FROM "Asset" a
    WHERE a."itemId" = "Download"."itemId" AND a."role" = 'image' ORDER BY a."index" LIMIT 1) AS "firstImage",
  (SELECT json_build_object('count', count(*)::int, 'size', coalesce(sum(a."size"), 0)) FROM "Asset" a
    WHERE a."itemId" = "Download"."itemId" AND a."role" IN ('image', 'audio')) AS "photoFiles"`;

type AssetRef = { id: string; size: number | string } | null;

export type DownloadFilesRow = {
  id: string;
  kind: string | null;
  thumbnailAssetId: string | null;
  videoAsset: AssetRef;
  firstImage: AssetRef;
  photoFiles: { count: number; size: number | string } | null;
};

export function downloadFilesSummary(row: DownloadFilesRow): DownloadFilesSummary {
  const thumbnailUrl = row.thumbnailAssetId ? assetFileUrl(row.thumbnailAssetId) : null;
  if (row.videoAsset) {
    return {
      thumbnailUrl,
      fileUrl: assetFileUrl(row.videoAsset.id),
      fileKind: 'video',
      fileSize: Number(row.videoAsset.size),
    };
  }
  // The ZIP route serves photo posts only; a one-picture story gets its picture.
  if (row.kind === 'photo' && row.photoFiles && row.photoFiles.count > 0) {
    return {
      thumbnailUrl,
      fileUrl: zipFileUrl(row.id),
      fileKind: 'zip',
      fileSize: Number(row.photoFiles.size),
    };
  }
  if (row.firstImage) {
    return {
      thumbnailUrl,
      fileUrl: assetFileUrl(row.firstImage.id),
      fileKind: 'image',
      fileSize: Number(row.firstImage.size),
    };
  }
  return { thumbnailUrl, fileUrl: null, fileKind: null, fileSize: null };
}
