import { z } from 'zod';

/**
 * The keyset position of a history page: the (createdAt, id) of its last row, as an opaque
 * base64url string. Keyset rather than OFFSET so page 500 costs what page 1 costs and rows
 * arriving meanwhile do not shift the pages.
 */
export type HistoryPosition = { createdAt: Date; id: string };

const PositionSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeHistoryCursor(position: HistoryPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

/** The position in a cursor, or null when the cursor was not made by `encodeHistoryCursor`. */
export function decodeHistoryCursor(cursor: string): HistoryPosition | null {
  try {
    const parsed = PositionSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    return { createdAt: new Date(parsed.data[0]), id: parsed.data[1] };
  } catch {
    return null;
  }
}
