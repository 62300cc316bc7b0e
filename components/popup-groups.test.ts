import { describe, expect, it } from 'vitest';
import { makeDebunk, summaryOf } from '@/tests/unit/support/debunks';
import type { MatchView, TabPost } from '@/lib/wire/shapes';
import type { MatchHow } from '@/lib/match/types';
import { groupTabPosts } from './popup-groups';

const view = (id: string, how: MatchHow, score: number, badge = true): MatchView => ({
  debunk: summaryOf(makeDebunk({ id })),
  candidate: { debunkId: id, listId: 'test', verdict: 'false', how, score, badge },
});
const post = (key: string, badge?: MatchView, related: MatchView[] = []): TabPost => ({
  key,
  excerpt: key,
  ...(badge && { badge }),
  related,
});

describe('groupTabPosts', () => {
  it('lists one entry per debunk with its posts, certain matches first, then by strength', () => {
    const { badged, related } = groupTabPosts([
      post('p1', view('text-weak', 'similar-text', 0.5)),
      post('p2', view('text-strong', 'similar-text', 0.9)),
      post('p3', view('text-weak', 'similar-text', 0.6)),
      post('p4', view('same-video', 'same-media', 1)),
    ]);
    expect(badged.map((g) => [g.view.debunk.id, g.posts.map((p) => p.post.key)])).toEqual([
      ['same-video', ['p4']],
      ['text-strong', ['p2']],
      ['text-weak', ['p1', 'p3']],
    ]);
    expect(badged[2]!.view.candidate.score).toBe(0.6);
    expect(related).toEqual([]);
  });

  it('keeps how each post matched: a debunk found by its video in one post and by its words in another', () => {
    const { badged } = groupTabPosts([post('p1', view('d', 'same-media', 1)), post('p2', view('d', 'similar-text', 0.7))]);
    expect(badged).toHaveLength(1);
    expect(badged[0]!.posts.map((p) => [p.post.key, p.match.how])).toEqual([
      ['p1', 'same-media'],
      ['p2', 'similar-text'],
    ]);
  });

  it('keeps "possibly related" debunks apart, and out if they are badged elsewhere', () => {
    const { badged, related } = groupTabPosts([
      post('p1', view('a', 'similar-text', 0.8), [view('b', 'similar-text', 0.3, false)]),
      post('p2', undefined, [view('a', 'similar-text', 0.4, false), view('c', 'similar-text', 0.35, false)]),
    ]);
    expect(badged.map((g) => g.view.debunk.id)).toEqual(['a']);
    expect(related.map((g) => [g.view.debunk.id, g.posts.map((p) => p.post.key)])).toEqual([
      ['c', ['p2']],
      ['b', ['p1']],
    ]);
  });

  it('lists claims that posts only mention (denials, debunk-shares) apart, with those posts only', () => {
    const denial: TabPost = {
      ...post('p2', undefined, [view('b', 'similar-text', 0.4, false)]),
      mentions: view('m', 'similar-text', 0.7, false),
    };
    const { badged, mentioned, related } = groupTabPosts([
      post('p1', view('a', 'similar-text', 0.8), [view('m', 'similar-text', 0.35, false)]),
      denial,
      { ...post('p3'), mentions: view('a', 'similar-text', 0.6, false) },
    ]);
    expect(badged.map((g) => g.view.debunk.id)).toEqual(['a']);
    // 'a' is badged on p1 and only mentioned by p3: listed in both, each with its own posts.
    expect(mentioned.map((g) => [g.view.debunk.id, g.posts.map((p) => p.post.key)])).toEqual([
      ['m', ['p2']],
      ['a', ['p3']],
    ]);
    expect(badged[0]!.posts.map((p) => p.post.key)).toEqual(['p1']);
    expect(related.map((g) => g.view.debunk.id)).toEqual(['b']);
  });
});
