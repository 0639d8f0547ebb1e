import type { PartialUpload } from '@tiksavr/storage';

/** One GET of a media URL into a partial upload, resuming from the bytes it already has. */
export type TransferRequest = {
  readonly url: URL;
  /** Cookie, Referer, User-Agent from the resolver; the transfer adds `Range` for a resume. */
  readonly headers: Readonly<Record<string, string>>;
  readonly partial: PartialUpload;
  readonly maxBytes: number;
  /** The longest wait for the connection, the headers, or the next bytes of the body. */
  readonly idleTimeoutMs: number;
  /** Cancel, shutdown or lost job: stop at once (the bytes received stay for a resume). */
  readonly signal: AbortSignal;
  /** Bytes in the partial file so far, and the whole file's size once known. */
  readonly onBytes: (bytesDone: number, bytesTotal: number | null) => void;
};

/** Failures are thrown as AppErrors; these are the answers that are not failures. */
export type TransferResult =
  | { readonly kind: 'stored'; readonly total: number | null; readonly contentType: string | null }
  /** Nothing was kept; the caller checks the target before following it. */
  | { readonly kind: 'redirect'; readonly location: URL }
  /** The server did not honour the resume; nothing was kept. Reset the partial and ask again. */
  | { readonly kind: 'restart' };

/**
 * How media bytes travel from the CDN into storage. `curl` (curl-transfer.ts) is the fast path:
 * curl writes the file and this process only hashes it. `node` (node-transfer.ts) streams through
 * node:http into any Storage; it is used when curl is missing or the store has no local files.
 */
export type MediaTransfer = {
  readonly name: 'curl' | 'node';
  get(request: TransferRequest): Promise<TransferResult>;
};
