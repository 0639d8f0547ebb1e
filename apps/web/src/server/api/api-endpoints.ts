import type { ApiEndpoint } from './api-endpoint.ts';
import {
  cancelDownloadEndpoint,
  deleteDownloadEndpoint,
  downloadZipEndpoint,
  getDownloadEndpoint,
  listDownloadsEndpoint,
  retryDownloadEndpoint,
  submitDownloadsEndpoint,
} from './endpoints/download-endpoints.ts';
import { getFileEndpoint } from './endpoints/file-endpoints.ts';
import { meEndpoint } from './endpoints/me-endpoint.ts';
import { createWatchEndpoint } from './endpoints/watch-endpoints.ts';

/** Every operation of /api/v1, in the order the document lists them. */
export const API_ENDPOINTS: readonly ApiEndpoint[] = [
  submitDownloadsEndpoint,
  listDownloadsEndpoint,
  getDownloadEndpoint,
  cancelDownloadEndpoint,
  retryDownloadEndpoint,
  deleteDownloadEndpoint,
  getFileEndpoint,
  downloadZipEndpoint,
  createWatchEndpoint,
  meEndpoint,
];
