/**
 * Whether the page around a badge is light or dark. Sites name their dark mode each their own way (X a body
 * colour, YouTube `html[dark]`, Facebook a class, Telegram `night`…) and rename it at will; what they all
 * keep is the colour painted behind the post. So the theme is read from the backgrounds the post sits on,
 * nearest first, and only when none is painted from the canvas the page asked for (`color-scheme`).
 */

export type PageTheme = 'light' | 'dark';

export type Rgba = readonly [r: number, g: number, b: number, a: number];

const RGB = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/i;

/**
 * A computed colour as browsers serialise it (`rgb(…)`, `rgba(…)`, `transparent`); null for anything else
 * (a `color(…)` or `oklch(…)` computed value), which the caller skips rather than guesses.
 */
export function parseCssColor(value: string): Rgba | null {
  const text = value.trim();
  if (text === 'transparent') return [0, 0, 0, 0];
  const m = RGB.exec(text);
  if (!m) return null;
  const channel = (v: string) => Math.min(255, Math.max(0, Number(v)));
  let alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  alpha = Math.min(1, Math.max(0, alpha));
  return [channel(m[1]!), channel(m[2]!), channel(m[3]!), alpha];
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Mid-grey (#777) has luminance ~0.18: light themes' greys (#f0f2f5) sit far above, dark ones (#15202b) far below. */
const DARK_BELOW = 0.18;
/** A background this opaque is what the reader sees behind the badge; fainter ones are tints over what is below. */
const OPAQUE_ENOUGH = 0.5;

/**
 * The theme from the background colours behind a badge, nearest ancestor first; `canvasDark` is what shows
 * when none of them is painted.
 */
export function themeFromBackgrounds(backgrounds: readonly string[], canvasDark: boolean): PageTheme {
  for (const value of backgrounds) {
    const color = parseCssColor(value);
    if (!color || color[3] < OPAQUE_ENOUGH) continue;
    return relativeLuminance(color) < DARK_BELOW ? 'dark' : 'light';
  }
  return canvasDark ? 'dark' : 'light';
}

/**
 * Whether the canvas is dark: the root's computed `color-scheme` (`dark`, or `light dark` when the reader's
 * system prefers dark). A page that declares nothing gets a white canvas whatever the system prefers.
 */
export function canvasIsDark(colorScheme: string, prefersDark: boolean): boolean {
  const schemes = colorScheme.toLowerCase().split(/\s+/);
  if (!schemes.includes('dark')) return false;
  return !schemes.includes('light') || prefersDark;
}

/** Reads the theme behind `anchor` (the element a badge goes into). One style read per ancestor, done rarely. */
export function readPageTheme(anchor: Element | null): PageTheme {
  const backgrounds: string[] = [];
  for (let el: Element | null = anchor; el; el = el.parentElement) {
    const value = getComputedStyle(el).backgroundColor;
    backgrounds.push(value);
    const color = parseCssColor(value);
    if (color && color[3] >= OPAQUE_ENOUGH) break;
  }
  const root = document.documentElement;
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  return themeFromBackgrounds(backgrounds, canvasIsDark(getComputedStyle(root).colorScheme || 'normal', prefersDark));
}

/**
 * Calls `changed` when the page may have switched theme: sites flip an attribute or class on `<html>` or
 * `<body>`, or follow the system's setting. Only those two elements' own attributes are watched (no subtree),
 * and bursts are coalesced, so a busy page pays nothing per post. Returns the stop function.
 */
export function watchPageTheme(changed: () => void, settleMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      changed();
    }, settleMs);
  };
  const observer = new MutationObserver(soon);
  observer.observe(document.documentElement, { attributes: true });
  if (document.body) observer.observe(document.body, { attributes: true });
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  media?.addEventListener('change', soon);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', soon);
    if (timer !== undefined) clearTimeout(timer);
  };
}
