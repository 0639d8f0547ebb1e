/**
 * Reads `Content-Range: bytes <start>-<end>/<total>` (RFC 9110 §14.4). Hand-rolled: it is one
 * line of grammar and no HTTP library in the project exposes a parser for it.
 */
export type ContentRange = { readonly start: number; readonly end: number; readonly total: number | null };

export function parseContentRange(header: string | null): ContentRange | null {
  const match = header === null ? null : /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim());
  if (match === null) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  const total = match[3] === '*' ? null : Number(match[3]);
  if (end < start || (total !== null && end >= total)) return null;
  return { start, end, total };
}
