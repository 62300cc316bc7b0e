import { describe, expect, it } from 'vitest';
import { draftFromClick } from './context-menu';

describe('context menu drafts', () => {
  it('takes the page, the selected text, the link and the media from the click', () => {
    expect(
      draftFromClick({ menuItemId: 'sanad-submit', editable: false, pageUrl: 'https://example.org/news', selectionText: 'الفيديو قديم', linkUrl: 'https://youtu.be/hK9fL2xQw0E', srcUrl: 'https://cdn.example.org/v.mp4', mediaType: 'video' }, undefined),
    ).toEqual({ pageUrl: 'https://example.org/news', text: 'الفيديو قديم', links: ['https://youtu.be/hK9fL2xQw0E'], media: [{ kind: 'video', url: 'https://cdn.example.org/v.mp4' }] });
  });

  it('keeps only http(s) links and media', () => {
    const draft = draftFromClick({ menuItemId: 'sanad-submit', editable: false, pageUrl: 'https://x.com/home', linkUrl: 'javascript:alert(1)', srcUrl: 'blob:https://x.com/1', mediaType: 'image' }, undefined);
    expect(draft).toEqual({ pageUrl: 'https://x.com/home', text: '', links: [], media: [] });
  });
});
