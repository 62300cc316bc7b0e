/**
 * A popup opened before the image checks finish shows their Content Credentials when they come, without
 * being opened again, in real Chromium: the debunked AI picture's fetch by the service worker is held back
 * (the image host slow), the popup is opened, then the picture is let through; the background tells the
 * open popup that the tab learned credentials and it reads the tab again (the same page: a mark left on it
 * before is still there).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openPopup, tabIdOf } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { AI, EXPECTED_LINES, PAGE_URL, popupCredentials, served, writeList } from './image-credentials-case';

const work = mkdtempSync(join(tmpdir(), 'sanad-credentials-late-'));
let browser: SanadBrowser;
/** Opens the gate the AI picture's service-worker fetch waits at. */
let release: () => void = () => {};
const gate = new Promise<void>((resolve) => (release = resolve));
let held = 0;

beforeAll(async () => {
  browser = await launchWithSanad();
  await serveSavedPages(browser.context, served());
  // Registered last, so asked first: the background's fetch of the AI picture (not the page's <img>) waits.
  await browser.context.route(AI, async (route) => {
    if (route.request().resourceType() === 'image') return route.fallback();
    held++;
    await gate;
    return route.fallback();
  });
}, 120_000);

afterAll(async () => {
  release();
  await browser?.close();
});

describe('an open popup', () => {
  it('shows credentials the SDK answers after it was opened', { timeout: 120_000 }, async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('input[name="list-file"]').setInputFiles(writeList(work));
    await expect.poll(() => options.locator('.notice').innerText(), { timeout: 20_000 }).toContain('Added 1 fact-check.');
    await options.close();

    const page = await browser.context.newPage();
    await page.goto(PAGE_URL);
    await expect.poll(() => held, { timeout: 30_000 }).toBeGreaterThan(0);
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    // Opened while the AI picture is still held: its post's line is not there yet.
    const aiLine = popup.locator('.post[data-post$="8001"] .post-credentials li');
    expect(await aiLine.count()).toBe(0);
    await popup.evaluate(() => ((window as unknown as { sanadMark: number }).sanadMark = 1));

    release();
    await expect.poll(() => aiLine.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => popup.evaluate(popupCredentials).then((c) => c.lines), { timeout: 30_000 }).toEqual(EXPECTED_LINES);
    // The same popup page, read again, not reopened.
    expect(await popup.evaluate(() => (window as unknown as { sanadMark?: number }).sanadMark)).toBe(1);
    await Promise.all([popup.close(), page.close()]);
  });
});
