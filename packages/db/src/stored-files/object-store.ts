/**
 * What the stored-file protocol needs of the media store. It is `@tiksavr/storage`'s `Storage`
 * (which satisfies this shape), restated here because the db package depends on no internal
 * package (scripts/check-graph.ts).
 */
export type ObjectStore = {
  stat(key: string): Promise<{ readonly size: number } | null>;
  /** Removes the object; an object already gone is not an error. */
  delete(key: string): Promise<void>;
  list(): AsyncIterable<{ readonly key: string; readonly size: number; readonly modifiedAt: Date }>;
};
