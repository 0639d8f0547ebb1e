import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/**
 * Full-page screenshots at phone and desktop sizes, written to e2e/test-results/screenshots and
 * attached to the report. Restores the phone-first viewport afterwards.
 */
export async function screenshotBothSizes(page: Page, testInfo: TestInfo, name: string) {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    const path = join(testInfo.project.outputDir, 'screenshots', `${name}-${size}.png`);
    const image = await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    await testInfo.attach(`${name}-${size}`, { body: image, contentType: 'image/png' });
  }
}
