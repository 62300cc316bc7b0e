// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/home"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledDebunks, summaryOf } from '@/tests/unit/support/debunks';
import { loadFixture } from '@/tests/unit/support/files';
import { useLocale } from '@/tests/unit/support/i18n';
import { buildIndex } from '../match/bm25-index';
import { matchPost } from '../match/match';
import type { ExtractedPost } from '../match/types';
import type { PageAnswer } from '../wire/shapes';
import { xAdapter } from '../sites/x/adapter';
import { PostScanner } from './scanner';

const debunks = bundledDebunks();
const index = buildIndex(debunks);

/** The background's answer, computed locally with the same matcher. */
function answer(posts: ExtractedPost[]): PageAnswer[] {
  return posts.map((post) => {
    const candidates = matchPost(index, post).candidates;
    const badged = candidates.find((c) => c.badge);
    const debunk = debunks.find((d) => d.id === badged?.debunkId);
    return { key: post.key, ...(badged && debunk && { badge: { candidate: badged, debunk: summaryOf(debunk) } }) };
  });
}

let controller: AbortController;
let match: ReturnType<typeof vi.fn<(posts: ExtractedPost[]) => Promise<PageAnswer[]>>>;
let scanner: PostScanner;
const badges = () => [...document.querySelectorAll('[data-sanad-badge]')];
/** Badge hosts' closed shadow roots, as Sanad's own code holds them (the page gets null from `host.shadowRoot`). */
const closedRoots = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  closedRoots.set(this, root);
  return root;
};
const shadowOf = (host: Element) => closedRoots.get(host)!;
const badgeOf = (article: Element) => article.querySelector('[data-sanad-badge]');
const articles = () => [...document.querySelectorAll('article[data-testid="tweet"]')];

beforeEach(() => {
  useLocale('en');
  loadFixture('x/home-timeline.html');
  controller = new AbortController();
  match = vi.fn(async (posts: ExtractedPost[]) => answer(posts));
  // happy-dom lays nothing out: every post is visible here; the rule itself is tested below and in Chromium.
  scanner = new PostScanner({ adapter: xAdapter, match, signal: controller.signal, throttleMs: 5, isVisible: () => true });
});

/** A click as the reader's own input makes it (happy-dom marks every event it dispatches untrusted). */
const trustedClick = () => {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
};
afterEach(() => controller.abort());

describe('PostScanner', () => {
  it('badges matched posts only, with their verdict, in one batch', async () => {
    scanner.start();
    await scanner.idle();
    expect(match).toHaveBeenCalledTimes(1);
    expect(match.mock.calls[0]![0]).toHaveLength(10);
    expect(articles().map((a) => badgeOf(a)?.getAttribute('data-sanad-badge') ?? null)).toEqual([
      'altered',
      null,
      'altered',
      null,
      'misleading',
      null,
      'altered',
      null,
      null, // a denial of the AI-video claim
      null, // Misbar's own debunk-share
    ]);
  });

  it('renders the badge in a shadow root with an accessible name, never page text as HTML', async () => {
    scanner.start();
    await scanner.idle();
    const host = badges()[0]!;
    expect(host.shadowRoot).toBeNull(); // closed
    const button = shadowOf(host).querySelector('button')!;
    // What was found, who says so and how sure; the desk's name in its own <bdi>.
    expect(button.getAttribute('aria-label')).toBe('AI-generated · Misbar. Sanad: Similar claim fact-checked. Show why');
    expect(button.textContent).toBe('AI-generated · Misbar');
    expect(button.querySelectorAll('bdi')).toHaveLength(2);
    expect(shadowOf(host).querySelector('.sanad-panel')).toBeNull();
    button.dispatchEvent(trustedClick());
    await new Promise((r) => setTimeout(r, 0));
    const panel = shadowOf(host).querySelector('.sanad-panel')!;
    expect(panel.textContent).toContain('Lip movement does not match the speech');
  });

  it('carries only the verdict on the host, and opens for the reader only, never for a page’s synthetic click', async () => {
    scanner.start();
    await scanner.idle();
    const host = badges()[0]!;
    expect(host.getAttributeNames()).toEqual(['data-sanad-badge']);
    const button = shadowOf(host).querySelector('button')!;
    button.click();
    (host as HTMLElement).click();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(shadowOf(host).querySelector('.sanad-panel')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('reads posts entering the read-ahead margin together after a while, and a post on the screen at once', async () => {
    let deliver: (entries: unknown[]) => void = () => {};
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: (entries: unknown[]) => void) {
          deliver = callback;
        }
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    try {
      const calledAt: number[] = [];
      match.mockImplementation(async (posts) => (calledAt.push(performance.now()), answer(posts)));
      // A wait long enough to tell apart from the on-screen path on a loaded machine.
      const readAheadMs = 600;
      const viewed = new PostScanner({ adapter: xAdapter, match, signal: controller.signal, throttleMs: 5, readAheadMs });
      viewed.start();
      await viewed.idle();
      expect(match).not.toHaveBeenCalled(); // nothing placed in view yet
      const [a, b, c, d] = articles();
      const at = (target: Element, top: number) => ({
        target,
        isIntersecting: true,
        boundingClientRect: { width: 600, height: 300, top, bottom: top + 300 },
      });
      const below = window.innerHeight + 100;
      let since = performance.now();
      deliver([at(a!, below), at(b!, below + 300)]);
      await new Promise((r) => setTimeout(r, readAheadMs / 2));
      expect(match).not.toHaveBeenCalled(); // still off screen: waiting for more
      await vi.waitFor(() => expect(match).toHaveBeenCalledTimes(1), { timeout: 2000 });
      expect(match.mock.calls[0]![0]).toHaveLength(2);
      expect(calledAt[0]! - since).toBeGreaterThanOrEqual(readAheadMs);
      await viewed.idle();
      // A read-ahead post waits; one on the screen brings the scan forward, and both are read in it.
      since = performance.now();
      deliver([at(c!, below)]);
      deliver([at(d!, 100)]);
      await vi.waitFor(() => expect(match).toHaveBeenCalledTimes(2), { timeout: 2000 });
      expect(match.mock.calls[1]![0]).toHaveLength(2);
      expect(calledAt[1]! - since).toBeLessThan(readAheadMs);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('neither reads nor badges posts a reader cannot see, and reads them once they can be seen', async () => {
    const hidden = new Set(articles().slice(0, 3));
    scanner = new PostScanner({
      adapter: xAdapter,
      match,
      signal: controller.signal,
      throttleMs: 5,
      isVisible: (element) => !hidden.has(element),
    });
    scanner.start();
    await scanner.idle();
    expect(match.mock.calls[0]![0]).toHaveLength(articles().length - 3);
    expect(articles().slice(0, 3).map(badgeOf)).toEqual([null, null, null]);
    hidden.clear();
    document.body.append(document.createElement('div')); // any change to the page: the skipped posts are looked at again
    await new Promise((r) => setTimeout(r, 20));
    await scanner.idle();
    expect(match.mock.calls.at(-1)![0]).toHaveLength(3);
    expect(badgeOf(articles()[0]!)?.getAttribute('data-sanad-badge')).toBe('altered');
  });

  it('handles each post once: DOM churn and its own badges cause no new requests', async () => {
    scanner.start();
    await scanner.idle();
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 20));
    await scanner.idle();
    expect(match).toHaveBeenCalledTimes(1);
    expect(badges()).toHaveLength(4);
  });

  it('sends only new posts when the feed grows (infinite scroll)', async () => {
    scanner.start();
    await scanner.idle();
    const clone = articles()[0]!.closest('[data-testid="cellInnerDiv"]')!.cloneNode(true) as Element;
    clone.querySelector('[data-sanad-badge]')?.remove();
    clone.querySelector('a[href*="/status/"] time')!.parentElement!.setAttribute('href', '/someone/status/999');
    articles()[0]!.closest('[aria-label^="Timeline"]')!.firstElementChild!.append(clone);
    await new Promise((r) => setTimeout(r, 20));
    await scanner.idle();
    expect(match).toHaveBeenCalledTimes(2);
    expect(match.mock.calls[1]![0].map((p) => p.key)).toEqual(['x:999']);
    expect(badges()).toHaveLength(5);
  });

  it('reads again only the posts a DOM change touched, not the whole feed', async () => {
    const extract = vi.spyOn(xAdapter, 'extract');
    scanner.start();
    await scanner.idle();
    expect(extract).toHaveBeenCalledTimes(10);
    extract.mockClear();
    articles()[3]!.querySelector('[data-testid="tweetText"]')!.append(' (updated)');
    await new Promise((r) => setTimeout(r, 20));
    await scanner.idle();
    expect(extract.mock.calls.map(([el]) => articles().indexOf(el))).toEqual([3]);
    extract.mockRestore();
  });

  it('reads a long feed in slices, letting the page run between them', async () => {
    const timeline = articles()[0]!.closest('[aria-label^="Timeline"]')!.firstElementChild!;
    const cell = articles()[1]!.closest('[data-testid="cellInnerDiv"]')!;
    for (let i = 0; i < 400; i++) {
      const clone = cell.cloneNode(true) as Element;
      clone.querySelector('a[href*="/status/"] time')!.parentElement!.setAttribute('href', `/someone/status/${5000 + i}`);
      timeline.append(clone);
    }
    // A slow site: each post takes 0.1 ms to read, 40 ms for the feed, far over one slice.
    const read = xAdapter.extract.bind(xAdapter);
    const extract = vi.spyOn(xAdapter, 'extract').mockImplementation((el, page) => {
      const until = performance.now() + 0.1;
      while (performance.now() < until);
      return read(el, page);
    });
    let pageRanDuringScan = false;
    scanner.start();
    await new Promise((r) => setTimeout(r, 0)); // the scan has begun
    setTimeout(() => (pageRanDuringScan = extract.mock.calls.length > 0 && extract.mock.calls.length < 410), 0);
    await scanner.idle();
    expect(extract).toHaveBeenCalledTimes(410);
    expect(pageRanDuringScan).toBe(true);
    expect(match.mock.calls.flatMap(([posts]) => posts)).toHaveLength(410);
    extract.mockRestore();
  });

  it('re-reads a recycled cell: new content, new answer, the old badge goes', async () => {
    scanner.start();
    await scanner.idle();
    const first = articles()[0]!;
    expect(badgeOf(first)).not.toBeNull();
    first.querySelector('[data-testid="tweetText"]')!.textContent =
      'A sunny day at the beach with friends and family, nothing else to report here.';
    first.querySelector('a[href*="/status/"] time')!.parentElement!.setAttribute('href', '/north_news_net/status/123');
    await new Promise((r) => setTimeout(r, 20));
    await scanner.idle();
    expect(badgeOf(first)).toBeNull();
  });

  it('inserts nothing twice when the same post is answered again', async () => {
    scanner.start();
    await scanner.idle();
    scanner.reset();
    await scanner.idle();
    expect(badges()).toHaveLength(4);
    expect(articles().every((a) => a.querySelectorAll('[data-sanad-badge]').length <= 1)).toBe(true);
  });

  it('a reset reads with the post selectors the adapter has now (a new signed rules pack)', async () => {
    let selectors: readonly string[] = ['article[data-testid="no-such-post"]'];
    const adapter = {
      ...xAdapter,
      get postSelectors() {
        return selectors;
      },
    };
    const live = new PostScanner({ adapter, match, signal: controller.signal, throttleMs: 5, isVisible: () => true });
    live.start();
    await live.idle();
    expect(badges()).toHaveLength(0);
    selectors = xAdapter.postSelectors;
    live.reset();
    await live.idle();
    expect(badges()).toHaveLength(4);
  });

  it('removes its badges and stops observing when the extension goes away', async () => {
    scanner.start();
    await scanner.idle();
    controller.abort();
    expect(badges()).toHaveLength(0);
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 20));
    expect(match).toHaveBeenCalledTimes(1);
  });

  it('survives a failing background and a throwing adapter', async () => {
    const onError = vi.fn();
    const failing = new PostScanner({
      adapter: {
        ...xAdapter,
        extract: (el, page) =>
          el === articles()[1]
            ? (() => {
                throw new Error('odd post');
              })()
            : xAdapter.extract(el, page),
      },
      match: async () => {
        throw new Error('background asleep');
      },
      signal: controller.signal,
      throttleMs: 5,
      isVisible: () => true,
      onError,
    });
    failing.start();
    await failing.idle();
    expect(onError.mock.calls.map(([e]) => (e as Error).message)).toEqual(['odd post', 'background asleep']);
    expect(badges()).toHaveLength(0);
  });

  it('badges nothing on a page of hostile text, and executes none of it', async () => {
    document.body.innerHTML = '';
    const article = document.createElement('article');
    article.setAttribute('data-testid', 'tweet');
    const text = document.createElement('div');
    text.setAttribute('data-testid', 'tweetText');
    text.textContent = `<img src=x onerror="window.__pwned=1"> \u202Eلبح ${'A'.repeat(50_000)}`;
    article.append(text);
    document.body.append(article);
    scanner.start();
    await scanner.idle();
    expect(match.mock.calls[0]![0][0]!.text.length).toBeLessThanOrEqual(20_000);
    expect(badges()).toHaveLength(0);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('writes a scan’s badges together in the next frame, not one by one as answers arrive', async () => {
    const frames: (() => void)[] = [];
    const framed = new PostScanner({
      adapter: xAdapter,
      match,
      signal: controller.signal,
      throttleMs: 5,
      isVisible: () => true,
      batchSize: 3, // several answers, one frame
      scheduleFrame: (callback) => void frames.push(callback),
      writeGatherMs: 0, // ask for the frame at once (gathering is tested below)
    });
    framed.start();
    await vi.waitFor(() => expect(match.mock.calls.length).toBeGreaterThanOrEqual(4));
    await new Promise((r) => setTimeout(r, 20));
    expect(badges()).toHaveLength(0);
    expect(frames).toHaveLength(1);
    frames.splice(0).forEach((render) => render());
    expect(badges()).toHaveLength(4);
    // A badged post whose answer is now "no badge" is unbadged in a frame too.
    match.mockImplementation(async (posts) => posts.map((post) => ({ key: post.key })));
    const badged = badges()[0]!.closest('article')!;
    badged.querySelector('[data-testid="tweetText"]')!.append(' (edited)');
    await vi.waitFor(() => expect(frames).toHaveLength(1));
    expect(badges()).toHaveLength(4);
    frames.splice(0).forEach((render) => render());
    expect(badges()).toHaveLength(3);
    expect(badgeOf(badged)).toBeNull();
    framed.reset();
    await vi.waitFor(() => expect(match.mock.calls.length).toBeGreaterThanOrEqual(8));
    await framed.idle();
    expect(badges()).toHaveLength(0); // reset removes at once: the reader changed the language or the page
    // Answers without a badge for posts that have none ask for no frame: nothing is to be written.
    expect(frames).toHaveLength(0);
  });

  it('writes a new page’s badges at once, later ones with a DOM change of the page’s own (a scroll is none)', async () => {
    const frames: (() => void)[] = [];
    const render = () => frames.splice(0).forEach((callback) => callback());
    const gathering = new PostScanner({
      adapter: xAdapter,
      match,
      signal: controller.signal,
      throttleMs: 5,
      isVisible: () => true,
      scheduleFrame: (callback) => void frames.push(callback),
      writeGatherMs: 60_000, // only the page's own DOM change releases later answers in this test
    });
    gathering.start();
    // The first read of the page: the page renders it anyway and the reader waits, so no gathering.
    await vi.waitFor(() => expect(frames).toHaveLength(1));
    render();
    expect(badges()).toHaveLength(4);
    // A re-read post that loses its badge: the answer waits for the page's next change.
    match.mockImplementation(async (posts) => posts.map((post) => ({ key: post.key })));
    const badged = badges()[0]!.closest('article')!;
    badged.querySelector('[data-testid="tweetText"]')!.append(' (edited)');
    await vi.waitFor(() => expect(match.mock.calls.length).toBeGreaterThanOrEqual(2));
    await new Promise((r) => setTimeout(r, 30));
    expect(frames).toHaveLength(0);
    document.dispatchEvent(new Event('scroll')); // a scroll lays nothing out: no frame to share
    await new Promise((r) => setTimeout(r, 10));
    expect(frames).toHaveLength(0);
    expect(badges()).toHaveLength(4);
    document.body.append(document.createElement('div')); // the page appends: it lays out next frame
    await vi.waitFor(() => expect(frames).toHaveLength(1));
    render();
    expect(badges()).toHaveLength(3);
    expect(badgeOf(badged)).toBeNull();
    gathering.stop();
  });

  it('writes a later answer within the gather time on a page that changes nothing of its own', async () => {
    const frames: number[] = [];
    const timed = new PostScanner({
      adapter: xAdapter,
      match,
      signal: controller.signal,
      throttleMs: 5,
      isVisible: () => true,
      scheduleFrame: (callback) => {
        frames.push(performance.now());
        callback();
      },
      writeGatherMs: 40,
    });
    timed.start();
    await vi.waitFor(() => expect(badges()).toHaveLength(4));
    let answeredAt = 0;
    match.mockImplementation(async (posts) => {
      answeredAt = performance.now();
      return posts.map((post) => ({ key: post.key }));
    });
    badges()[0]!.closest('article')!.querySelector('[data-testid="tweetText"]')!.append(' (edited)');
    await vi.waitFor(() => expect(badges()).toHaveLength(3));
    expect(frames).toHaveLength(2);
    // Asked for 40 ms after the answer, not before (and not much later).
    expect(frames[1]! - answeredAt).toBeGreaterThanOrEqual(39);
    expect(frames[1]! - answeredAt).toBeLessThan(1_000);
    timed.stop();
  });
});
