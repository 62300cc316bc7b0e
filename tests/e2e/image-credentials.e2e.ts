/**
 * Content Credentials of the images Sanad fetches to hash, in real Chromium. A desk has debunked an
 * AI-generated picture (its fingerprint in a list); an x.com page shows it, a copy with one bit changed, an
 * edited picture with valid credentials and one without any. The service worker fetches and hashes them;
 * Sanad's own reader finds the manifests, and the official SDK, in the offscreen document, verifies them. The
 * popup shows the debunked picture's credentials as valid (signer named, AI-generated), the changed copy's
 * as INVALID with why, the edited one's under the page's credentials, and nothing for the one without.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintFile } from '../../scripts/media/fingerprint';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openPopup, settledBadges, tabIdOf, tabResults } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';

const C2PA = resolve(import.meta.dirname, '../../../shared/media/c2pa');
const OUT = resolve(import.meta.dirname, '../../test-output');
const work = mkdtempSync(join(tmpdir(), 'sanad-credentials-'));
const AI = 'https://pbs.twimg.com/media/ai-generated.jpg';
const TAMPERED = 'https://pbs.twimg.com/media/ai-generated-copy.jpg';
const GRADIENT = 'https://pbs.twimg.com/media/gradient.jpg';
const PLAIN = 'https://pbs.twimg.com/media/plain.jpg';
let browser: SanadBrowser;

const tweet = (handle: string, status: string, text: string, photo: string) => `
<article data-testid="tweet"><div data-testid="User-Name"><a href="/${handle}">${handle}</a>
<a href="/${handle}/status/${status}"><time datetime="2026-01-10T10:00:00.000Z">Jan 10</time></a></div>
<div data-testid="tweetText" lang="en">${text}</div>
<div data-testid="tweetPhoto"><img src="${photo}" alt="Image" width="160"></div></article>`;

beforeAll(async () => {
  const reference = fingerprintFile(join(C2PA, 'ai-generated.jpg'));
  const list = [
    {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: 'e2e-ai-picture',
      claimReviewed: 'A photo shows the flooded market this morning',
      reviewRating: { '@type': 'Rating', alternateName: 'False' },
      author: { '@type': 'Organization', name: 'Test Desk' },
      url: 'https://factcheck.example.org/ai-picture',
      fingerprints: [{ kind: 'image', frames: reference.frames }],
    },
  ];
  writeFileSync(join(work, 'ai-picture-list.json'), JSON.stringify(list));
  browser = await launchWithSanad();
  const jpeg = (file: string) => ({ type: 'image/jpeg', body: readFileSync(join(C2PA, file)) });
  await serveSavedPages(browser.context, {
    files: {
      [AI]: jpeg('ai-generated.jpg'),
      [TAMPERED]: jpeg('ai-generated-tampered.jpg'),
      [GRADIENT]: jpeg('C.jpg'),
      [PLAIN]: jpeg('no_manifest.jpg'),
    },
    pages: {
      'https://x.com/credentials':
        '<!doctype html><main>' +
        tweet('floodnews', '8001', 'The market this morning, under water', AI) +
        tweet('reposter', '8002', 'Flooded market, shared again', TAMPERED) +
        tweet('photoclub', '8003', 'A gradient I made with a script', GRADIENT) +
        tweet('someone', '8004', 'Lunch', PLAIN) +
        '</main>',
    },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('Content Credentials of images Sanad fetches for hashing', () => {
  it(
    'shows, in the popup, valid credentials with the signer, invalid ones with why, and nothing for none',
    { timeout: 120_000 },
    async () => {
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.locator('input[name="list-file"]').setInputFiles(join(work, 'ai-picture-list.json'));
      await expect.poll(() => options.locator('.notice').innerText(), { timeout: 20_000 }).toContain('Added 1 fact-check.');

      const page = await browser.context.newPage();
      await page.goto('https://x.com/credentials');
      await settledBadges(page, { atLeast: 2, timeout: 60_000 });
      const verdicts = await page
        .locator('article')
        .evaluateAll((as) => as.map((a) => a.querySelector('[data-sanad-badge]')?.getAttribute('data-sanad-badge') ?? null));
      // The picture and its one-bit copy look the same: both badged by the debunk's fingerprint.
      expect(verdicts).toEqual(['false', 'false', null, null]);

      const tabId = await tabIdOf(browser, page);
      // The SDK checks each image that carries a manifest once it is fetched: wait for the three of them.
      const withCredentials = async () =>
        (await tabResults(options, tabId)).posts
          .filter((p) => p.credentials?.length)
          .map((p) => p.key)
          .sort();
      await expect.poll(withCredentials, { timeout: 30_000 }).toHaveLength(3);
      const popup = await openPopup(browser, tabId);
      const lineOf = (status: string) => popup.locator(`.post[data-post*="${status}"] .post-credentials li`);
      const ai = lineOf('8001');
      expect(await ai.getAttribute('data-c2pa-state')).toBe('valid');
      expect(await ai.getAttribute('data-c2pa-source')).toBe('ai-generated');
      expect(await ai.innerText()).toBe(
        'Content Credentials valid, signed by C2PA Signer, C2PA Test Signing Cert (on no trust list Sanad knows). ' +
          'AI-generated: an action says a trained model created it.',
      );
      const tampered = lineOf('8002');
      expect(await tampered.getAttribute('data-c2pa-state')).toBe('invalid');
      expect(await tampered.getAttribute('data-c2pa-source')).toBe('');
      expect(await tampered.innerText()).toBe(
        'Content Credentials present but INVALID: the picture was changed after signing. What they claim cannot be relied on.',
      );
      // Not matched, but its credentials are listed for the page; the picture without any is not named.
      const section = popup.locator('.page-credentials');
      expect(await section.locator('h2').innerText()).toBe('Content Credentials (C2PA) of images on this page');
      const gradient = section.locator('.post[data-post*="8003"] .post-credentials li');
      expect(await gradient.getAttribute('data-c2pa-state')).toBe('valid');
      expect(await gradient.innerText()).toMatch(
        /^Content Credentials valid, signed by C2PA Signer.*Created by an algorithm, not a trained model\.$/,
      );
      expect(await popup.locator('.post[data-post*="8004"]').count()).toBe(0);
      expect(await popup.locator('.post-credentials li').count()).toBe(3);

      // The SDK ran in the offscreen document, not the service worker.
      const contexts = await popup.evaluate(() =>
        chrome.runtime
          .getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })
          .then((c) => c.map((x) => x.documentUrl)),
      );
      expect(contexts).toEqual([`chrome-extension://${browser.extensionId}/offscreen.html`]);

      mkdirSync(OUT, { recursive: true });
      await popup.screenshot({ path: join(OUT, 'image-credentials-popup.png'), fullPage: true });
      await Promise.all([popup.close(), page.close(), options.close()]);
    },
  );
});
