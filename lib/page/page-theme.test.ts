// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { canvasIsDark, parseCssColor, readPageTheme, relativeLuminance, themeFromBackgrounds, watchPageTheme } from './page-theme';

describe('parseCssColor', () => {
  it('reads the forms browsers compute', () => {
    expect(parseCssColor('rgb(21, 32, 43)')).toEqual([21, 32, 43, 1]);
    expect(parseCssColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseCssColor('rgba(255, 255, 255, 0.85)')).toEqual([255, 255, 255, 0.85]);
    expect(parseCssColor('rgb(24 25 26 / 50%)')).toEqual([24, 25, 26, 0.5]);
    expect(parseCssColor('transparent')).toEqual([0, 0, 0, 0]);
  });
  it('answers null for what it cannot read, rather than a guess', () => {
    for (const v of ['', 'oklch(0.2 0.01 250)', 'color(srgb 0 0 0)', 'var(--bg)', 'rgb(1, 2)', 'red']) expect(parseCssColor(v)).toBeNull();
  });
});

describe('relativeLuminance', () => {
  it('runs from black to white', () => {
    expect(relativeLuminance([0, 0, 0, 1])).toBe(0);
    expect(relativeLuminance([255, 255, 255, 1])).toBeCloseTo(1, 6);
    expect(relativeLuminance([119, 119, 119, 1])).toBeCloseTo(0.184, 2);
  });
});

/** Each site's own page ground, light and dark (as their stylesheets paint them in 2025–2026). */
const GROUNDS = {
  light: ['rgb(255, 255, 255)', 'rgb(240, 242, 245)', 'rgb(249, 249, 249)', 'rgb(248, 248, 248)'],
  dark: ['rgb(0, 0, 0)', 'rgb(21, 32, 43)', 'rgb(15, 15, 15)', 'rgb(24, 25, 26)', 'rgb(36, 37, 38)', 'rgb(18, 18, 18)', 'rgb(33, 33, 33)'],
};

describe('themeFromBackgrounds', () => {
  it("tells the sites' light grounds from their dark ones", () => {
    for (const g of GROUNDS.light) expect(themeFromBackgrounds([g], false), g).toBe('light');
    for (const g of GROUNDS.dark) expect(themeFromBackgrounds([g], false), g).toBe('dark');
  });
  it('the nearest painted ground decides: a light card in a dark page is light, and the reverse', () => {
    expect(themeFromBackgrounds(['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)', 'rgb(0, 0, 0)'], true)).toBe('light');
    expect(themeFromBackgrounds(['rgba(0, 0, 0, 0)', 'rgb(36, 37, 38)', 'rgb(240, 242, 245)'], false)).toBe('dark');
  });
  it('skips faint tints and unreadable values, down to the canvas', () => {
    expect(themeFromBackgrounds(['rgba(255, 255, 255, 0.1)', 'oklch(0.9 0 0)', 'rgb(0, 0, 0)'], false)).toBe('dark');
    expect(themeFromBackgrounds(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], true)).toBe('dark');
    expect(themeFromBackgrounds([], false)).toBe('light');
  });
});

describe('canvasIsDark', () => {
  it('follows the page’s color-scheme, and the system only where the page allows both', () => {
    expect(canvasIsDark('normal', true)).toBe(false);
    expect(canvasIsDark('light', true)).toBe(false);
    expect(canvasIsDark('dark', false)).toBe(true);
    expect(canvasIsDark('light dark', false)).toBe(false);
    expect(canvasIsDark('light dark', true)).toBe(true);
    expect(canvasIsDark('only dark', false)).toBe(true);
  });
});

describe('reading the page', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.body.removeAttribute('style');
    document.documentElement.removeAttribute('style');
  });

  it('reads the ground behind the anchor, nearest first', () => {
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    document.body.innerHTML =
      '<div id="feed" style="background-color: rgb(21, 32, 43)"><article><div id="name"></div></article></div><div id="side"></div>';
    expect(readPageTheme(document.getElementById('name'))).toBe('dark');
    expect(readPageTheme(document.getElementById('side'))).toBe('light');
  });

  it('tells when <html> or <body> changes, coalescing a burst into one call', async () => {
    let calls = 0;
    const stop = watchPageTheme(() => calls++, 20);
    document.body.style.backgroundColor = 'rgb(0, 0, 0)';
    document.documentElement.setAttribute('dark', '');
    document.body.className = 'night';
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(1);
    // A post changing inside the feed is not the page's theme: not watched.
    document.body.innerHTML = '<div class="x"></div>';
    (document.body.firstElementChild as HTMLElement).className = 'y';
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(1);
    stop();
    document.body.className = 'day';
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(1);
  });
});
