/**
 * Keeps a badge host as Sanad made it while the page tries to undo it. The styles need no help: the host's
 * `:host` rules are `!important` inside its shadow root, and for important declarations the inner context
 * wins over everything the page can write (its stylesheets, `!important`, inline styles, cascade layers).
 * What CSS cannot undo is the host's attributes (`inert`, `aria-hidden`, `popover`…) and its removal, so
 * this guard strips any attribute but the verdict and puts a removed host back where it was, a bounded
 * number of times (a page that fights forever costs it nothing but its own work). A page that removes the
 * whole post removes the badge with it: the scanner forgets that post.
 */
import { BADGE_ATTRIBUTE } from './badge-attribute';

/**
 * How often a host is restored (put back, or its attributes cleaned) before the guard gives up: a page that
 * fights forever would otherwise keep both sides busy. Its styles still hold after that (they are CSS).
 */
export const MAX_RESTORES = 20;

export interface GuardedPlace {
  parent: Element;
  /** The node the host sits before, when it is still the parent's child. */
  before: Node | null;
}

/**
 * Guards `host` (already inserted at `place`): `verdict()` is the only attribute value it may carry.
 * Answers a function that ends the guard (call it before removing the host yourself).
 */
export function guardBadgeHost(host: HTMLElement, place: GuardedPlace, verdict: () => string): () => void {
  let restores = 0;
  let ended = false;
  /** Counts one restore; false (and the guard ends) once the page has had its MAX_RESTORES. */
  const spend = () => {
    if (restores++ < MAX_RESTORES) return true;
    end();
    return false;
  };
  const restoreAttributes = () => {
    const foreign = host.getAttributeNames().filter((name) => name !== BADGE_ATTRIBUTE);
    const wrongVerdict = host.getAttribute(BADGE_ATTRIBUTE) !== verdict();
    if ((!foreign.length && !wrongVerdict) || !spend()) return;
    for (const name of foreign) host.removeAttribute(name);
    if (wrongVerdict) host.setAttribute(BADGE_ATTRIBUTE, verdict());
  };
  const reinsert = () => {
    if (ended || host.parentNode === place.parent || !place.parent.isConnected || !spend()) return;
    const before = place.before && place.before.parentNode === place.parent ? place.before : null;
    place.parent.insertBefore(host, before);
  };
  const observer = new MutationObserver((records) => {
    if (ended) return;
    if (records.some((r) => r.type === 'attributes')) restoreAttributes();
    if (!ended && records.some((r) => r.type === 'childList')) reinsert();
  });
  observer.observe(host, { attributes: true });
  observer.observe(place.parent, { childList: true });
  const end = () => {
    ended = true;
    observer.disconnect();
  };
  return end;
}
