/**
 * Reads a request's `Cookie` header into a map. Hand-rolled because the sim uses node:http
 * only; the format (`a=b; c=d`, value up to the end, first `=` splits) is all it needs.
 * A value may itself contain `=` (base64 tokens do).
 */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}
