// @vitest-environment happy-dom
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';
import { tiktokAdapter } from '@/lib/sites/tiktok/adapter';
import type { SiteAdapter } from '@/lib/sites/types';
import { xAdapter } from '@/lib/sites/x/adapter';
import { youtubeAdapter } from '@/lib/sites/youtube/adapter';
import { loadRealPage, realPageExpectation } from '@/tests/unit/support/real-pages';
import { samplePage } from './page-sample';
import { ReadabilityWatch, UNREADABLE_AFTER_MS } from './readability';

const ADAPTERS: Record<string, SiteAdapter> = {
  facebook: facebookAdapter,
  instagram: instagramAdapter,
  tiktok: tiktokAdapter,
  x: xAdapter,
  youtube: youtubeAdapter,
};
const REAL_DOM = resolve(process.cwd(), '../shared/real-dom');
// The real pages whose address is known (their expect.json): adapters read some posts only at the real address.
const pages = readdirSync(REAL_DOM, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && realPageExpectation(f));

/** Every attribute the site's post rules name, renamed: the markup broken on purpose, its content kept. */
function breakPostRules(selectors: readonly string[]): void {
  const names = new Set(selectors.flatMap((s) => [...s.matchAll(/\[([a-z-]+)/g)].map((m) => m[1]!)));
  for (const element of document.querySelectorAll('*')) {
    for (const name of names) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      element.removeAttribute(name);
      element.setAttribute(`x-renamed-${name}`, value);
    }
  }
}

const verdictOver = (sample: () => ReturnType<typeof samplePage>) => {
  const watch = new ReadabilityWatch();
  watch.observe({ ...sample(), at: 0 });
  return watch.observe({ ...sample(), at: UNREADABLE_AFTER_MS });
};

describe.each(pages)('real page %s', (file) => {
  const site = file.split('/')[0]!;
  const adapter = ADAPTERS[site]!;
  const address = new URL(realPageExpectation(file)!.url);

  it('is readable: no false alarm on a page the adapter reads', () => {
    loadRealPage(file);
    const sample = samplePage(adapter, address, 0);
    expect(sample.postsRead).toBeGreaterThan(0);
    expect(verdictOver(() => samplePage(adapter, address, 0))).toBe('readable');
  });
});

// Facebook's rules rest on attributes (roles, aria-posinset, data-ad-*, data-mcomponent), so renaming them breaks
// the page as a redesign would; other sites' rules also name tags, which a rename cannot imitate.
describe.each(pages.filter((f) => f.startsWith('facebook/')))('real page %s, broken on purpose', (file) => {
  const address = new URL(realPageExpectation(file)!.url);
  it('is unreadable once the attributes its post rules rest on are renamed', () => {
    loadRealPage(file);
    breakPostRules(facebookAdapter.postSelectors);
    expect(samplePage(facebookAdapter, address, 0).postsRead).toBe(0);
    expect(verdictOver(() => samplePage(facebookAdapter, address, 0))).toBe('unreadable');
  });
});

describe('samplePage counts', () => {
  it("counts the text a reader sees, not the page's scripts and styles, whitespace left out", () => {
    document.body.innerHTML =
      '<p>Hello  world</p><script type="application/json">{"state":"' +
      'x'.repeat(5_000) +
      '"}</script><style>p { color: red }</style><noscript>enable scripts</noscript><b>ab c</b>';
    const sample = samplePage(xAdapter, new URL('https://x.com/home'), 7);
    expect(sample).toMatchObject({ at: 7, textChars: 'Helloworld'.length + 'abc'.length, postsRead: 0 });
    expect(sample.elements).toBe(document.body.getElementsByTagName('*').length);
  });
});
