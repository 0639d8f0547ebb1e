/**
 * Locates one element of an HTML page by its `id` and reads attributes of its opening tag.
 *
 * Why hand-rolled instead of an HTML parser: the page parser needs two things from a 0.5–1 MB
 * document (one `<script>` body, or four attributes of a 1.5 KB challenge page). `indexOf` finds
 * them in microseconds without building a DOM, and the scanning is bounded, so junk input costs
 * no more than a pass over the string.
 */

const MAX_ID_HITS = 64;
/** Real opening tags are far shorter; the cap bounds attribute parsing on hostile input. */
const MAX_TAG_LENGTH = 64 * 1024;

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';
}

export type OpeningTag = {
  /** Index of `<`. */
  readonly start: number;
  /** Index just past `>`. */
  readonly end: number;
  /** The tag's text, `<` to `>`. */
  readonly text: string;
};

/**
 * The opening tag of the first element whose `id` attribute is exactly `id` (written `id="…"`,
 * `id='…'` or `id=…`), optionally only for one tag name (lower case, e.g. `script`). The same
 * word anywhere else (text, inline code, other attributes such as `data-id`) is skipped.
 */
export function findOpeningTag(html: string, id: string, tagName?: string): OpeningTag | undefined {
  if (id.length === 0) return undefined;
  for (const needle of [`id="${id}"`, `id='${id}'`, `id=${id}`]) {
    const unquoted = needle.length === id.length + 3;
    let from = 0;
    for (let hit = 0; hit < MAX_ID_HITS; hit += 1) {
      const at = html.indexOf(needle, from);
      if (at < 0) break;
      from = at + needle.length;
      if (!isSpace(html[at - 1])) continue; // `data-id="x"` or text
      const after = html[at + needle.length];
      if (unquoted && !(isSpace(after) || after === '>' || after === '/')) continue;
      const start = html.lastIndexOf('<', at);
      if (start < 0) continue;
      const close = html.indexOf('>', start);
      if (close < at) continue; // the tag closed before the id: the id is text, not an attribute
      const name = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(start, start + 40))?.[1]?.toLowerCase();
      if (name === undefined || (tagName !== undefined && name !== tagName)) continue;
      const end = html.indexOf('>', at + needle.length) + 1;
      if (end <= 0 || end - start > MAX_TAG_LENGTH) return undefined;
      return { start, end, text: html.slice(start, end) };
    }
  }
  return undefined;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

/** The value of one attribute of an opening tag (entities decoded), or undefined. */
export function attributeOf(tag: string, name: string): string | undefined {
  const pattern = /[\s"']([^\s=>"'/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g;
  const wanted = name.toLowerCase();
  for (let match = pattern.exec(tag); match !== null; match = pattern.exec(tag)) {
    if (match[1]?.toLowerCase() !== wanted) continue;
    const raw = match[2] ?? match[3] ?? match[4] ?? '';
    return raw.replace(/&(?:amp|quot|#39|#x27|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
  }
  return undefined;
}

/** The text between an element's opening tag and `</tagName`, or undefined when it never closes. */
export function elementBody(html: string, tag: OpeningTag, tagName: string): string | undefined {
  const close = html.indexOf(`</${tagName}`, tag.end);
  return close < 0 ? undefined : html.slice(tag.end, close);
}
