/**
 * A header value Node will send: HTTP header values are Latin-1, so text with other characters
 * (most captions: emoji, CJK) is sent as an RFC 2047 encoded word, which ntfy decodes for its
 * Title and Tags headers. Line breaks are folded to spaces either way.
 */
export function headerText(value: string): string {
  const line = value.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(line)) return line;
  return `=?UTF-8?B?${Buffer.from(line, 'utf8').toString('base64')}?=`;
}
