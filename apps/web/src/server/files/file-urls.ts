/** Paths of the authenticated file routes (src/app/api/files). */
export function assetFileUrl(assetId: string): string {
  return `/api/files/${assetId}`;
}

export function zipFileUrl(downloadId: string): string {
  return `/api/files/zip/${downloadId}`;
}
