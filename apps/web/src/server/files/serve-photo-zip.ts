import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { attachmentDisposition, attachmentName, extensionFor, partName } from './attachment-name.ts';
import { FILE_HEADERS, notFound, signInFirst } from './file-responses.ts';
import { findOwnedPhotoPost } from './owned-asset.ts';
import { type FileRouteDeps, toWebStream } from './serve-asset.ts';

/**
 * `GET /api/files/zip/<downloadId>`: every picture of a photo post plus its sound, as one ZIP
 * streamed while it is built (yazl reads one file at a time). Entries are stored, not deflated:
 * JPEG/WebP/MP3 do not shrink, and storing keeps the CPU free.
 */
export async function servePhotoZip(
  request: Request,
  downloadId: string,
  deps: FileRouteDeps,
): Promise<Response> {
  const user = await deps.sessionUser(request);
  if (!user) return signInFirst();
  const post = await findOwnedPhotoPost(deps.db, user.id, downloadId);
  if (!post) return notFound();
  const stats = await Promise.all(post.assets.map((asset) => deps.storage.stat(asset.storageKey)));
  if (stats.some((stat) => stat === null)) return notFound();

  const images = post.assets.filter((asset) => asset.role === 'image').length;
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  for (const [position, asset] of post.assets.entries()) {
    const name = attachmentName({
      itemId: post.id,
      author: post.author,
      caption: post.caption,
      part: partName(asset.role, asset.index, images),
      extension: extensionFor(asset.mime),
    });
    zip.addReadStreamLazy(
      name,
      { compress: false, mtime: asset.createdAt, size: stats[position]?.size },
      (done) => done(null, deps.storage.read(asset.storageKey)),
    );
  }
  // A file that vanishes mid-stream ends the response with an error instead of crashing the process.
  zip.on('error', (error: Error) => output.destroy(error));
  zip.end();
  const fileName = attachmentName({
    itemId: post.id,
    author: post.author,
    caption: post.caption,
    extension: 'zip',
  });
  return new Response(toWebStream(output), {
    status: 200,
    headers: {
      ...FILE_HEADERS,
      'Content-Type': 'application/zip',
      'Content-Disposition': attachmentDisposition(fileName),
    },
  });
}
