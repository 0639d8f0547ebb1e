import { isStorageKey } from '@tiksavr/storage';
import { FILE_HEADERS, notFound, signInFirst } from '../files/file-responses.ts';
import type { FileRouteDeps } from '../files/serve-asset.ts';
import { toWebStream } from '../files/serve-asset.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A profile picture is small; anything larger is not served (a bad row must not stream a video). */
const MAX_AVATAR_BYTES = 2 * 1024 * 1024;

/**
 * The image type from the first bytes. Hand-rolled because the store keeps no type for an avatar
 * and three magic numbers do not justify a sniffing library; TikTok serves JPEG, PNG or WebP.
 */
function imageTypeOf(head: Uint8Array): string | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'image/png';
  const text = new TextDecoder('latin1').decode(head.subarray(0, 12));
  if (text.startsWith('RIFF') && text.slice(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

async function readHead(deps: FileRouteDeps, key: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of deps.storage.read(key, { start: 0, end: 11 })) chunks.push(chunk as Uint8Array);
  return Buffer.concat(chunks);
}

/**
 * `GET /api/avatars/<creatorId>`: the stored profile picture of a creator the signed-in person
 * watches. Anyone else gets 404, like a creator without a picture (the page then shows initials).
 * Content-addressed, so the `?v=` version makes it cacheable for a long time by this browser.
 */
export async function serveAvatar(
  request: Request,
  creatorId: string,
  deps: FileRouteDeps,
): Promise<Response> {
  const user = await deps.sessionUser(request);
  if (!user) return signInFirst();
  if (!UUID.test(creatorId)) return notFound();
  const creator = await deps.db.creator.findFirst({
    where: { id: creatorId, watches: { some: { userId: user.id } } },
    select: { avatarKey: true },
  });
  const key = creator?.avatarKey;
  if (!key || !isStorageKey(key)) return notFound();
  const stat = await deps.storage.stat(key);
  if (!stat || stat.size === 0 || stat.size > MAX_AVATAR_BYTES) return notFound();
  const type = imageTypeOf(await readHead(deps, key));
  if (!type) return notFound();
  return new Response(toWebStream(deps.storage.read(key)), {
    status: 200,
    headers: {
      ...FILE_HEADERS,
      'Content-Type': type,
      'Content-Length': String(stat.size),
      'Cache-Control': 'private, max-age=86400',
      ETag: `"${key.slice(3)}"`,
    },
  });
}
