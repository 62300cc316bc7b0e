/**
 * Attaching badges to posts. Each badge is a host element carrying `data-sanad-badge="<verdict>"` with an
 * open Shadow DOM; one constructed stylesheet serves every badge on the page.
 */
import { h, render } from 'preact';
import { PageBadge } from '@/components/PageBadge';
import badgeCss from '@/assets/badge.css?inline';
import cardCss from '@/assets/verdict-card.css?inline';
import type { MatchView } from '../messaging/protocol';
import type { BadgePlacement } from '../sites/types';

export const BADGE_ATTRIBUTE = 'data-sanad-badge';
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

export function mountBadge(placement: BadgePlacement, view: MatchView): BadgeHandle {
  const host = document.createElement('span');
  host.setAttribute(BADGE_ATTRIBUTE, view.debunk.verdict);
  host.setAttribute('data-sanad-debunk', view.debunk.id);
  const root = host.attachShadow({ mode: 'open' });
  styleShadow(root);
  const mountPoint = document.createElement('span');
  root.append(mountPoint);
  placement.parent.insertBefore(host, placement.before && placement.before.parentNode === placement.parent ? placement.before : null);

  const draw = (v: MatchView) => render(h(PageBadge, { view: v, key: v.debunk.id }), mountPoint);
  draw(view);
  return {
    host,
    update(next) {
      host.setAttribute(BADGE_ATTRIBUTE, next.debunk.verdict);
      host.setAttribute('data-sanad-debunk', next.debunk.id);
      draw(next);
    },
    remove() {
      render(null, mountPoint);
      host.remove();
    },
  };
}
