/**
 * Footage matching in real Chromium: a debunk carries the fingerprint of one chair-* clip; an x.com post
 * whose video poster is a frame of a different chair-* version is badged, a doorknob post is not. The
 * posters are fetched and hashed by the extension's service worker, as on the live site.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintFile } from '../../scripts/media/fingerprint';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openPopup, settledBadges, tabIdOf } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';

const VIDEOS = resolve(import.meta.dirname, '../../../shared/media/videos');
const work = mkdtempSync(join(tmpdir(), 'sanad-footage-'));
const CHAIR_VIDEO = 'https://video.twimg.com/ext_tw_video/4001/pu/vid/480x720/chair.mp4';
const DOORKNOB_VIDEO = 'https://video.twimg.com/ext_tw_video/4002/pu/vid/1280x720/doorknob.mp4';
const OPAQUE_VIDEO = 'https://video.twimg.com/ext_tw_video/4003/pu/vid/480x720/no-cors.mp4';
const CHAIR_POSTER = 'https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/chair.jpg';
const DOORKNOB_POSTER = 'https://pbs.twimg.com/ext_tw_video_thumb/2/pu/img/doorknob.jpg';
let browser: SanadBrowser;
const requested: string[] = [];

/** One frame of a clip as the JPEG poster a site would show. */
function posterOf(clip: string, seconds: number): Buffer {
  const out = join(work, `${clip}-${seconds}.jpg`);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', String(seconds), '-i', join(VIDEOS, clip), '-frames:v', '1', '-q:v', '3', out]);
  return readFileSync(out);
}

const tweet = (handle: string, status: string, text: string, poster: string) => `
<article data-testid="tweet"><div data-testid="User-Name"><a href="/${handle}">${handle}</a>
<a href="/${handle}/status/${status}"><time datetime="2026-01-10T10:00:00.000Z">Jan 10</time></a></div>
<div data-testid="tweetText" lang="en">${text}</div>
<div data-testid="videoComponent"><video preload="none" poster="${poster}"></video></div></article>`;

/** A post with a video that plays (no poster: only its frames can match). */
const playing = (handle: string, status: string, text: string, src: string) => `
<article data-testid="tweet"><div data-testid="User-Name"><a href="/${handle}">${handle}</a>
<a href="/${handle}/status/${status}"><time datetime="2026-01-10T10:00:00.000Z">Jan 10</time></a></div>
<div data-testid="tweetText" lang="en">${text}</div>
<div data-testid="videoComponent"><video src="${src}" crossorigin="anonymous" autoplay muted loop playsinline width="240"></video></div></article>`;

beforeAll(async () => {
  // The debunk: fingerprinted from chair-19, as a fact-checker would with `npm run media -- hash`.
  const reference = fingerprintFile(join(VIDEOS, 'chair-19-sd-bar.mp4'));
  const list = [
    {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: 'e2e-chair-footage',
      claimReviewed: 'A video filmed today shows the chair left behind by the retreating unit',
      reviewRating: { '@type': 'Rating', alternateName: 'Misleading' },
      author: { '@type': 'Organization', name: 'Test Desk' },
      url: 'https://factcheck.example.org/chair',
      reasons: [{ kind: 'old-footage', originalDate: '2019-05', originalPlace: 'a living room' }],
      fingerprints: [{ kind: 'video', frames: reference.frames }],
    },
  ];
  writeFileSync(join(work, 'chair-list.json'), JSON.stringify(list));

  browser = await launchWithSanad();
  browser.context.on('request', (request) => requested.push(request.url()));
  await serveSavedPages(browser.context, {
    files: {
      [CHAIR_POSTER]: { type: 'image/jpeg', body: posterOf('chair-20-sd-bar.mp4', 6) },
      [DOORKNOB_POSTER]: { type: 'image/jpeg', body: posterOf('doorknob-hd-no-bar.mp4', 1) },
      // Served with CORS, as the sites' video hosts are, so the page may read the frames it plays.
      [CHAIR_VIDEO]: {
        type: 'video/mp4',
        body: readFileSync(join(VIDEOS, 'chair-22-with-large-logo-bar.mp4')),
        headers: { 'access-control-allow-origin': '*' },
      },
      [DOORKNOB_VIDEO]: {
        type: 'video/mp4',
        body: readFileSync(join(VIDEOS, 'doorknob-hd-no-bar.mp4')),
        headers: { 'access-control-allow-origin': '*' },
      },
      // No CORS: the page may play it but not read its frames.
      [OPAQUE_VIDEO]: { type: 'video/mp4', body: readFileSync(join(VIDEOS, 'chair-20-sd-bar.mp4')) },
    },
    pages: {
      'https://x.com/footage':
        '<!doctype html><main>' +
        tweet('reuploader', '3001', 'Look what they left behind this morning', CHAIR_POSTER) +
        tweet('homevideos', '3002', 'Fixed the door today, finally', DOORKNOB_POSTER) +
        '</main>',
      'https://x.com/footage-playing':
        '<!doctype html><main>' +
        playing('reuploader', '4001', 'Breaking: footage from the front line', CHAIR_VIDEO) +
        playing('homevideos', '4002', 'Door handle repair, time-lapse', DOORKNOB_VIDEO) +
        '</main>',
      'https://x.com/footage-opaque':
        '<!doctype html><main>' +
        tweet('reuploader', '5001', 'Same clip, other host', CHAIR_POSTER).replace(
          '<video preload="none"',
          `<video src="${OPAQUE_VIDEO}" autoplay muted loop playsinline width="240"`,
        ) +
        '</main>',
    },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('footage matching', () => {
  it('adds a fingerprinted list from a file in the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('input[name="list-file"]').setInputFiles(join(work, 'chair-list.json'));
    await expect.poll(() => options.locator('.notice').innerText(), { timeout: 20_000 }).toContain('Added 1 fact-check.');
    expect(await options.locator('[data-list="file:chair-list.json"]').count()).toBe(1);
    await options.close();
  });

  it('badges the post whose poster is a frame of another version of the debunked video, not the doorknob post', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/footage');
    await settledBadges(page, { atLeast: 1, timeout: 20_000 });
    const verdicts = await page
      .locator('article')
      .evaluateAll((as) => as.map((a) => a.querySelector('[data-sanad-badge]')?.getAttribute('data-sanad-badge') ?? null));
    expect(verdicts).toEqual(['misleading', null]);
    expect(requested).toEqual(expect.arrayContaining([CHAIR_POSTER, DOORKNOB_POSTER]));

    const popup = await openPopup(browser, await tabIdOf(browser, page));
    const text = await popup.locator('main').innerText();
    expect(text).toMatch(
      /Matched: the same footage as the debunked video \(100% of the frames compared; \d+% of the debunked video seen\)/,
    );
    expect(text).toContain('First published in May 2019, a living room');
    await popup.close();
  });

  it(
    'badges a post playing another version (with a large logo) of the debunked video, from its frames; not the doorknob video',
    { timeout: 90_000 },
    async () => {
      const page = await browser.context.newPage();
      await page.goto('https://x.com/footage-playing');
      const playingNow = () =>
        page.locator('video').evaluateAll((vs) => (vs as HTMLVideoElement[]).map((v) => !v.paused && v.readyState >= 2));
      await expect.poll(playingNow, { timeout: 15_000 }).toEqual([true, true]);
      await settledBadges(page, { atLeast: 1, timeout: 30_000 });
      // Give the doorknob video a few more sampled seconds.
      await page.waitForTimeout(3_000);
      const verdicts = await page
        .locator('article')
        .evaluateAll((as) => as.map((a) => a.querySelector('[data-sanad-badge]')?.getAttribute('data-sanad-badge') ?? null));
      expect(verdicts).toEqual(['misleading', null]);
      const popup = await openPopup(browser, await tabIdOf(browser, page));
      expect(await popup.locator('main').innerText()).toMatch(/Matched: the same footage as the debunked video/);
      await popup.close();
    },
  );

  it('says so when a video’s frames cannot be read, and still matches its poster', { timeout: 60_000 }, async () => {
    const page = await browser.context.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto('https://x.com/footage-opaque');
    await expect
      .poll(() => page.locator('video').evaluate((v) => !(v as HTMLVideoElement).paused && (v as HTMLVideoElement).readyState >= 2), {
        timeout: 15_000,
      })
      .toBe(true);
    await expect.poll(() => messages.some((m) => m.includes('cannot be read')), { timeout: 15_000 }).toBe(true);
    expect(await settledBadges(page, { atLeast: 1 })).toBe(1);
    expect(await page.locator('[data-sanad-badge]').getAttribute('data-sanad-badge')).toBe('misleading');
  });
});
