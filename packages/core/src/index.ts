// The one public entry of @tiksavr/core. Internal files import each other by path.

export * from './advice/advice-for.ts';
export * from './advice/product-truths.ts';
export * from './advice/screen-recording-steps.ts';
export * from './errors.ts';
export * from './jobs.ts';
export * from './media/choose-media.ts';
export * from './page/extract-item-from-page.ts';
export * from './page/normalize-item.ts';
export * from './page/page-error.ts';
export * from './page/page-status.ts';
export * from './page/tiktok-item.ts';
export * from './page/waf-challenge.ts';
export * from './resolve/browser-headers.ts';
export * from './resolve/resolve.ts';
export * from './resolve/upstream.ts';
export * from './story/format-time-left.ts';
export * from './story/story-deadline.ts';
export * from './story/story-list.ts';
export * from './story/story-policy.ts';
export * from './url/extract-links.ts';
export * from './url/id-time.ts';
export * from './url/link-reject-reason.ts';
export * from './url/parse-tiktok-url.ts';
export * from './url/tiktok-hosts.ts';
export * from './url/tiktok-lookalike-host.ts';
