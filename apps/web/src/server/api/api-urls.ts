import type { DownloadDetailDto } from '../routers/downloads/get.handler.ts';

/** Addresses of the API's own file routes, absolute (an iOS Shortcut needs a whole URL). */
export function apiFileUrl(publicUrl: string, assetId: string): string {
  return `${publicUrl}/api/v1/files/${assetId}`;
}

export function apiZipUrl(publicUrl: string, downloadId: string): string {
  return `${publicUrl}/api/v1/downloads/${downloadId}/zip`;
}

/** A download's detail with its file links pointing at the token-authenticated routes. */
export function withApiFileUrls(detail: DownloadDetailDto, publicUrl: string): DownloadDetailDto {
  return {
    ...detail,
    assets: detail.assets.map((asset) => ({ ...asset, url: apiFileUrl(publicUrl, asset.id) })),
    zipUrl: detail.zipUrl === null ? null : apiZipUrl(publicUrl, detail.id),
  };
}
