import { describe, expect, it } from 'vitest';
import { cropBox, draftFromClick, mediaToolsPath } from './context-menu';

describe('context menu drafts', () => {
  it('takes the page, the selected text, the link and the media from the click', () => {
    expect(
      draftFromClick(
        {
          menuItemId: 'sanad-submit',
          editable: false,
          pageUrl: 'https://example.org/news',
          selectionText: 'الفيديو قديم',
          linkUrl: 'https://youtu.be/hK9fL2xQw0E',
          srcUrl: 'https://cdn.example.org/v.mp4',
          mediaType: 'video',
        },
        undefined,
      ),
    ).toEqual({
      pageUrl: 'https://example.org/news',
      text: 'الفيديو قديم',
      links: ['https://youtu.be/hK9fL2xQw0E'],
      media: [{ kind: 'video', url: 'https://cdn.example.org/v.mp4' }],
    });
  });

  it('keeps only http(s) links and media', () => {
    const draft = draftFromClick(
      {
        menuItemId: 'sanad-submit',
        editable: false,
        pageUrl: 'https://x.com/home',
        linkUrl: 'javascript:alert(1)',
        srcUrl: 'blob:https://x.com/1',
        mediaType: 'image',
      },
      undefined,
    );
    expect(draft).toEqual({ pageUrl: 'https://x.com/home', text: '', links: [], media: [] });
  });

  it('crops the capture to the post, in device pixels, clipped to what is on screen', () => {
    expect(cropBox({ rect: { x: 100, y: 50, width: 600, height: 400 }, devicePixelRatio: 2 }, 2560, 1600)).toEqual({
      x: 200,
      y: 100,
      width: 1200,
      height: 800,
    });
    // Partly scrolled above the viewport: only the visible part.
    expect(cropBox({ rect: { x: 0, y: -300, width: 600, height: 400 }, devicePixelRatio: 1 }, 1280, 800)).toEqual({
      x: 0,
      y: 0,
      width: 600,
      height: 100,
    });
    expect(cropBox({ rect: { x: 0, y: 900, width: 600, height: 400 }, devicePixelRatio: 1 }, 1280, 800)).toBeNull();
  });
});

describe('mediaToolsPath', () => {
  it('carries the tab, the kind and only http(s) addresses', () => {
    const path = mediaToolsPath({ mediaType: 'video', srcUrl: 'https://video.twimg.com/v.mp4', pageUrl: 'https://x.com/a' }, 7);
    const q = new URLSearchParams(path.split('?')[1]);
    expect(path.startsWith('/media.html?')).toBe(true);
    expect(Object.fromEntries(q)).toEqual({ kind: 'video', tab: '7', src: 'https://video.twimg.com/v.mp4', page: 'https://x.com/a' });
    const blob = new URLSearchParams(
      mediaToolsPath({ mediaType: 'image', srcUrl: 'blob:https://x.com/1', pageUrl: 'https://x.com/a' }).split('?')[1],
    );
    expect([blob.get('kind'), blob.get('src'), blob.get('tab')]).toEqual(['image', null, null]);
  });
});
