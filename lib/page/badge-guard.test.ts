// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { guardBadgeHost, MAX_RESTORES } from './badge-guard';

const flush = () => new Promise((r) => setTimeout(r, 0));
let end: (() => void) | undefined;
afterEach(() => end?.());

function setup() {
  document.body.innerHTML = '<div id="post"><span id="name">Name</span><time>Jan 9</time></div>';
  const parent = document.getElementById('post')!;
  const before = parent.querySelector('time')!;
  const host = document.createElement('span');
  host.setAttribute('data-sanad-badge', 'false');
  parent.insertBefore(host, before);
  end = guardBadgeHost(host, { parent, before }, () => 'false');
  return { parent, before, host };
}

describe('guardBadgeHost', () => {
  it('strips every attribute the page adds and restores the verdict', async () => {
    const { host } = setup();
    host.setAttribute('style', 'display: none !important');
    host.setAttribute('hidden', '');
    host.setAttribute('inert', '');
    host.setAttribute('data-sanad-badge', 'true');
    await flush();
    expect(host.getAttributeNames()).toEqual(['data-sanad-badge']);
    expect(host.getAttribute('data-sanad-badge')).toBe('false');
  });

  it('puts a removed or moved host back where it was', async () => {
    const { parent, before, host } = setup();
    host.remove();
    await flush();
    expect(host.parentNode).toBe(parent);
    expect(host.nextSibling).toBe(before);
    document.body.append(host); // moved somewhere the page hides
    await flush();
    expect(host.parentNode).toBe(parent);
  });

  it('gives up after MAX_RESTORES against a page that fights forever, and leaves a removed post alone', async () => {
    const { host } = setup();
    for (let i = 0; i < MAX_RESTORES + 5; i++) {
      host.remove();
      await flush();
    }
    expect(host.isConnected).toBe(false);

    end?.();
    const second = setup();
    second.parent.remove(); // the page removed the whole post: nothing to put back into
    await flush();
    expect(second.host.parentNode).toBe(second.parent);
    expect(second.host.isConnected).toBe(false);
  });

  it('does nothing once ended (Sanad removes its own badge)', async () => {
    const { host } = setup();
    end!();
    host.setAttribute('hidden', '');
    host.remove();
    await flush();
    expect(host.isConnected).toBe(false);
    expect(host.hasAttribute('hidden')).toBe(true);
  });
});

describe('many badges', () => {
  it('share one observer per document, each guarded as if alone, and ended ones are left alone', async () => {
    const Original = globalThis.MutationObserver;
    let made = 0;
    globalThis.MutationObserver = class extends Original {
      constructor(callback: MutationCallback) {
        super(callback);
        made++;
      }
    };
    const doc = document.implementation.createHTMLDocument('timeline');
    const badges = Array.from({ length: 300 }, (_, i) => {
      const parent = doc.createElement('article');
      const before = doc.createElement('time');
      parent.append(before);
      doc.body.append(parent);
      const host = doc.createElement('span');
      host.setAttribute('data-sanad-badge', i % 2 ? 'false' : 'misleading');
      parent.insertBefore(host, before);
      const verdict = host.getAttribute('data-sanad-badge')!;
      return { parent, before, host, verdict, end: guardBadgeHost(host, { parent, before }, () => verdict) };
    });
    try {
      expect(made).toBe(1);
      for (const { host } of badges) {
        host.setAttribute('inert', '');
        host.remove();
      }
      await flush();
      for (const { parent, before, host, verdict } of badges) {
        expect(host.parentNode).toBe(parent);
        expect(host.nextSibling).toBe(before);
        expect(host.getAttributeNames()).toEqual(['data-sanad-badge']);
        expect(host.getAttribute('data-sanad-badge')).toBe(verdict);
      }
      // Sanad removes 200 of them itself (past the rebuild threshold); the other 100 are still guarded.
      for (const badge of badges.slice(0, 200)) {
        badge.end();
        badge.host.remove();
      }
      for (const { host } of badges.slice(200)) host.setAttribute('aria-hidden', 'true');
      for (const { host } of badges.slice(200)) host.remove();
      await flush();
      expect(badges.slice(0, 200).every(({ host }) => !host.isConnected)).toBe(true);
      expect(badges.slice(200).every(({ host, parent }) => host.parentNode === parent && !host.hasAttribute('aria-hidden'))).toBe(true);
      expect(made).toBe(1);
    } finally {
      globalThis.MutationObserver = Original;
      for (const badge of badges) badge.end();
    }
  });
});
