// @vitest-environment happy-dom
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadRealPage } from '@/tests/unit/support/real-pages';
import { OTHER, pathShape, summariseStructure } from './structure-summary';

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('summariseStructure', () => {
  it('counts tags, roles and data-* attribute names', () => {
    document.body.innerHTML =
      '<div role="feed"><div role="article" data-ad-rendering-role="story_message"><span>a</span></div>' +
      '<div role="article" data-ad-rendering-role="profile_name" data-x="1"></div></div>';
    const summary = summariseStructure(document.body, new URL('https://www.facebook.com/groups/123/'));
    expect(summary.elements).toBe(5);
    expect(summary.tags).toEqual({ div: 3, body: 1, span: 1 });
    expect(summary.roles).toEqual({ article: 2, feed: 1 });
    expect(summary.dataAttributes).toEqual({ 'data-ad-rendering-role': 2, 'data-x': 1 });
    expect(summary.pathShape).toBe('/groups/:num');
  });

  it('copies no text, no attribute value and no address', () => {
    const secrets = ['Sami Haddad', 'secret-handle', 'ceasefire video is fake', 'pfbid02abc', 'tracking=77', 'كلام'];
    document.body.innerHTML =
      `<article role="article" aria-label="${secrets[0]}" data-user="${secrets[1]}" title="${secrets[5]}">` +
      `<p>${secrets[2]}</p><a href="https://www.facebook.com/${secrets[1]}/posts/${secrets[3]}?${secrets[4]}">link</a>` +
      `<img alt="${secrets[2]}" src="https://cdn.example/${secrets[3]}.jpg"></article>`;
    const summary = summariseStructure(document.body, new URL(`https://www.facebook.com/${secrets[1]}/posts/${secrets[3]}?${secrets[4]}`));
    const copied = JSON.stringify(summary);
    for (const secret of [...secrets, 'link', 'cdn.example', 'facebook.com', 'https']) expect(copied).not.toContain(secret);
    expect(summary.pathShape).toBe('/:id/posts/:id?…');
  });

  it('counts a role or attribute name that does not look like markup as "other", never copying it', () => {
    document.body.innerHTML = '<div role="button Hello Sami اسم"></div>';
    document.body.firstElementChild!.setAttribute('data-محمد', '');
    const summary = summariseStructure(document.body, new URL('https://x.com/'));
    expect(summary.roles).toEqual({ [OTHER]: 3, button: 1 });
    expect(summary.dataAttributes).toEqual({ [OTHER]: 1 });
    expect(JSON.stringify(summary)).not.toMatch(/محمد|اسم|hello|sami/i);
  });

  it('keeps the summary bounded on a page with thousands of distinct attribute names', () => {
    document.body.innerHTML = Array.from({ length: 2000 }, (_, i) => `<i data-n${i}=""></i>`).join('');
    const { dataAttributes } = summariseStructure(document.body, new URL('https://x.com/'));
    expect(Object.keys(dataAttributes).length).toBeLessThanOrEqual(301);
    expect(Object.values(dataAttributes).reduce((a, b) => a + b, 0)).toBe(2000);
  });
});

describe('pathShape', () => {
  it('keeps the sites’ page words and only the kind of every other segment', () => {
    expect(pathShape(new URL('https://www.youtube.com/watch?v=abc'))).toBe('/watch?…');
    expect(pathShape(new URL('https://www.tiktok.com/@someone/video/7301'))).toBe('/:handle/video/:num');
    expect(pathShape(new URL('https://www.instagram.com/p/Cx1y2/'))).toBe('/p/:id');
    expect(pathShape(new URL('https://x.com/'))).toBe('/');
  });
});

// Every real saved page: no run of its visible text reaches the summary (only markup names do).
const REAL_DOM = resolve(process.cwd(), '../shared/real-dom');
const realPages = readdirSync(REAL_DOM, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
describe.each(realPages)('real page %s', (file) => {
  it('leaks none of the page’s text or links', () => {
    loadRealPage(file);
    const summary = summariseStructure(document.documentElement, new URL('https://www.example.com/somebody/posts/123'));
    expect(summary.elements).toBeGreaterThan(50);
    const copied = JSON.stringify(summary);
    const words = new Set((document.body.textContent ?? '').split(/\s+/).filter((w) => w.length >= 8 && /[^a-z0-9_.:-]/i.test(w)));
    for (const word of words) expect(copied, word).not.toContain(word);
    expect(copied).not.toMatch(/https?:|www\.|somebody/);
    expect(readFileSync(resolve(REAL_DOM, file), 'utf8').length).toBeGreaterThan(0);
  });
});
