/**
 * Attaching badges to posts. Each badge is a host element carrying `data-sanad-badge="<verdict>"` and
 * nothing else about its debunk; one constructed stylesheet serves every badge on the page. The page must
 * not learn which debunks a reader holds: the badge acts only on the reader's own input (`isTrusted`:
 * a page's synthetic `click()` or key event is ignored).
 */
import { h, render } from 'preact';
import { BadgePanel } from '@/components/BadgePanel';
import { verdictKey } from '@/components/VerdictCard';
import { VERDICT_ICON_PATHS } from '@/components/VerdictIcon';
import { t, uiDirection, uiLocale } from '../i18n/t';
import badgeCss from '@/assets/badge.css?inline';
import cardCss from '@/assets/verdict-card.css?inline';
import type { MatchView } from '../wire/shapes';
import type { BadgePlacement } from '../sites/types';
import { BADGE_ATTRIBUTE } from './badge-attribute';

const CSS = `${cardCss}\n${badgeCss}`;
let sharedSheet: CSSStyleSheet | null | undefined;

function styleShadow(root: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(CSS);
    } catch {
      sharedSheet = null; // constructed sheets unavailable in this content-script world (older Firefox)
    }
  }
  try {
    if (sharedSheet) {
      root.adoptedStyleSheets = [sharedSheet];
      return;
    }
  } catch {
    /* fall through to a <style> element */
  }
  const style = document.createElement('style');
  style.textContent = CSS;
  root.append(style);
}

export interface BadgeHandle {
  host: HTMLElement;
  update(view: MatchView): void;
  remove(): void;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The verdict's icon, as VerdictIcon draws it in the popup. */
function icon(verdict: MatchView['debunk']['verdict']): SVGSVGElement {
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
    d: VERDICT_ICON_PATHS[verdict],
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2.4',
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
export function mountBadge(placement: BadgePlacement, initial: MatchView): BadgeHandle {
  let view = initial;
  const host = document.createElement('span');
  const root = host.attachShadow({ mode: 'open' });
  styleShadow(root);
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
  wrapper.append(button, panelMount);

  /** Puts the panel under the badge, kept inside the viewport (the top layer is positioned by hand). */
  const place = () => {
    if (!inTopLayer || !open) return;
    const box = button.getBoundingClientRect();
    const width = Math.min(380, window.innerWidth * 0.9);
    const rtl = getComputedStyle(wrapper).direction === 'rtl';
    const left = rtl ? box.right - width : box.left;
    panelMount.style.left = `${Math.max(8, Math.min(left, window.innerWidth - width - 8))}px`;
    panelMount.style.top = `${Math.min(box.bottom + 6, Math.max(8, window.innerHeight - 120))}px`;
  };
  root.append(wrapper);

  let open = false;
  const onKey = (event: KeyboardEvent) => {
    if (event.isTrusted && event.key === 'Escape') setOpen(false, true);
  };
  const setOpen = (next: boolean, refocus = false) => {
    open = next;
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      render(h(BadgePanel, { view, onClose: () => setOpen(false, true) }), panelMount);
      window.addEventListener('keydown', onKey);
      if (inTopLayer) {
        if (!panelMount.matches(':popover-open')) panelMount.showPopover();
        place();
        window.addEventListener('scroll', place, { passive: true, capture: true });
        window.addEventListener('resize', place, { passive: true });
      }
    } else {
      render(null, panelMount);
      window.removeEventListener('keydown', onKey);
      if (inTopLayer) {
        if (panelMount.matches(':popover-open')) panelMount.hidePopover();
        window.removeEventListener('scroll', place, { capture: true });
        window.removeEventListener('resize', place);
      }
      if (refocus) button.focus();
    }
  };
  const draw = () => {
    const verdict = view.debunk.verdict;
    const name = t(verdictKey(verdict));
    host.setAttribute(BADGE_ATTRIBUTE, verdict);
    wrapper.dir = uiDirection();
    wrapper.lang = uiLocale();
    button.dataset.verdict = verdict;
    button.setAttribute('aria-label', t('badgeName', name));
    label.textContent = t('badgeText', name);
    button.replaceChildren(icon(verdict), label);
    if (open) setOpen(true);
  };
  button.addEventListener('click', (event) => {
    // The post around the badge is usually a link: the click is ours only.
    event.preventDefault();
    event.stopPropagation();
    // Only the reader opens the panel: a page's synthetic click would let it read the card.
    if (!event.isTrusted) return;
    setOpen(!open);
  });
  draw();
  setOpen(false);
  placement.parent.insertBefore(host, placement.before && placement.before.parentNode === placement.parent ? placement.before : null);

  return {
    host,
    update(next) {
      view = next;
      draw();
    },
    remove() {
      if (open) setOpen(false);
      host.remove();
    },
  };
}
