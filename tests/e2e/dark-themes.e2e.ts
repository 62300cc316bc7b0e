/**
 * Issue #21 item 1, "in light and dark themes of each site": each saved page is turned dark the way its site
 * does it (X's body colour, YouTube's `html[dark]`, Facebook's dark-mode class, …) with the site's own dark
 * ground, before Sanad reads it. The badge's panel then takes a dark ground with legible text; switching the
 * page back to light re-themes the badges already shown, without a reload. Screenshots under test-output/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openOptions, settledBadges } from '../../scripts/support/extension-pages';
import { boxInShadow, clickInShadow, inClosedShadow, openPanelNearBottom, type HostRef } from '../../scripts/support/closed-shadow';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { badgeCount, caseFor } from './cases';

const OUT = resolve(import.meta.dirname, '../../test-output');

/** How each site marks its dark theme (an attribute or class on <html>/<body>) and the ground it paints. */
const DARK_SITES = [
  {
    site: 'x',
    url: 'https://x.com/home',
    mark: { on: 'body', attr: 'style', value: 'background-color: rgb(0, 0, 0);' },
    ground: 'rgb(0, 0, 0)',
    text: 'rgb(231, 233, 234)',
  },
  {
    site: 'youtube',
    url: 'https://www.youtube.com/watch?v=hK9fL2xQw0E',
    mark: { on: 'html', attr: 'dark', value: '' },
    ground: 'rgb(15, 15, 15)',
    text: 'rgb(241, 241, 241)',
  },
  {
    site: 'facebook',
    url: 'https://www.facebook.com/',
    mark: { on: 'html', attr: 'class', value: '__fb-dark-mode' },
    ground: 'rgb(24, 25, 26)',
    text: 'rgb(228, 230, 235)',
  },
  // On For You the caption, and the badge, sit on the video's own black card whatever the site's theme.
  {
    site: 'tiktok',
    url: 'https://www.tiktok.com/foryou',
    mark: { on: 'html', attr: 'data-theme', value: 'dark' },
    ground: 'rgb(18, 18, 18)',
    text: 'rgb(255, 255, 255)',
    onVideo: true,
  },
  {
    site: 'instagram',
    url: 'https://www.instagram.com/',
    mark: { on: 'html', attr: 'class', value: '_aa4d' },
    ground: 'rgb(0, 0, 0)',
    text: 'rgb(245, 245, 245)',
  },
  {
    site: 'telegram',
    url: 'https://web.telegram.org/k/#@syria_now',
    mark: { on: 'body', attr: 'class', value: 'night' },
    ground: 'rgb(33, 33, 33)',
    text: 'rgb(255, 255, 255)',
  },
] as const;
interface DarkSite {
  site: string;
  url: string;
  mark: { on: 'html' | 'body'; attr: string; value: string };
  ground: string;
  text: string;
  onVideo?: boolean;
}

/**
 * The site's own stylesheet, reduced to what makes it dark: its marker paints the page's ground, and every
 * element between the page and the posts lets it through (as the sites' dark themes repaint their cards).
 */
const darkSheet = ({ mark, ground, text, onVideo }: DarkSite) => {
  const sel = `${mark.on}[${mark.attr === 'class' ? `class~="${mark.value}"` : mark.attr === 'style' ? 'style' : mark.attr}]`;
  const root = mark.on === 'html' ? sel : `html:has(> ${sel})`;
  return `${root}, ${root} body { background-color: ${ground} !important; color: ${text} !important; color-scheme: dark; }
${root} body *${onVideo ? ':not([class*="MediaCard"])' : ''} { background-color: transparent !important; color: inherit !important; }`;
};

/** Marks the page dark as its site does, once <body> exists (the sites set it before their feed renders). */
async function turnDark(page: Page, s: DarkSite) {
  await page.addInitScript(
    ({ mark, css }) => {
      const apply = () => {
        const el = mark.on === 'html' ? document.documentElement : document.body;
        if (mark.attr === 'class') el.classList.add(mark.value);
        else el.setAttribute(mark.attr, mark.value);
        const style = document.createElement('style');
        style.id = 'site-dark-theme';
        style.textContent = css;
        document.head.append(style);
      };
      if (document.body) apply();
      else document.addEventListener('DOMContentLoaded', apply, { once: true });
    },
    { mark: s.mark, css: darkSheet(s) },
  );
}

/** Back to the site's light theme, as its settings menu would: the marker goes, and its stylesheet with it. */
const turnLight = (page: Page, s: DarkSite) =>
  page.evaluate(({ mark }) => {
    const el = mark.on === 'html' ? document.documentElement : document.body;
    if (mark.attr === 'class') el.classList.remove(mark.value);
    else el.removeAttribute(mark.attr);
  }, s);

interface Look {
  panel: string;
  card: string;
  text: string;
  source: string;
}
const lookOf = (page: Page, ref: HostRef) =>
  inClosedShadow(page, ref, (root): Look | null => {
    const card = root.querySelector('.sanad-panel .sanad-card');
    const source = root.querySelector('.sanad-panel .sanad-source');
    const panel = root.querySelector('.sanad-panel');
    if (!card || !source || !panel) return null;
    return {
      panel: getComputedStyle(panel).backgroundColor,
      card: getComputedStyle(card).backgroundColor,
      text: getComputedStyle(card).color,
      source: getComputedStyle(source).color,
    };
  });

const rgb = (v: string) => (/rgba?\(([^)]+)\)/.exec(v)?.[1] ?? '').split(/[\s,/]+/).map(Number);
const luminance = (v: string) => {
  const [r = 0, g = 0, b = 0] = rgb(v).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

let browser: SanadBrowser;
let options: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchWithSanad();
  await serveSavedPages(browser.context);
  options = await openOptions(browser);
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

for (const lang of ['en', 'ar'] as const) {
  describe(`dark themes (${lang})`, () => {
    beforeAll(async () => {
      await options.locator(`input[name="language"][value="${lang}"]`).check();
      await options.waitForFunction((l) => document.documentElement.lang === l, lang);
    });

    for (const s of DARK_SITES as readonly DarkSite[]) {
      it(`${s.site}: the panel is dark and legible on the dark site, and turns light with it`, async () => {
        const page = await browser.context.newPage();
        await turnDark(page, s);
        await page.goto(s.url);
        const expected = badgeCount(caseFor(s.url));
        expect(await settledBadges(page, { atLeast: expected })).toBe(expected);

        const host = page.locator('[data-sanad-badge]').first();
        await host.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        const badge = (await boxInShadow(page, '[data-sanad-badge]', 'button.sanad-badge'))!;
        const viewport = page.viewportSize()!;
        const top = Math.max(0, Math.min(viewport.height - 420, badge.y - 200));
        await page.screenshot({
          path: `${OUT}/${s.site}-badge-dark-${lang}.png`,
          clip: { x: 0, y: top, width: viewport.width, height: 420 },
        });

        const { ref } = await openPanelNearBottom(page);
        const dark = (await lookOf(page, ref))!;
        expect(dark, 'panel').not.toBeNull();
        expect(luminance(dark.card), `card ${dark.card} on ${s.ground}`).toBeLessThan(0.05);
        expect(luminance(dark.panel)).toBeLessThan(0.05);
        // WCAG AA for body text and for the secondary (source) line.
        expect(contrast(dark.text, dark.card)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(dark.source, dark.card)).toBeGreaterThanOrEqual(4.5);
        await page.screenshot({ path: `${OUT}/${s.site}-panel-dark-${lang}.png` });

        // The reader switches the site to light: the open panel follows, no reload (on a video card it stays dark,
        // like the card it sits on).
        await turnLight(page, s);
        if (s.onVideo) await page.waitForTimeout(1_000);
        await expect
          .poll(async () => luminance((await lookOf(page, ref))?.card ?? 'rgb(0,0,0)') > 0.9, { timeout: 5_000 })
          .toBe(!s.onVideo);
        const light = (await lookOf(page, ref))!;
        expect(contrast(light.text, light.card)).toBeGreaterThanOrEqual(4.5);
        await clickInShadow(page, ref, '.sanad-close');
        await page.close();
      });
    }
  });
}
