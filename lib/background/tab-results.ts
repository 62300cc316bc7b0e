/**
 * What was matched in each tab, for the popup. Kept in memory and mirrored to `storage.session`, so the
 * popup still has it after the service worker is stopped and woken, and it is gone when the browser closes.
 * The mirror names each post's debunks by reference and holds each debunk's summary once per tab, and a
 * mirror that cannot be written (storage.session full) costs only the mirror: matching goes on.
 */
import { browser } from 'wxt/browser';
import { compareTabPosts } from '../wire/ranking';
import { debunkRef } from '../debunk/types';
import type { ExtractedPost, MatchView, PageReadability, PostAnswer, TabPost, TabResults } from '../wire/shapes';

const EXCERPT_LENGTH = 280;
const MAX_POSTS_PER_TAB = 500;
/** Posts remembered as checked, to count each once; past this the count stops growing rather than memory. */
const MAX_CHECKED_PER_TAB = 5_000;
const storageKey = (tabId: number) => `tab:${tabId}`;

interface TabState {
  pageUrl?: string;
  posts: Map<string, TabPost>;
  /** Keys of the posts of this page Sanad has checked, matched or not ("checked 37 posts"). */
  checked: Set<string>;
  /** Posts checked before this worker was woken: the mirror keeps the count, not the keys. */
  checkedBefore: number;
  unreadable?: PageReadability;
}

export class TabResultsStore {
  private readonly tabs = new Map<number, TabState>();

  private async state(tabId: number): Promise<TabState> {
    let state = this.tabs.get(tabId);
    if (!state) {
      const saved = await browser.storage.session.get(storageKey(tabId)).then(
        (stored) => stored[storageKey(tabId)] as MirroredTab | undefined,
        () => undefined,
      );
      state = {
        pageUrl: saved?.pageUrl,
        posts: new Map(unmirror(saved).map((p) => [p.key, p])),
        checked: new Set(),
        checkedBefore: typeof saved?.checked === 'number' && saved.checked >= 0 ? saved.checked : 0,
        ...(saved?.unreadable && { unreadable: saved.unreadable }),
      };
      this.tabs.set(tabId, state);
    }
    return state;
  }

  private async save(tabId: number, state: TabState): Promise<void> {
    try {
      await browser.storage.session.set({ [storageKey(tabId)]: mirror(state) });
    } catch (error) {
      // Out of quota or similar: the popup still has this worker's memory; a woken worker starts empty.
      console.warn('Sanad: tab results not mirrored:', error);
      await browser.storage.session.remove(storageKey(tabId)).catch(() => {});
    }
  }

  async get(tabId: number): Promise<TabResults> {
    const state = await this.state(tabId);
    return {
      pageUrl: state.pageUrl,
      posts: sortForDisplay([...state.posts.values()]),
      checked: checkedCount(state),
      ...(state.unreadable && { unreadable: state.unreadable }),
    };
  }

  async reset(tabId: number, pageUrl: string): Promise<void> {
    const state: TabState = { pageUrl, posts: new Map(), checked: new Set(), checkedBefore: 0 };
    this.tabs.set(tabId, state);
    await this.save(tabId, state);
  }

  /** Records a batch's results; a post that no longer matches (a recycled cell) is removed. */
  async record(tabId: number, pageUrl: string, posts: readonly ExtractedPost[], results: readonly PostAnswer[]): Promise<TabResults> {
    const state = await this.state(tabId);
    if (state.pageUrl !== pageUrl) {
      state.pageUrl = pageUrl;
      state.posts.clear();
      state.checked.clear();
      state.checkedBefore = 0;
    }
    const checkedBefore = checkedCount(state);
    for (const post of posts) if (state.checked.size < MAX_CHECKED_PER_TAB) state.checked.add(post.key);
    let changed = checkedCount(state) !== checkedBefore;
    results.forEach((result, i) => {
      const post = posts[i]!;
      if (!result.badge && !result.mentions && !result.related.length && !result.credentials?.length) {
        changed = state.posts.delete(result.key) || changed;
        return;
      }
      state.posts.set(result.key, {
        key: result.key,
        ...(post.permalink && { permalink: post.permalink }),
        excerpt: post.text.slice(0, EXCERPT_LENGTH),
        ...(result.badge && { badge: result.badge }),
        ...(result.mentions && { mentions: result.mentions }),
        related: result.related,
        ...(result.credentials?.length && { credentials: result.credentials }),
      });
      changed = true;
    });
    while (state.posts.size > MAX_POSTS_PER_TAB) state.posts.delete(state.posts.keys().next().value!);
    if (changed) await this.save(tabId, state);
    return this.get(tabId);
  }

  /** Notes whether the tab's page could be read; a page that reads again loses the note. */
  async noteReadability(tabId: number, readability: PageReadability): Promise<void> {
    const state = await this.state(tabId);
    const unreadable = readability.readability === 'unreadable' ? readability : undefined;
    if (!unreadable && !state.unreadable) return;
    state.unreadable = unreadable;
    await this.save(tabId, state);
  }

  /** Drops one debunk from one post (a wrong-match report); returns the post as it was. */
  async dropMatch(tabId: number, postKey: string, debunkId: string): Promise<TabPost | undefined> {
    const state = await this.state(tabId);
    const post = state.posts.get(postKey);
    if (!post) return undefined;
    const related = post.related.filter((v) => v.debunk.id !== debunkId);
    const badge = post.badge?.debunk.id === debunkId ? undefined : post.badge;
    const mentions = post.mentions?.debunk.id === debunkId ? undefined : post.mentions;
    if (badge || mentions || related.length || post.credentials?.length) state.posts.set(postKey, { ...post, badge, mentions, related });
    else state.posts.delete(postKey);
    await this.save(tabId, state);
    return post;
  }

  async forget(tabId: number): Promise<void> {
    this.tabs.delete(tabId);
    await browser.storage.session.remove(storageKey(tabId)).catch(() => {});
  }
}

/** A match in the mirror: the candidate and its debunk's reference into `debunks`. */
type MirroredMatch = { candidate: MatchView['candidate']; ref: string };
interface MirroredTab {
  pageUrl?: string;
  posts: (Pick<TabPost, 'key' | 'permalink' | 'excerpt' | 'credentials'> & {
    badge?: MirroredMatch;
    mentions?: MirroredMatch;
    related: MirroredMatch[];
  })[];
  debunks: Record<string, MatchView['debunk']>;
  checked?: number;
  unreadable?: PageReadability;
}

function mirror(state: TabState): MirroredTab {
  const debunks: MirroredTab['debunks'] = {};
  const refer = (view: MatchView): MirroredMatch => {
    const ref = debunkRef(view.debunk.source, view.debunk.id);
    debunks[ref] = view.debunk;
    return { candidate: view.candidate, ref };
  };
  const posts = [...state.posts.values()].map(({ key, permalink, excerpt, badge, mentions, related, credentials }) => ({
    key,
    ...(permalink && { permalink }),
    excerpt,
    ...(badge && { badge: refer(badge) }),
    ...(mentions && { mentions: refer(mentions) }),
    related: related.map(refer),
    ...(credentials?.length && { credentials }),
  }));
  return {
    pageUrl: state.pageUrl,
    posts,
    debunks,
    checked: checkedCount(state),
    ...(state.unreadable && { unreadable: state.unreadable }),
  };
}

function unmirror(saved: MirroredTab | undefined): TabPost[] {
  if (!saved || !Array.isArray(saved.posts)) return [];
  const debunks = saved.debunks ?? {};
  const view = (match: MirroredMatch | undefined): MatchView | undefined =>
    match && Object.hasOwn(debunks, match.ref) ? { candidate: match.candidate, debunk: debunks[match.ref]! } : undefined;
  return saved.posts.map(({ badge, mentions, related, ...post }) => {
    const shown = view(badge);
    const mentioned = view(mentions);
    return {
      ...post,
      ...(shown && { badge: shown }),
      ...(mentioned && { mentions: mentioned }),
      related: (related ?? []).flatMap((m) => view(m) ?? []),
    };
  });
}

/** Badged posts first (certain before similar text, stronger first), then posts with only related matches. */
export function sortForDisplay(posts: readonly TabPost[]): TabPost[] {
  return [...posts].sort(compareTabPosts);
}

const checkedCount = (state: TabState) => state.checkedBefore + state.checked.size;

export function badgedCount(results: TabResults): number {
  return results.posts.filter((p) => p.badge).length;
}
