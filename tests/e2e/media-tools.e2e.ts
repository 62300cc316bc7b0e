/**
 * Fact-checker media tools in real Chromium: with fact-checker mode on, a person right-clicks a video playing
 * on a saved x.com page and opens the media tools (the address the context-menu entry opens): keyframes
 * appear as the video plays, a keyframe's reverse-search menu says it must be uploaded, and the Content
 * Credentials of an AI-generated file and of a tampered copy, read with the official SDK, are shown apart.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { clickInShadow, inClosedShadow, waitForInShadow } from '../../scripts/support/closed-shadow';
import { openOptions, settledBadges, tabIdOf } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';

const MEDIA = resolve(import.meta.dirname, '../../../shared/media');
const OUT = resolve(import.meta.dirname, '../../test-output');
const VIDEO = 'https://video.twimg.com/ext_tw_video/6001/pu/vid/480x720/clip.mp4';
const BADGED_VIDEO = 'https://video.twimg.com/ext_tw_video/6002/pu/vid/480x720/clip.mp4';
const BADGED_PAGE = 'https://x.com/media-badge';
const served = { type: 'video/mp4', headers: { 'access-control-allow-origin': '*' } };
let browser: SanadBrowser;

beforeAll(async () => {
  browser = await launchWithSanad();
  await serveSavedPages(browser.context, {
    files: {
      // Served with CORS, as the sites' video hosts are, so the page may read the frames it plays.
      [VIDEO]: {
        type: 'video/mp4',
        body: readFileSync(join(MEDIA, 'videos/pattern-hd-no-bar.mp4')),
        headers: { 'access-control-allow-origin': '*' },
      },
      [BADGED_VIDEO]: { ...served, body: readFileSync(join(MEDIA, 'videos/pattern-hd-no-bar.mp4')) },
    },
    pages: {
      'https://x.com/media-tools': `<!doctype html><main><article data-testid="tweet"><div data-testid="User-Name"><a href="/reposter">reposter</a>
<a href="/reposter/status/6001"><time datetime="2026-01-10T10:00:00.000Z">Jan 10</time></a></div>
<div data-testid="tweetText" lang="en">Footage from this morning</div>
<div data-testid="videoComponent"><video src="${VIDEO}" crossorigin="anonymous" autoplay muted loop playsinline width="320"></video></div></article></main>`,
      // The bundled list's debunked post itself (a certain match), here with its video.
      [BADGED_PAGE]: `<!doctype html><main><article data-testid="tweet"><div data-testid="User-Name"><a href="/sham_front_news">sham_front_news</a>
<a href="/sham_front_news/status/1862457711358930944"><time datetime="2026-01-09T10:00:00.000Z">Jan 9</time></a></div>
<div data-testid="tweetText" lang="ar">شاهد</div>
<div data-testid="videoComponent"><video src="${BADGED_VIDEO}" crossorigin="anonymous" autoplay muted loop playsinline width="320"></video></div></article>
<article data-testid="tweet"><div data-testid="User-Name"><a href="/someone">someone</a><a href="/someone/status/7002"><time datetime="2026-01-09T11:00:00.000Z">Jan 9</time></a></div>
<div data-testid="tweetText" lang="ar">فيديو مسرب: هروب جماعي لقوات النظام والميليشيات الايرانيه في ريف حلب خلال المعارك الاخيره مع المعارضه</div></article></main>`,
    },
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('media tools', () => {
  it('shows keyframes, the reverse-search menu and C2PA summaries told apart', { timeout: 120_000 }, async () => {
    const options = await openOptions(browser);
    await options.getByLabel(/Fact-checker mode/).check();
    await expect.poll(() => options.getByLabel(/Fact-checker mode/).isChecked()).toBe(true);

    const page = await browser.context.newPage();
    await page.goto('https://x.com/media-tools');
    await expect
      .poll(() => page.locator('video').evaluate((v) => !(v as HTMLVideoElement).paused && (v as HTMLVideoElement).readyState >= 2), {
        timeout: 15_000,
      })
      .toBe(true);
    await page.locator('video').dispatchEvent('contextmenu');
    const tabId = await tabIdOf(browser, page);
    const tools = await browser.context.newPage();
    const q = new URLSearchParams({ kind: 'video', tab: String(tabId), src: VIDEO, page: 'https://x.com/media-tools' });
    await tools.goto(`chrome-extension://${browser.extensionId}/media.html?${q.toString()}`);

    const frames = tools.locator('.keyframe img');
    await expect.poll(() => frames.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect(await frames.first().getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(await tools.locator('.keyframe a', { hasText: 'Save' }).first().getAttribute('download')).toMatch(/^keyframe-[\d.]+s\.jpg$/);

    await tools.getByRole('button', { name: 'Reverse search this frame' }).first().click();
    const engines = tools.locator('.engines li');
    expect(await engines.count()).toBe(4);
    expect(await engines.locator('button').allInnerTexts()).toEqual([
      'Open Google Lens to upload',
      'Open Bing Visual Search to upload',
      'Open Yandex Images to upload',
      'Open TinEye to upload',
    ]);
    expect(await engines.first().innerText()).toMatch(/not at a public address/);

    // Our own file button (the native one is worded in the browser's language): a click on it opens the picker;
    // the input is out of sight but focusable.
    const input = tools.locator('input[name="c2pa-file"]');
    expect(await input.boundingBox()).toMatchObject({ width: 1, height: 1 });
    await input.focus();
    expect(await input.evaluate((el) => document.activeElement === el)).toBe(true);
    const [chooser] = await Promise.all([tools.waitForEvent('filechooser'), tools.locator('label.file-button').click()]);
    expect(await tools.locator('label.file-button').innerText()).toBe('Choose images or videos…');
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([join(MEDIA, 'c2pa/ai-generated.jpg'), join(MEDIA, 'c2pa/ai-generated-tampered.jpg')]);
    const ai = tools.locator('.c2pa', { hasText: 'ai-generated.jpg' });
    const tampered = tools.locator('.c2pa', { hasText: 'ai-generated-tampered.jpg' });
    await expect.poll(() => ai.getAttribute('data-c2pa-state'), { timeout: 30_000 }).not.toBe('checking');
    expect(await ai.innerText()).not.toMatch(/could not be read/);
    await expect.poll(() => ai.getAttribute('data-c2pa-state'), { timeout: 30_000 }).toBe('valid');
    await expect.poll(() => tampered.getAttribute('data-c2pa-state'), { timeout: 30_000 }).toBe('invalid');
    expect(await ai.getAttribute('data-c2pa-source')).toBe('ai-generated');
    expect(await ai.innerText()).toMatch(/AI-generated/);
    expect(await ai.innerText()).toMatch(/C2PA Signer.*not on a trust list/);
    expect(await tampered.innerText()).toMatch(/INVALID/);
    expect(await tampered.innerText()).toMatch(/do not match: changed after signing/);
    expect(await tampered.innerText()).not.toMatch(/AI-generated: an action/);

    mkdirSync(OUT, { recursive: true });
    await tools.screenshot({ path: join(OUT, 'media-tools.png'), fullPage: true });
    await Promise.all([tools.close(), page.close(), options.close()]);
  });

  it('opens from the badge panel’s "Media tools", in fact-checker mode only, for that post’s video', { timeout: 120_000 }, async () => {
    const options = await openOptions(browser);
    const mode = options.getByLabel(/Fact-checker mode/);
    if (await mode.isChecked()) await mode.uncheck();
    await expect.poll(() => mode.isChecked()).toBe(false);

    const page = await browser.context.newPage();
    await page.goto(BADGED_PAGE);
    // The post with the video, and a text-only post (similar wording of the other debunk).
    expect(await settledBadges(page, { atLeast: 2 })).toBe(2);
    await expect
      .poll(() => page.locator('video').evaluate((v) => !(v as HTMLVideoElement).paused && (v as HTMLVideoElement).readyState >= 2), {
        timeout: 15_000,
      })
      .toBe(true);
    const host = { selector: '[data-sanad-badge]', index: 0 };
    const textOnly = { selector: '[data-sanad-badge]', index: 1 };
    const hasTools = () => inClosedShadow(page, host, (root) => !!root.querySelector('.sanad-media-tools'));
    // Not in fact-checker mode: the panel has no "Media tools".
    await page.locator(host.selector).first().click();
    await waitForInShadow(page, host, '.sanad-panel-report');
    expect(await hasTools()).toBe(false);
    await clickInShadow(page, host, '.sanad-close');

    await mode.check();
    await expect.poll(() => mode.isChecked()).toBe(true);
    await page.bringToFront();
    // In fact-checker mode, a post with no video or image still has no "Media tools".
    await page.locator(textOnly.selector).nth(1).click();
    await waitForInShadow(page, textOnly, '.sanad-panel-report');
    expect(await inClosedShadow(page, textOnly, (root) => !!root.querySelector('.sanad-media-tools'))).toBe(false);
    await clickInShadow(page, textOnly, '.sanad-close');
    await page.locator(host.selector).first().click();
    await waitForInShadow(page, host, '.sanad-media-tools');
    const [tools] = await Promise.all([browser.context.waitForEvent('page'), clickInShadow(page, host, '.sanad-media-tools')]);
    await tools.waitForLoadState();
    const opened = new URL(tools.url());
    expect(opened.pathname).toBe('/media.html');
    expect(Object.fromEntries(opened.searchParams)).toEqual({
      kind: 'video',
      tab: String(await tabIdOf(browser, page)),
      src: BADGED_VIDEO,
      page: BADGED_PAGE,
    });
    // The keyframes are this post's video's, sampled in its tab as it plays.
    await expect.poll(() => tools.locator('.keyframe img').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect(await tools.locator('.hint code').first().innerText()).toBe(BADGED_VIDEO);
    mkdirSync(OUT, { recursive: true });
    await tools.screenshot({ path: join(OUT, 'media-tools-from-panel.png'), fullPage: true });
    await Promise.all([tools.close(), page.close(), options.close()]);
  });

  it('reads in Arabic, right to left: keyframes, reverse search and C2PA states', { timeout: 120_000 }, async () => {
    const options = await openOptions(browser);
    await options.locator('input[name="language"][value="ar"]').check();
    await options.waitForFunction(() => document.documentElement.lang === 'ar');
    const page = await browser.context.newPage();
    await page.goto('https://x.com/media-tools');
    await expect
      .poll(() => page.locator('video').evaluate((v) => !(v as HTMLVideoElement).paused && (v as HTMLVideoElement).readyState >= 2), {
        timeout: 15_000,
      })
      .toBe(true);
    await page.locator('video').dispatchEvent('contextmenu');
    const q = new URLSearchParams({
      kind: 'video',
      tab: String(await tabIdOf(browser, page)),
      src: VIDEO,
      page: 'https://x.com/media-tools',
    });
    const tools = await browser.context.newPage();
    await tools.goto(`chrome-extension://${browser.extensionId}/media.html?${q.toString()}`);
    await expect.poll(() => tools.locator('h1').innerText()).toBe('أدوات الوسائط');
    expect(await tools.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.title])).toEqual([
      'ar',
      'rtl',
      'أدوات الوسائط في سند',
    ]);
    await expect.poll(() => tools.locator('.keyframe img').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await tools.getByRole('button', { name: 'ابحث عكسيًا عن هذه اللقطة' }).first().click();
    expect(await tools.locator('.engines li button').first().innerText()).toBe('افتح Google Lens لرفعها');
    await tools
      .locator('input[name="c2pa-file"]')
      .setInputFiles([join(MEDIA, 'c2pa/ai-generated.jpg'), join(MEDIA, 'c2pa/ai-generated-tampered.jpg')]);
    const ai = tools.locator('.c2pa', { hasText: 'ai-generated.jpg' });
    const tampered = tools.locator('.c2pa', { hasText: 'ai-generated-tampered.jpg' });
    await expect.poll(() => ai.getAttribute('data-c2pa-state'), { timeout: 30_000 }).toBe('valid');
    await expect.poll(() => tampered.getAttribute('data-c2pa-state'), { timeout: 30_000 }).toBe('invalid');
    expect(await ai.innerText()).toMatch(/بيانات اعتماد محتوى صالحة.*مولَّد بالذكاء الاصطناعي/s);
    expect(await tampered.innerText()).toMatch(/غير صالحة/);
    expect(await tampered.innerText()).not.toMatch(/مولَّد بالذكاء الاصطناعي/);
    // Right to left: the heading's words sit at the right edge of the page, not the left.
    const [left, right] = await tools.locator('h1').evaluate((h1) => {
      const range = document.createRange();
      range.selectNodeContents(h1);
      const text = range.getBoundingClientRect();
      const box = h1.getBoundingClientRect();
      return [text.left - box.left, box.right - text.right];
    });
    expect(right).toBeLessThan(2);
    expect(left).toBeGreaterThan(100);
    mkdirSync(OUT, { recursive: true });
    await tools.screenshot({ path: join(OUT, 'media-tools-ar.png'), fullPage: true });
    await options.locator('input[name="language"][value="en"]').check();
    await Promise.all([tools.close(), page.close(), options.close()]);
  });
});
