import type { DownloadDto } from '../../server/downloads/download-dto.ts';

export type { DownloadDto };
export type DownloadState = DownloadDto['state'];

/** What a live event says about one download; merged over the last fetched row. */
export type LiveStatus = { state: DownloadState; bytesDone?: number; bytesTotal?: number | null };

export const ACTIVE_STATES: readonly DownloadState[] = ['queued', 'resolving', 'downloading'];

export function isActive(state: DownloadState): boolean {
  return ACTIVE_STATES.includes(state);
}
