import type { ServerResponse } from 'node:http';

/** The few response shapes every route uses. */

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
) {
  const body = Buffer.from(html);
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
) {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/** The CDN's refusal: a small HTML page, like Akamai-style edges answer. */
export function sendAccessDenied(res: ServerResponse) {
  sendHtml(
    res,
    403,
    '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>' +
      "You don't have permission to access this resource.</BODY></HTML>\n",
  );
}

export function sendNotFound(res: ServerResponse) {
  sendHtml(res, 404, '<!doctype html><html><head><title>404</title></head><body>Not Found</body></html>\n');
}
