/**
 * A desktop TikTok page in the current layout (tiktok-upstream.md §2B): a few config scripts in
 * the head, the app root, then
 *   <script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">{"__DEFAULT_SCOPE__":{…}}</script>
 * and the webapp bundles. Only that one script carries data; the rest is there so parsers
 * have to find it rather than assume it is the whole page.
 */
export type RehydrationPage = {
  origin: string;
  title: string;
  description: string;
  /** Scopes of `__DEFAULT_SCOPE__`, in page order. */
  scopes: Record<string, unknown>;
};

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** JSON that is safe inside a <script> element: no `</script>`, no raw line separators. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function renderRehydrationPage(page: RehydrationPage): string {
  const staticBase = `${page.origin}/static/webapp/desktop`;
  const apiDomains = {
    kind: 't',
    captcha: '',
    rootApi: page.origin,
    mTApi: page.origin,
    webcastApi: page.origin,
  };
  const data = { __DEFAULT_SCOPE__: page.scopes };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8"/>
    <meta name="viewport" content="width=device-width,initial-scale=1"/>
    <title>${escapeHtml(page.title)}</title>
    <meta name="description" content="${escapeHtml(page.description)}"/>
    <meta name="pumbaa-ctx" content="login=0,ftc=0"/>
    <script type="application/json" id="script-manager">{"imports":{"acrawler":"${staticBase}/webmssdk.js"}}</script>
    <script id="api-domains" type="application/json">${scriptSafeJson(apiDomains)}</script>
    <script id="service-region" type="application/json">{"vregion":"Sim-Loopback","vgeo":"VGeo-ROW"}</script>
    <link rel="preconnect" href="${page.origin}">
    <link rel="stylesheet" href="${staticBase}/main.css">
  </head>
  <body>
    <svg style="position:absolute;width:0;height:0" id="svg-sprite-container"><symbol id="icon-logo" viewBox="0 0 48 48"><path d="M24 4v28a8 8 0 1 1-8-8"/></symbol></svg>
    <div id="app" style="min-height: 100vh; display: flex; flex-direction: column" data-csr="1">
      <div class="css-header"><a href="${page.origin}/" aria-label="TikTok"><svg width="118" height="42"><use href="#icon-logo"/></svg></a></div>
      <main class="css-main"><div class="css-loading" role="progressbar"></div></main>
    </div>
    <script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${scriptSafeJson(data)}</script>
    <script data-chunk="webapp-desktop" async src="${staticBase}/runtime.js"></script>
    <script data-chunk="webapp-desktop" async src="${staticBase}/vendor.js"></script>
    <script data-chunk="webapp-desktop" async src="${staticBase}/webapp-desktop.js"></script>
  </body>
</html>
`;
}
