/**
 * The lower-cased text history search runs over (`Download.searchText`, trigram-indexed):
 * caption, author and both URLs. The worker rebuilds it once the caption and author are known.
 */
export function downloadSearchText(parts: {
  inputUrl: string;
  canonicalUrl: string;
  author?: string | null;
  caption?: string | null;
}): string {
  return [parts.author, parts.caption, parts.canonicalUrl, parts.inputUrl]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(' ')
    .toLowerCase();
}

/** An `ILIKE` pattern matching `query` anywhere, with `%`, `_` and `\` taken literally. */
export function containsPattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
