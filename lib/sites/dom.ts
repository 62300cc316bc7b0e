/** Small DOM readers shared by site adapters. They read; they never write to the page. */

/** The first element any of the selectors finds, trying them in order. */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** All elements of the first selector that finds any (the selectors are ordered fallbacks). */
export function queryAllFirst(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll(selector);
    if (found.length) return [...found];
  }
  return [];
}

/**
 * Visible text of an element without layout (no innerText): text nodes plus image alt texts, which is how
 * sites render emoji. Script and style contents are skipped, and so are elements matching `skip` (a post's
 * inline time or view count, say).
 */
export function readText(element: Element | null | undefined, maxLength = 20_000, skip?: string): string {
  if (!element) return '';
  let out = '';
  const walk = (node: Node) => {
    if (out.length >= maxLength) return;
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.localName;
      if (tag === 'script' || tag === 'style' || tag === 'template' || el.hasAttribute('data-sanad-badge')) return;
      if (skip && el.matches(skip)) return;
      if (tag === 'img') out += el.getAttribute('alt') ?? '';
      else if (tag === 'br') out += '\n';
      for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    }
  };
  walk(element);
  return out
    .slice(0, maxLength)
    .replace(/[ \t\u00A0]+/g, ' ')
    .trim();
}

/** An attribute resolved as an absolute http(s) URL against the page, or undefined. */
export function absoluteUrl(value: string | null | undefined, page: URL): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, page);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
