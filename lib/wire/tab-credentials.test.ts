import { describe, expect, it } from 'vitest';
import type { VerifiedCredentials } from '../media/c2pa-verified';
import type { TabPost } from './shapes';
import { credentialMarks, learnedCredentials } from './tab-credentials';

const verified = (state: VerifiedCredentials['state']): VerifiedCredentials => ({
  state,
  signatureValid: true,
  hashesValid: true,
  signerTrusted: false,
  actions: [],
  sourceKind: 'none',
  failures: [],
});
const post = (key: string, credentials?: [string, VerifiedCredentials['state']][]): TabPost => ({
  key,
  excerpt: key,
  related: [],
  ...(credentials && { credentials: credentials.map(([url, state]) => ({ url, verified: verified(state) })) }),
});
const tab = (...posts: TabPost[]) => ({ posts });

describe('whether a tab learned Content Credentials (an open popup reads it again)', () => {
  it('is news when a post gets its first line, or a line for another image', () => {
    expect(learnedCredentials(tab(), tab(post('a', [['https://i/1', 'valid']])))).toBe(true);
    expect(learnedCredentials(tab(post('a')), tab(post('a', [['https://i/1', 'invalid']])))).toBe(true);
    expect(
      learnedCredentials(
        tab(post('a', [['https://i/1', 'valid']])),
        tab(
          post('a', [
            ['https://i/1', 'valid'],
            ['https://i/2', 'valid'],
          ]),
        ),
      ),
    ).toBe(true);
  });

  it('is news when the same image of another post, or the same image with another verdict, comes', () => {
    const before = tab(post('a', [['https://i/1', 'valid']]));
    expect(learnedCredentials(before, tab(post('a', [['https://i/1', 'valid']]), post('b', [['https://i/1', 'valid']])))).toBe(true);
    expect(learnedCredentials(before, tab(post('a', [['https://i/1', 'unreadable']])))).toBe(true);
  });

  it('is no news when the lines are the same (a batch re-matched), fewer, or none', () => {
    const before = tab(post('a', [['https://i/1', 'valid']]), post('b', [['https://i/2', 'invalid']]));
    expect(learnedCredentials(before, tab(post('b', [['https://i/2', 'invalid']]), post('a', [['https://i/1', 'valid']])))).toBe(false);
    expect(learnedCredentials(before, tab(post('a', [['https://i/1', 'valid']])))).toBe(false);
    expect(learnedCredentials(before, tab(post('a'), post('c')))).toBe(false);
    expect(learnedCredentials(tab(), tab())).toBe(false);
  });

  it('marks each line by post, image and verdict', () => {
    expect([...credentialMarks(tab(post('a', [['https://i/1', 'valid']]), post('b')))]).toEqual(['a\nhttps://i/1\nvalid']);
  });
});
