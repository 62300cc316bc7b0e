import { describe, expect, it } from 'vitest';
import { useLocale } from '@/tests/unit/support/i18n';
import { listLabel } from './list-label';

describe('listLabel', () => {
  it('names lists as a person knows them, never by internal id', () => {
    useLocale('en');
    const feeds = [
      { id: 'feed:https://desk.example/feed.json', url: 'https://desk.example/feed.json', publisher: 'Desk Example' },
      { id: 'feed:https://misbar.com', url: 'https://misbar.com' },
    ];
    expect(listLabel('bundled', feeds)).toBe('Built-in list');
    expect(listLabel('file:claims.json', feeds)).toBe('claims.json');
    expect(listLabel('feed:https://desk.example/feed.json', feeds)).toBe('Desk Example');
    expect(listLabel('feed:https://misbar.com', feeds)).toBe('misbar.com');
    expect(listLabel('feed:https://gone.example/a.json', [])).toBe('gone.example');
    expect(listLabel('feed:not a url', [])).toBe('Unnamed list');
    for (const id of ['feed:https://misbar.com', 'feed:https://gone.example/a.json', 'feed:x'])
      expect(listLabel(id, feeds)).not.toMatch(/^feed:|https?:/);
  });
});
