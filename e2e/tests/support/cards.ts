import type { Page } from '@playwright/test';

/** The dashboard or history card of the download made from one pasted link. */
export function cardFor(page: Page, inputUrl: string) {
  return page.locator(`article[data-input-url="${inputUrl}"]`);
}

export const TERMINAL_STATE = /^(done|failed|expired|canceled)$/;
