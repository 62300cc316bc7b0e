/**
 * A hostile x.com page in real Chromium: post texts carrying HTML and script payloads, right-to-left override
 * characters, a 50 KB post, posts missing their parts, and a post whose text is rewritten every few
 * milliseconds. Nothing may execute, nothing may throw uncaught, nothing may be badged wrongly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openOptions, openPopup, settledBadges, tabIdOf } from '../../scripts/support/extension-pages';
import { badgeState, boxInShadow, panelText, waitForInShadow } from '../../scripts/support/closed-shadow';
import { serveSavedPages } from '../../scripts/support/saved-pages';

const CLAIM = 'فيديو يُظهِر أسـرى من عناصر الجيش السورى على ايدى قوات سوريا الديمقراطيه &quot;قسد&quot; فى مدينه حلب';
const TRUE_NEWS = 'محافظ حلب: المدينة باتت خالية تماماً من قوات قسد بعد خروج الدفعة الأخيرة من مقاتليها من حي الشيخ مقصود';
const IMG_PAYLOAD = '&lt;img src=x onerror="window.__pwned=1"&gt;';
const PAYLOAD = `${IMG_PAYLOAD}&lt;script&gt;window.__pwned=2&lt;/script&gt;&lt;svg onload="window.__pwned=3"&gt;`;

const tweet = (id: number, text: string, extra = '') =>
  `<article data-testid="tweet"><div data-testid="User-Name"><a href="/someone/status/${id}"><time datetime="2026-01-09T10:00:00Z">Jan 9</time></a></div><div data-testid="tweetText" lang="ar">${text}</div>${extra}</article>`;

const HOSTILE_PAGE = `<!doctype html><html lang="en"><body><main>
${tweet(9001, `${CLAIM} ${IMG_PAYLOAD}`)}
${tweet(9002, `\u202E${TRUE_NEWS}\u202C \u2066${PAYLOAD}\u2069`)}
${tweet(9003, `${TRUE_NEWS} ${'كلام عادي عن الطقس في المدينة '.repeat(1_700)}`)}
<article data-testid="tweet"></article>
<article data-testid="tweet"><div data-testid="tweetText"></div><time>no link</time></article>
${tweet(9006, `${PAYLOAD} ${TRUE_NEWS}`)}
</main>
<script>
  // The page rewrites one post's text every 4 ms for 1.5 s, alternating a debunked claim and true news,
  // and ends on the true news: the post must end without a badge.
  const target = document.querySelectorAll('[data-testid="tweetText"]')[4];
  const claim = ${JSON.stringify(CLAIM.replace(/&quot;/g, '"'))};
  const news = ${JSON.stringify(TRUE_NEWS)};
  let n = 0;
  const timer = setInterval(() => {
    target.textContent = n++ % 2 ? claim : news;
    if (n > 375) { clearInterval(timer); target.textContent = news; document.body.dataset.done = '1'; }
  }, 4);
</script>
</body></html>`;

let browser: SanadBrowser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchWithSanad();
  await serveSavedPages(browser.context, { pages: { 'https://x.com/hostile': HOSTILE_PAGE } });
  page = await browser.context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto('https://x.com/hostile');
  await page.waitForSelector('body[data-done="1"]', { timeout: 10_000 });
  await settledBadges(page, { atLeast: 1 });
});
afterAll(async () => {
  await browser?.close();
});

describe('a hostile page', () => {
  it('badges only the post carrying the debunked claim, nothing else, not the rewritten one', async () => {
    const verdicts = () =>
      page
        .locator('article')
        .evaluateAll((posts) => posts.map((p) => p.querySelector('[data-sanad-badge]')?.getAttribute('data-sanad-badge') ?? null));
    // The rewritten post is read again once the observer reports it anew after its last rewrite: its badge
    // from an earlier text may stay a moment past the count settling, never for good.
    await expect.poll(verdicts, { timeout: 10_000 }).toEqual(['altered', null, null, null, null, null]);
  });

  it('executes none of the payloads, in the page or in the popup that lists the post, and throws nothing uncaught', async () => {
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    // (document.querySelectorAll: Playwright's locators would also count the badge's own icon in its shadow root)
    expect(await page.evaluate(() => document.querySelectorAll('main img, main svg, main script').length)).toBe(0);
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    const excerpt = await popup.locator('main').innerText();
    expect(excerpt).toContain('<img src=x onerror="window.__pwned=1">'); // shown as text
    expect(await popup.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await popup.evaluate(() => document.querySelectorAll('main img').length)).toBe(0);
    await popup.close();
    expect(errors).toEqual([]);
  });
});

describe('a page trying to find and switch off Sanad', () => {
  const SPY_PAGE = `<!doctype html><html lang="en"><head><script>
    // Before any content script runs: record every message posted to the page.
    window.__seen = [];
    addEventListener('message', (event) => window.__seen.push(JSON.stringify(event.data)));
  </script></head><body><main>${tweet(9101, CLAIM)}</main></body></html>`;

  it('hears nothing from Sanad, and cannot retire it with the event a newer copy would send', async () => {
    await browser.context.route('https://x.com/spy', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: SPY_PAGE }),
    );
    const spy = await browser.context.newPage();
    await spy.goto('https://x.com/spy');
    await settledBadges(spy, { atLeast: 1 });
    expect(
      await spy.evaluate(() => (window as unknown as { __seen: string[] }).__seen.filter((m) => m.includes('content-script'))),
    ).toEqual([]);

    // The page learnt the extension's id somehow and sends the retirement event as WXT names it.
    await spy.evaluate((extensionId) => {
      for (const name of ['x', 'x.content', 'content-scripts/x']) {
        const type = `${extensionId}:${name}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'page' } }));
      }
    }, browser.extensionId);
    // Sanad goes on: a post arriving afterwards is read and badged.
    await spy.evaluate((html) => document.querySelector('main')!.insertAdjacentHTML('beforeend', html), tweet(9102, CLAIM));
    await expect.poll(() => spy.locator('[data-sanad-badge]').count(), { timeout: 10_000 }).toBe(2);
    await spy.close();
  });
});

describe('a page probing which debunks a reader holds (issue #16 item 4)', () => {
  // The bundled list's certain match: a post whose permalink is a debunked video's (old Hama footage).
  const DEBUNKED_STATUS = '/sham_front_news/status/1862457711358930944';
  const probe = (style: string, id: string) =>
    `<article data-testid="tweet" data-probe="${id}" style="${style}"><div data-testid="User-Name"><a href="${DEBUNKED_STATUS}"><time datetime="2026-01-09T10:00:00Z">Jan 9</time></a></div><div data-testid="tweetText" lang="ar">شاهد</div></article>`;
  const PROBE_PAGE = `<!doctype html><html lang="en"><head><style>.gone { display: none }</style></head><body><main>
    ${probe('', 'shown')}
    ${probe('position: absolute; left: -10000px; top: 0; width: 600px', 'off-screen')}
    ${probe('position: absolute; top: -10000px; width: 600px', 'above')}
    <div class="gone">${probe('', 'display-none')}</div>
    ${probe('visibility: hidden', 'visibility-hidden')}
    ${probe('opacity: 0', 'transparent')}
    ${probe('position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0)', 'visually-hidden')}
  </main></body></html>`;
  let spy: Page;

  beforeAll(async () => {
    await browser.context.route('https://x.com/probe', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PROBE_PAGE }),
    );
    spy = await browser.context.newPage();
    await spy.goto('https://x.com/probe');
    await settledBadges(spy, { atLeast: 1 });
  });
  afterAll(async () => {
    await spy?.close();
  });

  it('badges only the post a reader can see: none placed off-screen, hidden, transparent or 1 px small', async () => {
    const badged = await spy.evaluate(() =>
      [...document.querySelectorAll('[data-probe]')]
        .filter((p) => p.querySelector('[data-sanad-badge]'))
        .map((p) => p.getAttribute('data-probe')),
    );
    expect(badged).toEqual(['shown']);
  });

  it('puts only the verdict on the host; a synthetic click does not open the card, the reader’s click does', async () => {
    expect(await spy.evaluate(() => document.querySelector('[data-sanad-badge]')!.getAttributeNames())).toEqual(['data-sanad-badge']);
    const shown = '[data-probe="shown"] [data-sanad-badge]';
    const opened = await spy.evaluate(async () => {
      const host = document.querySelector('[data-sanad-badge]') as HTMLElement;
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await new Promise((r) => setTimeout(r, 200));
      return host.shadowRoot;
    });
    expect(opened).toBeNull();
    expect((await badgeState(spy, shown))?.expanded).toBe('false');
    // A person's click (Playwright sends real input events) opens it.
    await spy.locator(shown).click();
    await expect.poll(async () => (await badgeState(spy, shown))?.expanded).toBe('true');
  });
});

describe('a page that tries to hide, restyle, open and read the badge (issue #16 item 4)', () => {
  const DEBUNKED_STATUS = '/sham_front_news/status/1862457711358930944';
  const post = (id: string) =>
    `<article data-testid="tweet" data-post="${id}"><div data-testid="User-Name"><a href="${DEBUNKED_STATUS}"><time datetime="2026-01-09T10:00:00Z">Jan 9</time></a></div><div data-testid="tweetText" lang="ar">شاهد</div></article>`;
  // Everything a stylesheet can try on the host, with !important, unlayered and in a layer, on the host and its
  // pseudo-elements; then a script that patches attachShadow before Sanad runs, sets inline styles and
  // attributes on every badge host it sees, and removes each host once.
  const HIDING_PAGE = `<!doctype html><html lang="en"><head><style>
    @layer page { [data-sanad-badge] { display: none !important; } }
    [data-sanad-badge], span[data-sanad-badge] {
      display: none !important; opacity: 0 !important; visibility: hidden !important; clip-path: inset(50%) !important;
      width: 0 !important; height: 0 !important; overflow: hidden !important; position: absolute !important;
      left: -10000px !important; transform: scale(0) !important; filter: opacity(0) !important; zoom: 0.01 !important;
      content-visibility: hidden !important; font-size: 0 !important;
    }
    [data-sanad-badge]::before { content: ''; position: fixed; inset: 0; background: #fff; z-index: 2147483647; }
  </style><script>
    window.__roots = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, { ...init, mode: 'open' });
      window.__roots.push(root);
      return root;
    };
    // Each host is restyled three times and removed once (a page that fights forever is in unit tests).
    window.__removed = 0;
    const tries = new WeakMap();
    new MutationObserver(() => {
      for (const host of document.querySelectorAll('[data-sanad-badge]')) {
        const n = tries.get(host) ?? 0;
        if (n >= 3 || host.hasAttribute('hidden')) continue;
        tries.set(host, n + 1);
        host.setAttribute('style', 'display: none !important; opacity: 0 !important; visibility: hidden !important');
        host.setAttribute('hidden', '');
        host.setAttribute('aria-hidden', 'true');
        if (n === 0) {
          host.remove();
          window.__removed++;
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true });
  </script></head><body><main>${post('one')}${post('two')}</main></body></html>`;
  let page: Page;
  const hostOf = (id: string) => `[data-post="${id}"] [data-sanad-badge]`;

  beforeAll(async () => {
    await browser.context.route('https://x.com/hiding', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: HIDING_PAGE }),
    );
    page = await browser.context.newPage();
    await page.goto('https://x.com/hiding');
    await settledBadges(page, { atLeast: 2 });
  });
  afterAll(async () => {
    await page?.close();
  });

  it('keeps each badge on screen: inside the viewport, hit by elementFromPoint, with only the verdict on it', async () => {
    expect(await page.evaluate(() => (window as unknown as { __removed: number }).__removed)).toBe(2);
    for (const id of ['one', 'two']) {
      const seen = await page.locator(hostOf(id)).evaluate((host) => {
        host.scrollIntoView({ block: 'center' });
        const box = host.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return {
          inViewport:
            box.width >= 40 && box.height >= 16 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
          hit: hit === host,
          visible: host.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }),
          attributes: host.getAttributeNames(),
        };
      });
      expect(seen).toEqual({ inViewport: true, hit: true, visible: true, attributes: ['data-sanad-badge'] });
    }
    // And it looks like a badge: its words at their size (not squeezed to nothing).
    const badge = (await boxInShadow(page, hostOf('one'), 'button.sanad-badge'))!;
    expect(badge.width).toBeGreaterThan(60);
    expect(badge.height).toBeGreaterThanOrEqual(20);
    expect((await badgeState(page, hostOf('one')))?.text).toMatch(/·/);
  });

  it('gives the page no shadow root, even through a patched attachShadow; synthetic clicks open nothing', async () => {
    const probe = await page.evaluate(async () => {
      const host = document.querySelector('[data-sanad-badge]') as HTMLElement;
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: 5, clientY: 5 }));
      host.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      host.focus();
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      host.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
      await new Promise((r) => setTimeout(r, 300));
      return { roots: (window as unknown as { __roots: ShadowRoot[] }).__roots.length, shadowRoot: host.shadowRoot === null };
    });
    expect(probe).toEqual({ roots: 0, shadowRoot: true });
    expect(await panelText(page, hostOf('one'))).toBeNull();
    expect((await badgeState(page, hostOf('one')))?.expanded).toBe('false');
  });

  it('opens for the reader’s click, and the page still cannot read the card', async () => {
    await page.locator(hostOf('one')).click();
    await waitForInShadow(page, hostOf('one'), '.sanad-panel');
    const card = (await panelText(page, hostOf('one')))!;
    const line = card
      .split('\n')
      .find((l) => l.trim().length > 12)!
      .trim();
    expect(line).toBeTruthy();
    const read = await page.evaluate(() => {
      const selection = getSelection()!;
      selection.selectAllChildren(document.body);
      const selected = selection.toString();
      selection.removeAllRanges();
      const host = document.querySelector('[data-sanad-badge]') as HTMLElement;
      return [
        document.body.innerText,
        document.body.textContent ?? '',
        selected,
        host.innerText,
        host.outerHTML,
        document.documentElement.outerHTML,
      ].join('\n');
    });
    expect(read).not.toContain(line);
    expect(read).not.toContain('Read the fact-check');
    await page.keyboard.press('Escape');
  });
});

describe('a content-script world that writes storage.local (issue #16 item 13)', () => {
  /** Runs `expression` in Sanad's content-script world on `target` (what a compromised content script could run). */
  async function inContentScriptWorld(target: Page, expression: string): Promise<unknown> {
    const cdp = await target.context().newCDPSession(target);
    const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    await cdp.send('Runtime.enable');
    const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.origin.includes(browser.extensionId));
    if (!world) throw new Error(`no Sanad content-script world among ${worlds.map((w) => w.origin).join(', ')}`);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    await cdp.detach();
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  }

  it('cannot move submissions to another intake address, nor read the feed list', async () => {
    const options = await openOptions(browser);
    await options.locator('#intake-url').fill('http://127.0.0.1:8799');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.locator('[role="status"]').first().innerText()).toContain('Saved');

    const x = await browser.context.newPage();
    await x.goto('https://x.com/hostile');
    await settledBadges(x, { atLeast: 1 });
    const answers = await inContentScriptWorld(
      x,
      `(async () => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...settings, intakeUrl: 'https://attacker.example', factChecker: true } });
        const ask = (sanad) => chrome.runtime.sendMessage({ sanad, data: {} }).then((r) => r && r.ok ? 'answered' : 'refused', () => 'refused');
        return { settings: await ask('settings'), listStatus: await ask('listStatus'), feeds: await ask('feeds') };
      })()`,
    );
    expect(answers).toEqual({ settings: 'refused', listStatus: 'refused', feeds: 'refused' });
    await options.reload();
    await expect.poll(() => options.locator('#intake-url').inputValue()).toBe('http://127.0.0.1:8799');
    await x.close();
    await options.close();
  });
});
