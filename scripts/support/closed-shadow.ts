/**
 * Reading and clicking inside Sanad's badges, whose shadow roots are closed: the page cannot reach them, so
 * tests look the way the browser's own devtools do (the Chrome DevTools Protocol sees closed shadow roots),
 * and click with real input at what they found. Nothing here is available to a web page.
 */
import type { CDPSession, Page } from 'playwright-core';

const sessions = new WeakMap<Page, Promise<CDPSession>>();
const sessionOf = (page: Page) => {
  let session = sessions.get(page);
  if (!session) sessions.set(page, (session = page.context().newCDPSession(page)));
  return session;
};

/** The `index`-th element matching `selector` in the page's light DOM: usually a `[data-sanad-badge]` host. */
export interface HostRef {
  selector: string;
  index?: number;
}

/**
 * Runs `fn` on the closed shadow root of the host `ref` names, in the page's main world (as devtools would),
 * and answers its JSON result; null when there is no such host or it has no shadow root.
 */
export async function inClosedShadow<A, R>(
  page: Page,
  ref: HostRef | string,
  fn: (root: ShadowRoot, arg: A) => R | Promise<R>,
  arg?: A,
): Promise<R | null> {
  const { selector, index = 0 } = typeof ref === 'string' ? { selector: ref } : ref;
  const cdp = await sessionOf(page);
  const found = await cdp.send('Runtime.evaluate', {
    expression: `document.querySelectorAll(${JSON.stringify(selector)})[${index}] ?? null`,
  });
  const hostId = found.result.objectId;
  if (!hostId) return null;
  try {
    const { node } = await cdp.send('DOM.describeNode', { objectId: hostId, pierce: true, depth: 1 });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) return null;
    const called = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `async function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    });
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
    if (called.exceptionDetails) throw new Error(called.exceptionDetails.exception?.description ?? called.exceptionDetails.text);
    return (called.result.value ?? null) as R | null;
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: hostId });
  }
}

/** The badge's button as a reader and a screen reader get it. */
export interface BadgeState {
  label: string | null;
  text: string;
  certainty: string | null;
  expanded: string | null;
}

export const badgeState = (page: Page, ref: HostRef | string) =>
  inClosedShadow(page, ref, (root): BadgeState | null => {
    const button = root.querySelector('button.sanad-badge');
    if (!button) return null;
    return {
      label: button.getAttribute('aria-label'),
      text: (button as HTMLElement).innerText,
      certainty: button.getAttribute('data-certainty'),
      expanded: button.getAttribute('aria-expanded'),
    };
  });

/** Every badge host's state matching `selector`, in page order. */
export async function badgeStates(page: Page, selector = '[data-sanad-badge]'): Promise<(BadgeState | null)[]> {
  const count = await page.locator(selector).count();
  const states: (BadgeState | null)[] = [];
  for (let index = 0; index < count; index++) states.push(await badgeState(page, { selector, index }));
  return states;
}

/** The open panel's text, or null when it is closed. */
export const panelText = (page: Page, ref: HostRef | string) =>
  inClosedShadow(page, ref, (root) => (root.querySelector('.sanad-panel') as HTMLElement | null)?.innerText ?? null);

export interface ShadowBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The on-screen box of the first element matching `inner` inside the host's shadow root, or null. */
export const boxInShadow = (page: Page, ref: HostRef | string, inner: string) =>
  inClosedShadow(
    page,
    ref,
    (root, sel): ShadowBox | null => {
      const el = root.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    inner,
  );

/** Waits for `inner` (optionally one whose text includes `text`) inside the host's shadow root, scrolled into view. */
async function waitInShadow(page: Page, ref: HostRef | string, inner: string, text?: string, timeout = 10_000): Promise<ShadowBox> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const box = await inClosedShadow(
      page,
      ref,
      (root, { sel, text }): ShadowBox | null => {
        const el = [...root.querySelectorAll(sel)].find((e) => !text || (e as HTMLElement).innerText.includes(text));
        if (!el) return null;
        el.scrollIntoView({ block: 'nearest' });
        const r = el.getBoundingClientRect();
        return r.width && r.height ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
      },
      { sel: inner, text },
    );
    if (box) return box;
    if (Date.now() > deadline) throw new Error(`${inner}${text ? ` "${text}"` : ''} did not appear in the badge ${JSON.stringify(ref)}`);
    await page.waitForTimeout(100);
  }
}

/** Clicks, as a person does (real pointer input), the element `inner` (with `text`, if given) in the badge's shadow root. */
export async function clickInShadow(page: Page, ref: HostRef | string, inner: string, text?: string): Promise<void> {
  const box = await waitInShadow(page, ref, inner, text);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Waits until the element `inner` (with `text`, if given) is shown in the badge's shadow root. */
export const waitForInShadow = (page: Page, ref: HostRef | string, inner: string, text?: string, timeout?: number) =>
  waitInShadow(page, ref, inner, text, timeout).then(() => undefined);

interface DomNode {
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/** The DOM nodes inside every badge host's shadow root, by backend id. */
async function nodesInBadges(cdp: CDPSession): Promise<Set<number>> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const inside = new Set<number>();
  const collect = (node: DomNode) => {
    inside.add(node.backendNodeId);
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) collect(child);
  };
  const walk = (node: DomNode) => {
    const attributes = node.attributes ?? [];
    const isHost = attributes.some((name, i) => i % 2 === 0 && name === 'data-sanad-badge');
    if (isHost) for (const shadow of node.shadowRoots ?? []) collect(shadow);
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
  };
  walk(root);
  return inside;
}

const NAMED_ROLES = new Set(['button', 'link', 'dialog', 'checkbox', 'radio', 'textbox', 'combobox']);

/**
 * What a screen reader would meet unnamed inside the badges (axe cannot enter closed shadow roots): each
 * interactive element or dialog with no accessible name, as "role: text". Empty when all are named; throws
 * when the badges show nothing interactive at all (so the check cannot pass on an empty page).
 */
export async function unnamedInBadges(page: Page): Promise<string[]> {
  const cdp = await sessionOf(page);
  const inside = await nodesInBadges(cdp);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree', {})) as {
    nodes: { backendDOMNodeId?: number; ignored?: boolean; role?: { value?: string }; name?: { value?: string } }[];
  };
  const ours = nodes.filter((n) => !n.ignored && n.backendDOMNodeId !== undefined && inside.has(n.backendDOMNodeId));
  const interactive = ours.filter((n) => NAMED_ROLES.has(String(n.role?.value)));
  if (!interactive.length) throw new Error('no badge controls in the accessibility tree');
  return interactive.filter((n) => !String(n.name?.value ?? '').trim()).map((n) => `${n.role?.value}: unnamed`);
}

/** Puts the page's last badge at the bottom of the viewport, opens its panel and says where both are. */
export async function openPanelNearBottom(page: Page) {
  const host = page.locator('[data-sanad-badge]').last();
  const ref = { selector: '[data-sanad-badge]', index: (await page.locator('[data-sanad-badge]').count()) - 1 };
  await host.evaluate((el) => {
    el.scrollIntoView({ block: 'end' });
    window.scrollBy(0, 4);
  });
  await host.click();
  await waitForInShadow(page, ref, '.sanad-panel');
  const badge = (await boxInShadow(page, ref, 'button.sanad-badge'))!;
  const box = (await boxInShadow(page, ref, '.sanad-panel'))!;
  const viewport = page.viewportSize()!;
  return { ref, badge, box, viewport };
}
