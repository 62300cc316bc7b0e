/**
 * Fact-checker media tools in real Firefox (Debian's firefox-esr, headless, WebDriver BiDi), as media-tools.e2e.ts
 * shows them in Chromium: with fact-checker mode on, the media tools page for a video playing on a saved x.com
 * page shows its keyframes as it plays, a keyframe's reverse-search menu, and the Content Credentials of an
 * AI-generated file and of a tampered copy, read with the official SDK, told apart. Then the images Sanad
 * fetches to hash (image-credentials-case.ts): in Firefox the SDK runs in a hidden iframe of the background page;
 * the popup lists them, and each badge's panel, opened by a click, shows its picture's line.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithSanad, waitFor, type SanadFirefox } from '../../scripts/support/firefox';
import {
  C2PA,
  EXPECTED_LINES,
  LINES,
  PAGE_URL,
  PANEL_HEADING,
  PANEL_LINES,
  popupCredentials,
  served,
  VERDICTS,
  writeList,
} from './image-credentials-case';

const MEDIA = resolve(import.meta.dirname, '../../../shared/media');
const OUT = resolve(import.meta.dirname, '../../test-output');
const VIDEO = 'https://video.twimg.com/ext_tw_video/6001/pu/vid/480x720/clip.mp4';
const TOOLS_PAGE = 'https://x.com/media-tools';
const dir = mkdtempSync(join(tmpdir(), 'sanad-firefox-media-'));
let firefox: SanadFirefox;

beforeAll(async () => {
  const credentials = served();
  firefox = await launchFirefoxWithSanad({
    pages: {
      ...credentials.pages,
      [TOOLS_PAGE]: `<!doctype html><main><article data-testid="tweet"><div data-testid="User-Name"><a href="/reposter">reposter</a>
<a href="/reposter/status/6001"><time datetime="2026-01-10T10:00:00.000Z">Jan 10</time></a></div>
<div data-testid="tweetText" lang="en">Footage from this morning</div>
<div data-testid="videoComponent"><video src="${VIDEO}" crossorigin="anonymous" autoplay muted loop playsinline width="320"></video></div></article></main>`,
    },
    files: {
      ...credentials.files,
      // Served with CORS, as the sites' video hosts are, so the page may read the frames it plays.
      [VIDEO]: {
        type: 'video/mp4',
        body: readFileSync(join(MEDIA, 'videos/pattern-hd-no-bar.mp4')),
        headers: { 'access-control-allow-origin': '*' },
      },
    },
  });
}, 60_000);
afterAll(async () => {
  await firefox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('in Firefox, the media tools', () => {
  it('show keyframes, the reverse-search menu and C2PA summaries told apart', { timeout: 120_000 }, async () => {
    const options = await firefox.openOptions();
    const mode = await options.byText('label.check', 'Fact-checker mode');
    await options.click(mode);
    await waitFor('fact-checker mode on', () =>
      options.evaluate((s) => document.querySelector<HTMLInputElement>(`${s} input`)?.checked || undefined, mode),
    );

    const page = await firefox.newTab(TOOLS_PAGE);
    await waitFor(
      'the video to play',
      () =>
        page.evaluate(() => {
          const v = document.querySelector('video');
          return (v && !v.paused && v.readyState >= 2) || undefined;
        }),
      15_000,
    );
    // The right-click that opens the tools (the tools page then asks that tab for the video under it).
    await page.evaluate(() => {
      document.querySelector('video')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    });
    const q = new URLSearchParams({ kind: 'video', tab: String(await firefox.tabIdOf(TOOLS_PAGE)), src: VIDEO, page: TOOLS_PAGE });
    const tools = await firefox.newTab();
    await tools.gotoExtensionPage(`media.html?${q.toString()}`);

    await waitFor('two keyframes', async () => ((await tools.count('.keyframe img')) >= 2 ? true : undefined), 30_000);
    expect(await tools.attribute('.keyframe img', 'src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(await tools.evaluate(() => document.querySelector('.keyframe a[download]')?.getAttribute('download'))).toMatch(
      /^keyframe-[\d.]+s\.jpg$/,
    );

    await tools.click(await tools.byText('button', 'Reverse search this frame'));
    await tools.waitFor('.engines li');
    expect(
      await tools.evaluate(() => [...document.querySelectorAll('.engines li button')].map((b) => (b as HTMLElement).innerText)),
    ).toEqual(['Open Google Lens to upload', 'Open Bing Visual Search to upload', 'Open Yandex Images to upload', 'Open TinEye to upload']);
    expect(await tools.text('.engines li')).toMatch(/not at a public address/);

    await tools.setFiles('input[name="c2pa-file"]', [join(C2PA, 'ai-generated.jpg'), join(C2PA, 'ai-generated-tampered.jpg')]);
    const states = () =>
      tools.evaluate(() =>
        [...document.querySelectorAll('.c2pa')].map((li) => [
          li.querySelector('strong')?.textContent,
          li.getAttribute('data-c2pa-state'),
          li.getAttribute('data-c2pa-source'),
          (li as HTMLElement).innerText,
        ]),
      );
    const read = await waitFor(
      'both files checked',
      async () => {
        const s = await states();
        return s.length === 2 && s.every(([, state]) => state !== 'checking') ? s : undefined;
      },
      30_000,
    );
    const [ai, tampered] = ['ai-generated.jpg', 'ai-generated-tampered.jpg'].map((name) => read.find(([n]) => n === name)!);
    expect(ai!.slice(1, 3)).toEqual(['valid', 'ai-generated']);
    expect(ai![3]).toMatch(/AI-generated/);
    expect(ai![3]).toMatch(/C2PA Signer.*not on a trust list/);
    expect(tampered![1]).toBe('invalid');
    expect(tampered![3]).toMatch(/INVALID/);
    expect(tampered![3]).toMatch(/do not match: changed after signing/);
    expect(tampered![3]).not.toMatch(/AI-generated: an action/);

    mkdirSync(OUT, { recursive: true });
    await tools.screenshot(join(OUT, 'firefox-media-tools.png'));
    await Promise.all([tools.close(), page.close(), options.close()]);
  });

  it('show, in the popup, the credentials of the images Sanad fetched to hash', { timeout: 120_000 }, async () => {
    const options = await firefox.openOptions();
    await options.setFiles('input[name="list-file"]', [writeList(dir)]);
    await options.waitForText('.notice', 'Added 1 fact-check.', 20_000);

    const page = await firefox.newTab(PAGE_URL);
    expect(await page.settledBadges({ atLeast: 2, timeout: 60_000 })).toBe(2);
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('article')].map(
          (a) => a.querySelector('[data-sanad-badge]')?.getAttribute('data-sanad-badge') ?? null,
        ),
      ),
    ).toEqual(VERDICTS);
    const tabId = await firefox.tabIdOf(PAGE_URL);
    // The SDK checks each image that carries a manifest once it is fetched: open the popup once all three are read.
    const popup = await waitFor(
      'the three images’ credentials in the popup',
      async () => {
        const tab = await firefox.openPopup(tabId);
        if ((await tab.count('.post-credentials li')) === 3) return tab;
        await tab.close();
        return undefined;
      },
      30_000,
    );
    expect(await popup.evaluate(popupCredentials)).toEqual({ lines: EXPECTED_LINES, heading: LINES.heading });
    expect(await popup.count('.post[data-post$="8004"]')).toBe(0);
    await popup.screenshot(join(OUT, 'firefox-image-credentials-popup.png'));
    await Promise.all([popup.close(), options.close()]);

    // Where the reader sees the verdict: each badge's panel, opened by a pointer click on the badge, says it
    // of the post's picture (the valid AI-generated one and its tampered copy told apart).
    const panels = [];
    for (const n of [1, 2]) {
      const host = `main > article:nth-of-type(${n}) [data-sanad-badge]`;
      await page.click([host, 'button.sanad-badge']);
      await page.waitFor([host, '.sanad-image-credentials li'], 10_000);
      const line = [host, '.sanad-image-credentials li'];
      panels.push({
        // As the reader sees it (innerText: the label is set in capitals by its style).
        heading: (await page.text([host, '.sanad-panel-credentials .sanad-label']))?.toLowerCase(),
        lines: [
          [
            await page.attribute(line, 'data-c2pa-state'),
            (await page.attribute(line, 'data-c2pa-source')) ?? '',
            (await page.text(line))?.trim(),
          ],
        ],
        // One line a post: the list's text is that line's.
        single: (await page.text([host, '.sanad-image-credentials']))?.trim() === (await page.text(line))?.trim(),
      });
      if (n === 1) await page.screenshot(join(OUT, 'firefox-image-credentials-panel.png'));
      await page.press('Escape');
      await waitFor('the panel to close', async () => ((await page.text([host, '.sanad-panel'])) === null ? true : undefined));
    }
    expect(panels).toEqual(PANEL_LINES.map((lines) => ({ heading: PANEL_HEADING.toLowerCase(), lines, single: true })));
    await page.close();
  });
});
