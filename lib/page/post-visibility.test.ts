import { describe, expect, it, vi } from 'vitest';
import { isInView, MIN_POST_SIDE, PostsInView, READ_AHEAD_MARGIN, type ObserverFactory, type ViewEntry } from './post-visibility';

const entry = (isIntersecting: boolean, width = 600, height = 300): ViewEntry => ({
  isIntersecting,
  boundingClientRect: { width, height },
});

describe('isInView', () => {
  it.each([
    ['a post near the viewport', entry(true), true],
    ['a post far off (left of the screen, above the document, beyond its end)', entry(false), false],
    ['display: none (no box, no intersection)', entry(false, 0, 0), false],
    ['a 1 px visually-hidden box', entry(true, 1, 1), false],
    ['zero height (collapsed)', entry(true, 600, 0), false],
    ['just big enough', entry(true, MIN_POST_SIDE, MIN_POST_SIDE), true],
  ])('%s', (_, e, expected) => {
    expect(isInView(e)).toBe(expected);
  });
});

/** A stand-in for the browser's IntersectionObserver: the test says when entries arrive. */
function fakeObserver() {
  let deliver: Parameters<ObserverFactory>[0] = () => {};
  const observed = new Set<Element>();
  let init: Parameters<ObserverFactory>[1] | undefined;
  const factory: ObserverFactory = (callback, options) => {
    deliver = callback;
    init = options;
    return {
      observe: (el) => void observed.add(el),
      unobserve: (el) => void observed.delete(el),
      disconnect: () => observed.clear(),
    };
  };
  return {
    factory,
    observed,
    init: () => init,
    send: (target: Element, e: ViewEntry) => deliver([{ ...e, target }]),
  };
}

describe('PostsInView', () => {
  // Only identity and isConnected matter here: no DOM needed.
  const post = () => ({ isConnected: true }) as { isConnected: boolean } & Element;

  it('reads ahead vertically only, in the viewport and in scrolling panes', () => {
    const fake = fakeObserver();
    new PostsInView({ onEnter: () => {}, observer: fake.factory });
    expect(fake.init()).toMatchObject({ rootMargin: READ_AHEAD_MARGIN, scrollMargin: READ_AHEAD_MARGIN });
    expect(READ_AHEAD_MARGIN).toMatch(/ 0px$/);
  });

  it('calls a post met for the first time not visible until the observer places it in view', () => {
    const fake = fakeObserver();
    const onEnter = vi.fn();
    const watch = new PostsInView({ onEnter, observer: fake.factory, rendered: () => true });
    const a = post();
    expect(watch.isVisible(a)).toBe(false);
    expect(fake.observed.has(a)).toBe(true);
    expect(watch.isVisible(a)).toBe(false); // still no answer
    fake.send(a, entry(true));
    expect(onEnter).toHaveBeenCalledWith(a, true); // no box given: taken as on screen
    expect(watch.isVisible(a)).toBe(true);
  });

  it('says whether a post entered on the screen itself or only in the read-ahead margin below or above it', () => {
    const fake = fakeObserver();
    const onEnter = vi.fn();
    const watch = new PostsInView({ onEnter, observer: fake.factory, rendered: () => true, viewportHeight: () => 900 });
    const at = (top: number, bottom: number): ViewEntry => ({
      isIntersecting: true,
      boundingClientRect: { width: 600, height: bottom - top, top, bottom },
    });
    const [onScreen, below, above, straddling] = [post(), post(), post(), post()];
    for (const p of [onScreen, below, above, straddling]) watch.isVisible(p);
    fake.send(onScreen, at(200, 500));
    fake.send(below, at(1000, 1300));
    fake.send(above, at(-400, -100));
    fake.send(straddling, at(800, 1100));
    expect(onEnter.mock.calls).toEqual([
      [onScreen, true],
      [below, false],
      [above, false],
      [straddling, true],
    ]);
    expect([onScreen, below, above, straddling].every((p) => watch.isVisible(p))).toBe(true); // all read ahead alike
  });

  it('announces a post once per entry into view, and stops calling it visible when it leaves', () => {
    const fake = fakeObserver();
    const onEnter = vi.fn();
    const watch = new PostsInView({ onEnter, observer: fake.factory, rendered: () => true });
    const a = post();
    watch.isVisible(a);
    fake.send(a, entry(true));
    fake.send(a, entry(true, 600, 320)); // resized, still in view
    expect(onEnter).toHaveBeenCalledTimes(1);
    fake.send(a, entry(false)); // moved off-screen by the page
    expect(watch.isVisible(a)).toBe(false);
    fake.send(a, entry(true));
    expect(onEnter).toHaveBeenCalledTimes(2);
  });

  it('never calls an in-view post visible while it is not rendered (visibility: hidden, opacity: 0)', () => {
    const fake = fakeObserver();
    const hidden = new Set<Element>();
    const watch = new PostsInView({ onEnter: () => {}, observer: fake.factory, rendered: (el) => !hidden.has(el) });
    const a = post();
    hidden.add(a);
    watch.isVisible(a);
    fake.send(a, entry(true));
    expect(watch.isVisible(a)).toBe(false);
    hidden.delete(a);
    expect(watch.isVisible(a)).toBe(true);
  });

  it('ignores a shrunk post (1 px box) and stops following posts that left the page', () => {
    const fake = fakeObserver();
    const onEnter = vi.fn();
    const watch = new PostsInView({ onEnter, observer: fake.factory, rendered: () => true });
    const a = post();
    const b = post();
    watch.isVisible(a);
    watch.isVisible(b);
    fake.send(a, entry(true, 1, 1));
    expect(onEnter).not.toHaveBeenCalled();
    expect(watch.isVisible(a)).toBe(false);
    b.isConnected = false; // the page removed it
    watch.forgetDetached();
    expect(watch.size).toBe(1);
    expect(fake.observed.has(b)).toBe(false);
  });

  it('released after reading, a post stays visible until the page changes it, then waits for a fresh answer', () => {
    const fake = fakeObserver();
    const watch = new PostsInView({ onEnter: () => {}, observer: fake.factory, rendered: () => true });
    const a = post();
    watch.isVisible(a);
    fake.send(a, entry(true));
    expect(watch.isVisible(a)).toBe(true);
    watch.release(a);
    expect(fake.observed.has(a)).toBe(false); // nothing computed for it per frame
    expect(watch.isVisible(a)).toBe(true); // unchanged: a scan that starts over reads it at once
    expect(fake.observed.has(a)).toBe(false);
    // The page moved it off-screen and changed it: the scanner asks again, and waits.
    watch.changed(a);
    expect(watch.isVisible(a)).toBe(false);
    expect(fake.observed.has(a)).toBe(true);
    fake.send(a, entry(false));
    expect(watch.isVisible(a)).toBe(false);
  });
});
