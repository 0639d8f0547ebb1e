import type { Readable } from 'node:stream';
import type { Db } from '@tiksavr/db';
import type { Storage } from '@tiksavr/storage';
import type { SessionLookup } from '../session-user.ts';
import { attachmentDisposition, attachmentName, extensionFor, partName } from './attachment-name.ts';
import { parseByteRange } from './byte-range.ts';
import { FILE_HEADERS, notFound, plainResponse, signInFirst } from './file-responses.ts';
import { findOwnedAsset } from './owned-asset.ts';

export type FileRouteDeps = { db: Db; storage: Storage; sessionUser: SessionLookup };

/**
 * `GET /api/files/<assetId>`: one stored file, to its owner only, as an attachment, with `Range`
 * support (206 / 416) so players can seek and interrupted downloads can resume. Streams from
 * storage; nothing is buffered.
 */
export async function serveAsset(request: Request, assetId: string, deps: FileRouteDeps): Promise<Response> {
  const user = await deps.sessionUser(request);
  if (!user) return signInFirst();
  const asset = await findOwnedAsset(deps.db, user.id, assetId);
  if (!asset) return notFound();
  const stat = await deps.storage.stat(asset.storageKey);
  if (!stat) return notFound();

  const siblings = await deps.db.asset.count({ where: { itemId: asset.item.id, role: asset.role } });
  const fileName = attachmentName({
    itemId: asset.item.id,
    author: asset.item.author,
    caption: asset.item.caption,
    part: partName(asset.role, asset.index, siblings),
    extension: extensionFor(asset.mime),
  });
  const headers: Record<string, string> = {
    ...FILE_HEADERS,
    'Content-Type': asset.mime,
    'Content-Disposition': attachmentDisposition(fileName),
    'Accept-Ranges': 'bytes',
    ETag: `"${asset.sha256}"`,
  };

  const range = parseByteRange(request.headers.get('range'), stat.size);
  if (range === 'unsatisfiable') {
    return plainResponse(416, 'Range not satisfiable', { 'Content-Range': `bytes */${stat.size}` });
  }
  if (range === null) {
    const body = stat.size === 0 ? null : toWebStream(deps.storage.read(asset.storageKey));
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Length': String(stat.size) } });
  }
  const body = toWebStream(deps.storage.read(asset.storageKey, range));
  return new Response(body, {
    status: 206,
    headers: {
      ...headers,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${stat.size}`,
    },
  });
}

/**
 * A Node stream as a fetch body, read on demand (backpressure), destroyed when the client goes
 * away. Hand-written instead of `Readable.toWeb`: on Node 24 canceling a body made by `toWeb`
 * can throw ERR_INVALID_STATE ("Controller is already closed") from the stream's close handler,
 * an uncaught error outside any request.
 */
export function toWebStream(stream: Readable): ReadableStream<Uint8Array> {
  const chunks = stream[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value instanceof Uint8Array ? next.value : Buffer.from(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    cancel(reason) {
      stream.destroy(reason instanceof Error ? reason : undefined);
    },
  });
}
