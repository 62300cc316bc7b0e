import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { AI_VIDEO_ID, OLD_HAMA_ID, bundledDebunks, makeDebunk } from '@/tests/unit/support/debunks';
import { useLocale } from '@/tests/unit/support/i18n';
import type { Candidate } from '@/lib/match/types';
import type { MatchView } from '@/lib/wire/shapes';
import { badgeWords, certaintyLabel, deskName, findingKind, findingLabel } from './finding';

/** What a person sees: the text without the invisible bidi isolates around names and places. */
const seen = (s: string) => s.replace(/[\u2068\u2069]/g, '');
const debunks = bundledDebunks();
const bundled = (id: string) => debunks.find((d) => d.id === id)!;
const BUILT_IN = { id: 'bundled', trust: 'built-in', name: 'Sanad' } as const;
const view = (debunk: Omit<MatchView['debunk'], 'list'>, candidate: Partial<Candidate> = {}): MatchView => ({
  debunk: { ...debunk, list: BUILT_IN },
  candidate: { debunkId: debunk.id, listId: BUILT_IN.id, verdict: debunk.verdict, how: 'same-media', score: 1, badge: true, ...candidate },
});

afterEach(() => vi.restoreAllMocks());

describe('what a badge says', () => {
  it.each([
    [
      'en',
      AI_VIDEO_ID,
      'same-media',
      'AI-generated · Misbar',
      'AI-generated · Misbar. Sanad: Same post or video as fact-checked. Show why',
    ],
    [
      'en',
      OLD_HAMA_ID,
      'similar-text',
      'Old footage: 2019, Hama countryside · Misbar',
      'Old footage: 2019, Hama countryside · Misbar. Sanad: Similar claim fact-checked. Show why',
    ],
    [
      'ar',
      AI_VIDEO_ID,
      'same-footage',
      'مولَّد بالذكاء الاصطناعي · مسبار',
      'مولَّد بالذكاء الاصطناعي · مسبار. سند: اللقطات نفسها التي خضعت للتحقق. اعرض السبب',
    ],
    [
      'ar',
      OLD_HAMA_ID,
      'same-link',
      'مقطع قديم (2019، ريف حماة) · مسبار',
      'مقطع قديم (2019، ريف حماة) · مسبار. سند: يربط بما خضع للتحقق. اعرض السبب',
    ],
  ] as const)('%s, %s matched by %s: “%s”', (locale, id, how, text, name) => {
    useLocale(locale);
    const words = badgeWords(view(bundled(id), { how }), locale);
    // CLDR's Arabic writes the year in Latin or Arabic-Indic digits depending on the ICU version.
    const digits = (s: string) => s.replace(/٢٠١٩/g, '2019');
    expect(digits(`${words.finding} · ${words.desk}`)).toBe(text);
    expect(digits(words.name)).toBe(name);
  });

  it('tells AI-generated, edited, staged and old footage apart, and falls back to the verdict without a reason', () => {
    useLocale('en');
    const label = (d: Partial<MatchView['debunk']>) => seen(findingLabel(makeDebunk(d), 'en'));
    expect(label({ verdict: 'altered', reasons: [{ kind: 'ai-generated', artifacts: [] }] })).toBe('AI-generated');
    expect(label({ verdict: 'altered', reasons: [{ kind: 'edited' }] })).toBe('Edited media');
    expect(label({ verdict: 'altered', reasons: [{ kind: 'staged' }] })).toBe('Staged scene');
    expect(label({ verdict: 'altered', reasons: [] })).toBe('Fabricated or altered media');
    expect(label({ verdict: 'false', reasons: [] })).toBe('False claim');
    expect(label({ verdict: 'misleading', reasons: [{ kind: 'old-footage' }] })).toBe('Old footage');
    expect(label({ verdict: 'misleading', reasons: [{ kind: 'old-footage', originalDate: '2017-03-02' }] })).toBe('Old footage: 2017');
    expect(label({ verdict: 'misleading', reasons: [{ kind: 'old-footage', originalPlace: { en: 'Idlib' } }] })).toBe('Old footage: Idlib');
    expect(findingKind(makeDebunk({ verdict: 'unrated', reasons: [] }))).toBe('fact-checked');
  });

  it('shows an old-footage place given only in the feed’s language', () => {
    useLocale('ar');
    const debunk = makeDebunk({
      language: 'en',
      verdict: 'misleading',
      reasons: [{ kind: 'old-footage', originalDate: '2015', originalPlace: { en: 'Homs' } }],
    });
    expect(seen(findingLabel(debunk, 'ar')).replace(/٢٠١٥/, '2015')).toBe('مقطع قديم (2015، Homs)');
  });

  it('never puts a percentage or "weak" on a match', () => {
    useLocale('en');
    for (const how of ['same-media', 'same-link', 'same-footage', 'similar-text'] as const)
      for (const badge of [true, false]) expect(certaintyLabel({ how, badge })).not.toMatch(/%|weak|moderate|strong/i);
    expect(certaintyLabel({ how: 'similar-text', badge: true })).toBe('Similar claim fact-checked');
    expect(certaintyLabel({ how: 'similar-text', badge: false })).toBe('Possibly related fact-check');
  });
});

describe('deskName', () => {
  it.each([
    ['مسبار (Misbar)', 'ar', 'مسبار'],
    ['مسبار (Misbar)', 'en', 'Misbar'],
    ['Fatabyyano (فتبينوا)', 'ar', 'فتبينوا'],
    ['Fatabyyano (فتبينوا)', 'en', 'Fatabyyano'],
    ['Snopes', 'ar', 'Snopes'],
    ['AFP Fact Check (Arabic)', 'en', 'AFP Fact Check (Arabic)'],
    ['  Desk Example ', 'en', 'Desk Example'],
  ])('%s in %s → %s', (name, locale, short) => {
    expect(deskName(name, locale)).toBe(short);
  });
});
