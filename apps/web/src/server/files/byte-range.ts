/**
 * The one byte range of an HTTP `Range` header (RFC 9110 §14.1.2) against a file of `size` bytes.
 * Hand-written rather than `range-parser`: only one range is served (players and download managers
 * ask for one; multipart/byteranges is not worth its complexity here), which is a dozen lines.
 *
 * - `null`: no usable Range (absent, not `bytes=`, several ranges, malformed): send the whole file.
 * - `'unsatisfiable'`: a well-formed range that starts past the end: answer 416.
 * - `{ start, end }`: inclusive positions within the file.
 */
export type ByteRange = { start: number; end: number };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

export function parseByteRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === null) return null;
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // `bytes=-500`: the last 500 bytes.
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}
