/**
 * Conventions: every row of the platforms table has what a site needs (adapter, selectors, tests, entry file,
 * saved and real pages, option label), and everything that lists sites agrees with the table.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runOnPage } from '@/lib/page/run';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { DEMO_PAGES, IMAGE_HOSTS, SAVED_PAGES } from '@/scripts/support/saved-pages';
import { hostPermissions, PLATFORMS, patternHost, postLinkHosts, SITE_IDS, sitePages, type Platform } from './platforms';
import type { SiteAdapter } from './types';

// The entry files are imported for their definition; what they run is observed, not run.
vi.mock('@/lib/page/run', () => ({ runOnPage: vi.fn() }));

const root = process.cwd();
const exists = (path: string) => existsSync(resolve(root, path));
const htmlFilesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : []);
const rows: readonly Platform[] = PLATFORMS;
const PAGE_PATTERN = /^https:\/\/[a-z0-9.-]+\/\*$/;
const hostOf = (url: string) => new URL(url).hostname.replace(/^www\./, '');

describe.each(rows.map((p) => [p.id, p] as const))('platform %s', (id, row) => {
  beforeEach(() => vi.mocked(runOnPage).mockClear());

  it('has its site folder: adapter, rules and adapter tests', () => {
    for (const file of ['adapter.ts', 'rules.json', 'adapter.test.ts']) {
      expect(exists(`lib/sites/${id}/${file}`), `lib/sites/${id}/${file}`).toBe(true);
    }
  });

  it("has an entry file that runs the site's adapter on the row's pages", async () => {
    expect(exists(`entrypoints/${id}.content.ts`)).toBe(true);
    type Entry = { default: { matches: string[]; main(ctx: ContentScriptContext): void } };
    const entry = (await import(`../../entrypoints/${id}.content.ts`)) as Entry;
    expect(entry.default.matches).toEqual([...row.pages]);
    entry.default.main({} as ContentScriptContext);
    const adapter = vi.mocked(runOnPage).mock.calls[0]?.[1] as SiteAdapter | undefined;
    expect(adapter?.id).toBe(id);
  });

  it('has saved pages under tests/fixtures, served in E2E and the demo at its own pages', () => {
    expect(htmlFilesIn(resolve(root, 'tests/fixtures', id)).length).toBeGreaterThan(0);
    const pageHosts = new Set(row.pages.map(patternHost));
    const served = Object.entries(SAVED_PAGES).filter(([, file]) => file.startsWith(`${id}/`));
    expect(served.length).toBeGreaterThan(0);
    for (const [url] of served) expect(pageHosts.has(hostOf(url)), url).toBe(true);
    expect(DEMO_PAGES.some((page) => pageHosts.has(hostOf(page.url)))).toBe(true);
    // Fetches for posters and photos are answered locally too, never by the network.
    for (const pattern of row.imageHosts) expect(IMAGE_HOSTS.test(patternHost(pattern).replace('*', 'img')), pattern).toBe(true);
  });

  it('has adapter tests that read its saved pages', () => {
    const tests = readFileSync(resolve(root, `lib/sites/${id}/adapter.test.ts`), 'utf8');
    expect(tests).toMatch(/loadFixture\(/);
    expect(tests).toMatch(new RegExp(`['\`]${id}/`));
  });

  it('has real saved pages in ../shared/real-dom, or says why not', () => {
    const real = htmlFilesIn(resolve(root, '../shared/real-dom', id));
    if (row.noRealPages) expect(real).toEqual([]);
    else expect(real.length).toBeGreaterThan(0);
  });

  it('is named in the options in both languages', () => {
    for (const locale of ['en', 'ar']) {
      const file = resolve(root, 'public/_locales', locale, 'messages.json');
      const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      expect(messages[`site_${id}`], `${locale} site_${id}`).toBeDefined();
    }
  });

  it('writes pages as https://<host>/* and post-link hosts bare, without repeating a page host', () => {
    for (const page of row.pages) expect(page).toMatch(PAGE_PATTERN);
    const bareHost = /^(?!www\.)[a-z0-9-]+(\.[a-z0-9-]+)+$/;
    for (const host of [...row.postLinks.hosts, ...row.postLinks.shortHosts]) expect(host).toMatch(bareHost);
    const pageHosts = row.pages.map(patternHost);
    for (const host of row.postLinks.hosts) expect(pageHosts).not.toContain(host);
  });
});

describe('the platforms table', () => {
  it('has one row per site folder and per real-dom folder', () => {
    const folders = (dir: string) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    expect(folders(resolve(root, 'lib/sites')).sort()).toEqual([...SITE_IDS].sort());
    expect(folders(resolve(root, 'tests/fixtures')).sort()).toEqual([...SITE_IDS].sort());
    const withRealPages = rows.filter((p) => !p.noRealPages).map((p) => p.id);
    expect(folders(resolve(root, '../shared/real-dom')).sort()).toEqual(withRealPages.sort());
  });

  it('has one content-script entry per row and no other', () => {
    const entries = readdirSync(resolve(root, 'entrypoints')).filter((f) => f.endsWith('.content.ts'));
    expect(entries.sort()).toEqual(SITE_IDS.map((id) => `${id}.content.ts`).sort());
  });

  it('gives every post-link host to one site only (canonical ids look a host up once)', () => {
    const all = rows.flatMap((p) => {
      const { hosts, shortHosts } = postLinkHosts(p);
      return [...hosts, ...shortHosts];
    });
    expect(new Set(all).size).toBe(all.length);
  });

  it('reads the links of every page a content script runs on, unless the row says why not', () => {
    for (const row of rows) {
      if (row.postLinks.notOnPages) continue;
      expect(postLinkHosts(row).hosts).toEqual(expect.arrayContaining(row.pages.map(patternHost)));
    }
  });

  it('is where the settings defaults come from', () => {
    expect(DEFAULT_SETTINGS.sites).toEqual(Object.fromEntries(rows.map((p) => [p.id, p.onByDefault])));
  });

  it("gives content scripts their own copy of the row's pages", () => {
    const pages = sitePages('x');
    pages.push('https://example.org/*');
    expect(sitePages('x')).not.toContain('https://example.org/*');
  });
});

describe('the manifest', () => {
  // Importing wxt.config.ts loads WXT and Vite: seconds on a busy machine.
  it("asks for exactly the table's pages and image hosts", { timeout: 60_000 }, async () => {
    type Env = { browser: string; manifestVersion: number; mode: string; command: string };
    type Config = { default: { manifest: (env: Env) => { host_permissions: string[] } } };
    const { default: config } = (await import('../../wxt.config')) as Config;
    for (const browser of ['chrome', 'firefox']) {
      const manifest = config.manifest({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' });
      expect(manifest.host_permissions).toEqual(hostPermissions());
    }
    expect(new Set(hostPermissions())).toEqual(new Set(rows.flatMap((p) => [...p.pages, ...p.imageHosts])));
  });
});
