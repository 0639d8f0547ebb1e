const GB = 1_000_000_000;

/**
 * What an admin types into a limit box, as the number the server takes: blank means "no limit"
 * (null), a storage limit is typed in GB (decimals allowed: "0.5"), a count as a whole number.
 * `invalid` when it is neither.
 */
export type ParsedLimit = { readonly ok: true; readonly value: number | null } | { readonly ok: false };

export function parseGigabytes(text: string): ParsedLimit {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, value: null };
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false };
  const bytes = Math.round(Number(trimmed) * GB);
  return Number.isSafeInteger(bytes) ? { ok: true, value: bytes } : { ok: false };
}

export function parseWholeNumber(text: string, min = 0): ParsedLimit {
  const trimmed = text.trim().replace(/[,_\s]/g, '');
  if (trimmed === '') return { ok: true, value: null };
  if (!/^\d+$/.test(trimmed)) return { ok: false };
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value >= min ? { ok: true, value } : { ok: false };
}

/** A stored byte limit back in the box's own unit ("5", "0.25"); blank for none. */
export function gigabytesText(bytes: number | null): string {
  if (bytes === null) return '';
  return String(Math.round((bytes / GB) * 1000) / 1000);
}
