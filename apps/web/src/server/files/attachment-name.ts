/**
 * Readable names for downloaded files: `author - caption (itemId).mp4`, plus the picture number or
 * "sound" for photo posts. Safe on every desktop file system: no path separators, reserved or
 * control characters, no trailing dots or spaces, and a length well under 255 bytes.
 */

const EXTENSIONS: Record<string, string> = {
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/avif': 'avif',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'application/zip': 'zip',
};

export function extensionFor(mime: string): string {
  return EXTENSIONS[mime.split(';')[0]?.trim().toLowerCase() ?? ''] ?? 'bin';
}

const MAX_CAPTION_CHARS = 60;
const MAX_AUTHOR_CHARS = 30;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|#%\u200b-\u200f\u2028-\u202e\u2060\ufeff]+/g;

function clean(text: string | null | undefined, maxChars: number): string {
  if (!text) return '';
  const flat = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  const cut = chars.length > maxChars ? `${chars.slice(0, maxChars).join('').trimEnd()}…` : flat;
  return cut.replace(/^[.\s]+|[.\s]+$/g, '');
}

export type NamedFile = {
  itemId: string;
  author?: string | null;
  caption?: string | null;
  /** e.g. `1` for the first picture, `sound` for the music track; omitted for a post's only file. */
  part?: string;
  extension: string;
};

export function attachmentName({ itemId, author, caption, part, extension }: NamedFile): string {
  const head = [clean(author, MAX_AUTHOR_CHARS), clean(caption, MAX_CAPTION_CHARS)]
    .filter(Boolean)
    .join(' - ');
  const base = `${head === '' ? 'TikTok' : head} (${itemId.replace(/\D/g, '')})`;
  return `${base}${part ? ` ${part}` : ''}.${extension}`;
}

/** What distinguishes one file of a post from its siblings in names. */
export function partName(role: string, index: number, siblings: number): string | undefined {
  if (role === 'audio') return 'sound';
  if (role === 'cover') return 'cover';
  if (role === 'image' && siblings > 1) return String(index + 1).padStart(2, '0');
  return undefined;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the exact UTF-8 name
 * (RFC 6266 / RFC 8187), so every browser saves the file under a readable name.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '')
      .replace(/\s+/g, ' ')
      .trim() || 'download';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
