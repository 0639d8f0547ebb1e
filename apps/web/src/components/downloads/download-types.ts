import type { DownloadDto } from '../../server/downloads/download-dto.ts';
import type { DownloadFilesSummary } from '../../server/downloads/download-files-summary.ts';

export type { DownloadDto, DownloadFilesSummary };

/** What a card shows: a download, with its thumbnail and main file when the list sent them. */
export type DownloadCardItem = DownloadDto & Partial<DownloadFilesSummary>;

/** A waiting download's place in line, and whether anything is picking downloads up at all. */
export type WaitingInfo = { ahead: number | null; downloaderDown: boolean };
export type DownloadState = DownloadDto['state'];

/** What a live event says about one download; merged over the last fetched row. */
export type LiveStatus = { state: DownloadState; bytesDone?: number; bytesTotal?: number | null };

export const ACTIVE_STATES: readonly DownloadState[] = ['queued', 'resolving', 'downloading'];

export function isActive(state: DownloadState): boolean {
  return ACTIVE_STATES.includes(state);
}
