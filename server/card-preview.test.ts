import { describe, expect, it } from 'vitest';
import { previewCard } from './card-preview';
import type { StoredSubmission } from './store';

const submission = {
  id: 7,
  status: 'pending',
  kind: 'claim',
  category: 'old-footage',
  receivedAt: '2026-11-30T10:00:00.000Z',
  post: { pageUrl: 'https://x.com/home', permalink: 'https://x.com/a/status/1', text: 'flood in Damascus', links: [], media: [] },
} as unknown as StoredSubmission;
const desk = { name: 'Misbar Desk', url: 'https://desk.example' };
const form = {
  verdict: 'false',
  claim: 'Video shows <script>alert(1)</script> the Damascus metro flooded',
  reasonKind: 'old-footage',
  originalDate: '2017-03',
  originalPlace: 'Istanbul',
  conclusion: 'The clip was filmed in Istanbul in 2017 & shared again',
  factCheckUrl: 'https://desk.example/fc/metro',
  language: 'en',
};

describe('previewCard', () => {
  it('renders the extension’s verdict card in English, escaping the reviewer’s text', () => {
    const preview = previewCard(submission, form, desk, 'en');
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.html).toContain('class="sanad-card"');
    expect(preview.html).toContain('data-verdict="false"');
    expect(preview.html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(preview.html).not.toContain('<script>');
    expect(preview.html).toContain('Istanbul in 2017 &amp; shared again');
    expect(preview.html).toContain('href="https://desk.example/fc/metro"');
    expect(preview.html).toMatch(/Misbar Desk/);
    expect(preview.html).toMatch(/March 2017/);
    expect(preview.html).not.toMatch(/[\u0600-\u06ff]{3}/);
  });

  it('renders it in Arabic with the Arabic messages', () => {
    const preview = previewCard(submission, { ...form, language: 'ar', claim: 'فيديو يظهر مترو دمشق غارقاً' }, desk, 'ar');
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.html).toContain('فيديو يظهر مترو دمشق غارقاً');
    // The card's own words (heading, "fact-check by") are the Arabic messages, not English ones.
    expect(preview.html).not.toMatch(/Fact-check by|Read the fact-check/i);
    expect(preview.html).toMatch(/[\u0600-\u06ff]+.*Misbar Desk/s);
  });

  it('says what is missing instead of a card', () => {
    expect(previewCard(submission, { ...form, verdict: '' }, desk, 'en')).toEqual({ ok: false, error: expect.stringMatching(/^verdict/) });
    expect(previewCard(submission, { ...form, originalDate: '', originalPlace: '' }, desk, 'en')).toEqual({
      ok: false,
      error: expect.stringMatching(/old footage/),
    });
  });
});
