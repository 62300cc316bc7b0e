/**
 * Attaching badges to posts. Each badge is a host element carrying `data-sanad-badge="<verdict>"` and
 * nothing else about its debunk; one constructed stylesheet serves every badge on the page. The page must
 * not learn which debunks a reader holds: the shadow root is closed (the page's `host.shadowRoot` is null,
 * and content scripts' isolated world never sees the page's patched `attachShadow`), and the badge acts only
 * on the reader's own input (`isTrusted`: a page's synthetic `click()` or key event is ignored). The page
 * cannot hide or restyle it either (see badge-guard.ts for how).
 */
import { h, render } from 'preact';
import { BadgePanel } from '@/components/BadgePanel';
import type { WrongMatchChoice } from '@/components/WrongMatchForm';
import { badgeWords, findingKind, isCertain, type FindingKind } from '@/components/finding';
import { FINDING_ICON_PATHS } from '@/components/VerdictIcon';
import { t, uiDirection, uiLocale } from '../i18n/t';
import badgeCss from '@/assets/badge.css?inline';
import cardCss from '@/assets/verdict-card.css?inline';
import darkCss from '@/assets/badge-dark.css?inline';
import type { PageBadge } from '../wire/shapes';
import type { BadgePlacement } from '../sites/types';
import { BADGE_ATTRIBUTE } from './badge-attribute';
import { guardBadgeHost } from './badge-guard';
import { panelWidth, placePanel } from './panel-placement';
import { readPageTheme, watchPageTheme, type PageTheme } from './page-theme';

const CSS = `${cardCss}\n${badgeCss}`;
/**
 * In a line of text (BadgePlacement.inLine) the host's margin box is 6px shorter than its pill (22-24px), so
 * an author line of 18-20px keeps its height: a badge that made the post taller had the page lay out, pre-paint
 * and paint every later post of the feed again (X's virtualiser re-measures its cells on that too). The pill
 * draws over the line's leading. Elsewhere (the top of a grid card) it would reach outside its box: not used.
 */
const IN_LINE_CSS = ':host { margin-block: -3px !important; }';
let sharedSheets: { base: CSSStyleSheet; inLine: CSSStyleSheet } | null | undefined;
/** Where constructed sheets are unavailable, each badge has its own <style>: all are re-themed together. */
const fallbackStyles = new Map<WeakRef<HTMLStyleElement>, boolean>();

/**
 * The page's theme, read behind the first badge and again when the page may have switched it. Changing it
 * rewrites the one shared sheet (or the fallback styles), so every badge on the page follows in one step.
 */
let theme: PageTheme | undefined;
let themeAnchor: WeakRef<Element> | undefined;
const sheetText = () => (theme === 'dark' ? `${CSS}\n${darkCss}` : CSS);
const fallbackText = (inLine: boolean) => (inLine ? `${sheetText()}\n${IN_LINE_CSS}` : sheetText());

function followPageTheme(anchor: Element): void {
  themeAnchor = new WeakRef(anchor);
  if (theme !== undefined) return;
  theme = readPageTheme(anchor);
  watchPageTheme(() => {
    const last = themeAnchor?.deref();
    const next = readPageTheme(last?.isConnected ? last : document.body);
    if (next === theme) return;
    theme = next;
    if (sharedSheets) sharedSheets.base.replaceSync(sheetText());
    for (const [ref, inLine] of fallbackStyles) {
      const style = ref.deref();
      if (style) style.textContent = fallbackText(inLine);
      else fallbackStyles.delete(ref);
    }
  });
}

/** One constructed stylesheet (two in a line of text) shared by every badge's shadow root: no <style> per badge. */
function styleShadow(root: ShadowRoot, inLine = false): void {
  if (sharedSheets === undefined) {
    try {
      const base = new CSSStyleSheet();
      base.replaceSync(sheetText());
      const line = new CSSStyleSheet();
      line.replaceSync(IN_LINE_CSS);
      sharedSheets = { base, inLine: line };
    } catch {
      sharedSheets = null; // constructed sheets unavailable in this content-script world (older Firefox)
    }
  }
  try {
    if (sharedSheets) {
      root.adoptedStyleSheets = inLine ? [sharedSheets.base, sharedSheets.inLine] : [sharedSheets.base];
      return;
    }
  } catch {
    /* fall through to a <style> element */
  }
  const style = document.createElement('style');
  style.textContent = fallbackText(inLine);
  fallbackStyles.set(new WeakRef(style), inLine);
  root.append(style);
}

export interface BadgeHandle {
  host: HTMLElement;
  /** Shows the badge for `view` (after an "Undo" too: the reported state ends). */
  update(view: PageBadge): void;
  remove(): void;
  /** The reader reported this match wrong: the badge is gone, its "Undo" stays until the page starts over. */
  readonly reported: boolean;
}

/** What the reader can do about a badge's match, when it sits on a post Sanad read. */
export interface BadgeActions {
  report(debunkId: string, choice: WrongMatchChoice): Promise<void>;
  undo(debunkId: string): Promise<void>;
  /** "Media tools" for the post's media: asked whether to offer it each time the panel opens. */
  mediaTools?: { offered(): Promise<boolean>; open(): Promise<void> };
}

const SVG = 'http://www.w3.org/2000/svg';

/** The finding's icon, as VerdictIcon draws it in the popup. */
function icon(kind: FindingKind): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [name, value] of Object.entries({
    class: 'sanad-icon',
    viewBox: '0 0 24 24',
    width: '16',
    height: '16',
    'aria-hidden': 'true',
    focusable: 'false',
  }))
    svg.setAttribute(name, value);
  const path = document.createElementNS(SVG, 'path');
  for (const [name, value] of Object.entries({
    d: FINDING_ICON_PATHS[kind],
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2.2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
  }))
    path.setAttribute(name, value);
  svg.append(path);
  return svg;
}

/**
 * The badge button is built with plain DOM (hundreds may sit on a long feed, so it must be cheap); the panel
 * is rendered with Preact only when opened. All text goes in as text, never as HTML.
 */
export function mountBadge(placement: BadgePlacement, initial: PageBadge, actions?: BadgeActions): BadgeHandle {
  let view = initial;
  let reported = false;
  followPageTheme(placement.parent);
  const host = document.createElement('span');
  // Closed: the card's text stays out of the page's reach. Focus delegated, so focusing the host (a test's
  // `focus()`, a screen reader's jump) lands on the button.
  const root = host.attachShadow({ mode: 'closed', delegatesFocus: true });
  styleShadow(root, placement.inLine === true);
  const wrapper = document.createElement('span');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'sanad-badge';
  const label = document.createElement('span');
  const panelMount = document.createElement('span');
  // The top layer where the browser has popovers: sites clip posts (overflow: hidden) and transform feed cells.
  const inTopLayer = typeof panelMount.showPopover === 'function';
  if (inTopLayer) {
    panelMount.popover = 'manual';
    panelMount.className = 'sanad-popover';
  }
  // After a report: "Wrong match reported · Undo" in the badge's place, announced to screen readers.
  const reportedBox = document.createElement('span');
  reportedBox.className = 'sanad-reported';
  reportedBox.setAttribute('role', 'status');
  reportedBox.hidden = true;
  const reportedText = document.createElement('span');
  const undoButton = document.createElement('button');
  undoButton.type = 'button';
  undoButton.className = 'sanad-undo';
  reportedBox.append(reportedText, undoButton);
  wrapper.append(button, reportedBox, panelMount);

  /**
   * Puts the panel where it fits (below, or above near the bottom of the screen), inside the viewport; the
   * top layer is positioned by hand. The content's height is read once when the panel opens, so following
   * a scroll reads only the badge's box and never forces a layout after a write.
   */
  let contentHeight = 0;
  const place = () => {
    if (!inTopLayer || !open) return;
    const panel = panelMount.firstElementChild as HTMLElement | null;
    if (!panel) return;
    const spot = placePanel(
      button.getBoundingClientRect(),
      contentHeight,
      { width: window.innerWidth, height: window.innerHeight },
      wrapper.dir === 'rtl',
    );
    panelMount.style.left = `${spot.left}px`;
    panelMount.style.top = `${spot.top}px`;
    panelMount.dataset.side = spot.side;
    panel.style.width = `${spot.width}px`;
    panel.style.maxHeight = `${spot.maxHeight}px`;
  };
  root.append(wrapper);
  // Scroll and resize events come many to a frame: placed once per frame, so no read follows our own write.
  let placing = false;
  const placeSoon = () => {
    if (placing) return;
    placing = true;
    requestAnimationFrame(() => {
      placing = false;
      place();
    });
  };

  let open = false;
  let toolsOffered = false;
  const onKey = (event: KeyboardEvent) => {
    if (event.isTrusted && event.key === 'Escape') setOpen(false, true);
  };
  const setOpen = (next: boolean, refocus = false) => {
    open = next;
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      render(
        h(BadgePanel, {
          view,
          onClose: () => setOpen(false, true),
          ...(actions && {
            onReport: async (choice: WrongMatchChoice) => {
              await actions.report(view.debunk.id, choice);
              showReported();
            },
          }),
          ...(toolsOffered && actions?.mediaTools && { onMediaTools: actions.mediaTools.open }),
        }),
        panelMount,
      );
      window.addEventListener('keydown', onKey);
      if (inTopLayer) {
        if (!panelMount.matches(':popover-open')) panelMount.showPopover();
        const panel = panelMount.firstElementChild as HTMLElement | null;
        if (panel) {
          panel.style.width = `${panelWidth(window.innerWidth)}px`;
          panel.style.maxHeight = 'none';
          contentHeight = panel.getBoundingClientRect().height;
        }
        place();
        window.addEventListener('scroll', placeSoon, { passive: true, capture: true });
        window.addEventListener('resize', placeSoon, { passive: true });
      }
    } else {
      render(null, panelMount);
      window.removeEventListener('keydown', onKey);
      if (inTopLayer) {
        if (panelMount.matches(':popover-open')) panelMount.hidePopover();
        window.removeEventListener('scroll', placeSoon, { capture: true });
        window.removeEventListener('resize', placeSoon);
      }
      if (refocus) button.focus();
    }
  };
  const showReported = () => {
    reported = true;
    setOpen(false);
    button.hidden = true;
    reportedBox.hidden = false;
    reportedText.textContent = t('reportedShort');
    undoButton.textContent = t('reportUndo');
    undoButton.setAttribute('aria-label', t('reportUndoName'));
    undoButton.focus();
  };
  undoButton.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (!event.isTrusted || !actions || undoButton.disabled) return;
    undoButton.disabled = true;
    // The scanner matches the post again and calls update() with its badge.
    actions.undo(view.debunk.id).then(
      () => (undoButton.disabled = false),
      (error: unknown) => {
        undoButton.disabled = false;
        reportedText.textContent = t('reportFailed', error instanceof Error ? error.message : String(error));
      },
    );
  });
  const draw = () => {
    reported = false;
    button.hidden = false;
    reportedBox.hidden = true;
    const verdict = view.debunk.verdict;
    const words = badgeWords(view, uiLocale());
    host.setAttribute(BADGE_ATTRIBUTE, verdict);
    wrapper.dir = uiDirection();
    wrapper.lang = uiLocale();
    button.dataset.verdict = verdict;
    // Certain matches (the same post, footage or link) are filled; similar claims are outlined.
    button.dataset.certainty = isCertain(view.candidate) ? 'certain' : 'similar';
    button.setAttribute('aria-label', words.name);
    label.className = 'sanad-badge-text';
    // "AI-generated · Misbar": each part isolated, so a desk or place in the other script keeps its place.
    const finding = document.createElement('bdi');
    finding.textContent = words.finding;
    const desk = document.createElement('bdi');
    desk.textContent = words.desk;
    label.replaceChildren(finding, ' · ', desk);
    button.replaceChildren(icon(findingKind(view.debunk)), label);
    if (open) setOpen(true);
  };
  button.addEventListener('click', (event) => {
    // The post around the badge is usually a link: the click is ours only.
    event.preventDefault();
    event.stopPropagation();
    // Only the reader opens the panel: a page's synthetic click would let it read the card.
    if (!event.isTrusted) return;
    const tools = actions?.mediaTools;
    if (open || !tools) return setOpen(!open);
    // Fact-checker mode is the background's to say (a page's script never learns it): asked as the panel opens.
    tools.offered().then(
      (offered) => {
        toolsOffered = offered;
        setOpen(true);
      },
      () => setOpen(true),
    );
  });
  draw();
  // Closed as built: no panel render or popover check per badge (hundreds are mounted in one frame).
  button.setAttribute('aria-expanded', 'false');
  const before = placement.before && placement.before.parentNode === placement.parent ? placement.before : null;
  placement.parent.insertBefore(host, before);
  const endGuard = guardBadgeHost(host, { parent: placement.parent, before }, () => view.debunk.verdict);

  return {
    host,
    get reported() {
      return reported;
    },
    update(next) {
      view = next;
      draw();
    },
    remove() {
      endGuard();
      if (open) setOpen(false);
      host.remove();
    },
  };
}
