import { describe, expect, it } from 'vitest';
import { useLocale } from '@/tests/unit/support/i18n';
import { bundledDebunks, summaryOf } from '@/tests/unit/support/debunks';
import type { ExtractedPost } from '@/lib/match/types';
import type { TabResults } from '@/lib/wire/shapes';
import { excerptOf, linkedPost, postChoices, submittedFrom } from './submit-choices';

const post = (key: string, text: string, extra: Partial<ExtractedPost> = {}): ExtractedPost => ({
  key,
  text,
  links: [],
  media: [],
  ...extra,
});

describe('submit choices', () => {
  it('lists each read post once, in page order, and says which already match a fact-check, with its link', () => {
    useLocale('en');
    const debunk = summaryOf(bundledDebunks()[0]!);
    const results: TabResults = {
      posts: [
        {
          key: 'x:2',
          excerpt: '',
          related: [],
          badge: { debunk, candidate: { debunkId: debunk.id, how: 'same-media', score: 1, badge: true } as never },
        },
      ],
    };
    const choices = postChoices(
      [post('x:1', 'First  post\nwith spaces'), post('x:2', 'The AI video'), post('x:1', 'again'), post('x:3', '  ')],
      results,
      'en',
    );
    expect(choices.map((c) => c.post.key)).toEqual(['x:1', 'x:2']);
    expect(choices[0]!.excerpt).toBe('First post with spaces');
    expect(choices[0]!.factCheck).toBeUndefined();
    expect(choices[1]!.factCheck).toMatchObject({ url: debunk.reviewUrl, claim: debunk.headline || debunk.claim });
    expect(choices[1]!.factCheck!.desk).not.toBe('');
  });

  it('keeps a post without text when it has its own link, shown by that link', () => {
    const [choice] = postChoices([post('yt:1', '', { permalink: 'https://www.youtube.com/watch?v=abc' })], undefined, 'en');
    expect(choice!.excerpt).toBe('https://www.youtube.com/watch?v=abc');
  });

  it('cuts long texts for the list', () => {
    const cut = excerptOf('word '.repeat(100));
    expect(cut.length).toBeLessThanOrEqual(140);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('sends the post as the page showed it, with the claim in the person’s words', () => {
    const read = post('x:1', 'as read', {
      permalink: 'https://x.com/a/status/1',
      author: 'a',
      links: ['https://example.org/'],
      media: [{ kind: 'video', poster: 'https://pbs.twimg.com/p.jpg' }],
    });
    expect(submittedFrom(read, 'https://x.com/home', 'edited')).toEqual({
      pageUrl: 'https://x.com/home',
      permalink: 'https://x.com/a/status/1',
      author: 'a',
      text: 'edited',
      links: ['https://example.org/'],
      media: [{ kind: 'video', poster: 'https://pbs.twimg.com/p.jpg' }],
    });
  });

  it('accepts a pasted http(s) link only', () => {
    expect(linkedPost(' https://x.com/someone/status/7001 ', 'claim')).toEqual({
      pageUrl: 'https://x.com/someone/status/7001',
      permalink: 'https://x.com/someone/status/7001',
      text: 'claim',
      links: [],
      media: [],
    });
    expect(linkedPost('javascript:alert(1)', '')).toBeNull();
    expect(linkedPost('not a link', '')).toBeNull();
  });
});
