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

interface Guard {
  host: HTMLElement;
  place: GuardedPlace;
  restoreAttributes(): void;
  reinsert(): void;
}

/**
 * One MutationObserver per document watches every guarded host and its parent: a timeline with hundreds of
 * badges costs one observer and one callback per batch of mutations, not one each. An observer cannot stop
 * watching a single node, so an ended guard is dropped from the maps (its records are ignored) and the
 * observer is rebuilt over the live guards once ended ones outnumber them.
 */
class DocumentGuards {
  private readonly byHost = new Map<Node, Guard>();
  private readonly byParent = new Map<Node, Set<Guard>>();
  private readonly observer = new MutationObserver((records) => this.dispatch(records));
  private stale = 0;

  add(guard: Guard) {
    this.byHost.set(guard.host, guard);
    let siblings = this.byParent.get(guard.place.parent);
    if (!siblings) this.byParent.set(guard.place.parent, (siblings = new Set()));
    siblings.add(guard);
    this.watch(guard);
  }

  remove(guard: Guard) {
    if (this.byHost.get(guard.host) !== guard) return;
    this.byHost.delete(guard.host);
    const siblings = this.byParent.get(guard.place.parent);
    siblings?.delete(guard);
    if (siblings && !siblings.size) this.byParent.delete(guard.place.parent);
    if (!this.byHost.size) {
      this.observer.disconnect();
      this.stale = 0;
    } else if (++this.stale > Math.max(64, this.byHost.size)) {
      this.observer.disconnect();
      this.stale = 0;
      for (const live of this.byHost.values()) this.watch(live);
    }
  }

  private watch(guard: Guard) {
    this.observer.observe(guard.host, { attributes: true });
    this.observer.observe(guard.place.parent, { childList: true });
  }

  private dispatch(records: MutationRecord[]) {
    const attributes = new Set<Guard>();
    const children = new Set<Guard>();
    for (const record of records) {
      if (record.type === 'attributes') {
        const guard = this.byHost.get(record.target);
        if (guard) attributes.add(guard);
      } else for (const guard of this.byParent.get(record.target) ?? []) children.add(guard);
    }
    // Per guard, as each had its own observer: attributes first, then the place.
    for (const guard of new Set([...attributes, ...children])) {
      if (attributes.has(guard)) guard.restoreAttributes();
      if (children.has(guard)) guard.reinsert();
    }
  }
}

const guardsOf = new WeakMap<Document, DocumentGuards>();

/**
 * Guards `host` (already inserted at `place`): `verdict()` is the only attribute value it may carry.
 * Answers a function that ends the guard (call it before removing the host yourself).
 */
export function guardBadgeHost(host: HTMLElement, place: GuardedPlace, verdict: () => string): () => void {
  const doc = host.ownerDocument;
  let guards = guardsOf.get(doc);
  if (!guards) guardsOf.set(doc, (guards = new DocumentGuards()));
  const shared = guards;
  let restores = 0;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    shared.remove(guard);
  };
  /** Counts one restore; false (and the guard ends) once the page has had its MAX_RESTORES. */
  const spend = () => {
    if (restores++ < MAX_RESTORES) return true;
    end();
    return false;
  };
  const guard: Guard = {
    host,
    place,
    restoreAttributes() {
      if (ended) return;
      const foreign = host.getAttributeNames().filter((name) => name !== BADGE_ATTRIBUTE);
      const wrongVerdict = host.getAttribute(BADGE_ATTRIBUTE) !== verdict();
      if ((!foreign.length && !wrongVerdict) || !spend()) return;
      for (const name of foreign) host.removeAttribute(name);
      if (wrongVerdict) host.setAttribute(BADGE_ATTRIBUTE, verdict());
    },
    reinsert() {
      if (ended || host.parentNode === place.parent || !place.parent.isConnected || !spend()) return;
      const before = place.before && place.before.parentNode === place.parent ? place.before : null;
      place.parent.insertBefore(host, before);
    },
  };
  shared.add(guard);
  return end;
}
