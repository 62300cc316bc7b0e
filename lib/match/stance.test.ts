import { describe, expect, it } from 'vitest';
import { sharedFile } from '@/tests/unit/support/files';
import { AI_VIDEO_ID, bundledDebunks } from '@/tests/unit/support/debunks';
import { importClaimReviews } from '../debunk/claimreview';
import { words } from '../text/normalise';
import { buildIndex } from './bm25-index';
import { matchPost } from './match';
import { claimCueMask, FACT_CHECKERS, NEGATION_CUES, onlyMentionsClaim, readStance, REFUTATION_CUES } from './stance';
import { CUE_KINDS } from './stance-types';

const noClaimCues = 0;
const mentions = (text: string, arabic: boolean, extra: { links?: string[]; author?: string } = {}) =>
  onlyMentionsClaim({ text, claimCues: noClaimCues, ...extra }, arabic);

describe('stance: refuting, reporting and denying posts only mention the claim', () => {
  it.each([
    // Arabic, with dialect spellings and the denial a few words away from the claim's words
    'قوات سوريا الديمقراطية تنفي أسر أي عنصر من الجيش السوري في مدينة حلب',
    'ونفت قسد في بيان أسر عناصر من الجيش السوري',
    'لا صحة لفيديو أسر عناصر الجيش السوري في حلب',
    'غير صحيح أن قسد أسرت عناصر من الجيش السوري',
    'الفيديو مفبرك، لم يتم أسر أحد في حلب',
    'هذا كذب، الفيديو قديم من 2019 وليس من حلب',
    'فيديو قديم يعاد نشره على أنه من معارك حلب',
    'الكلام ده مش صحيح خالص، الفيديو متركب',
    'خبر زائف: لم تسقط حماة',
    'مسبار: فيديو أسر عناصر الجيش السوري على أيدي قسد في حلب مولّد بالذكاء الاصطناعي',
  ])('Arabic: %s', (text) => {
    expect(mentions(text, true)).toBe(true);
  });

  it.each([
    'FALSE: this video does not show soldiers captured in Aleppo',
    'This is fake, the clip is from a video game',
    'No, this is not a video of soldiers captured in Aleppo',
    'Debunked: the video was generated with AI',
    'Fact check: the photo is old footage from 2019',
    'Stop spreading this hoax about Aleppo',
  ])('English: %s', (text) => {
    expect(mentions(text, false)).toBe(true);
  });

  it('counts a fact-checking desk by name, by handle and as the author, and a link to a fact-check article', () => {
    expect(mentions('Snopes looked at the video of soldiers captured in Aleppo', false)).toBe(true);
    expect(mentions('شاهد فيديو أسر عناصر الجيش السوري في حلب @misbarfc', true)).toBe(true);
    expect(mentions('شاهد فيديو أسر عناصر الجيش السوري في حلب', true, { author: '@Fatabyyano' })).toBe(true);
    expect(mentions('Video of soldiers captured in Aleppo https://factcheck.afp.com/doc.afp.com.123', false)).toBe(true);
    expect(
      mentions('Video of soldiers captured in Aleppo', false, { links: ['https://www.reuters.com/fact-check/video-aleppo-2026-01-10/'] }),
    ).toBe(true);
    expect(readStance({ text: 'via @SNOPES', claimCues: noClaimCues }).cues).toContain('@snopes');
  });
});

describe('stance: posts that spread the claim', () => {
  it.each([
    ['عاجل | فيديو يظهر أسرى من عناصر الجيش السوري على أيدي قوات سوريا الديمقراطية "قسد" في مدينة حلب #حلب_الآن', true],
    // Negation that is part of the claim's story, not a denial of it
    ['لم يبق أحد في حماة: هروب جماعي لقوات النظام بعد المعارك', true],
    ['فيديو مسرب: هروب جماعي لقوات النظام والميليشيات الإيرانية في ريف حلب', true],
    ['Video shows soldiers captured in Aleppo, nobody is talking about it', false],
    ['BREAKING: soldiers captured in Aleppo, watch before it is deleted', false],
    // A word like "verify" or "news" is no denial; links to ordinary news sites are no fact-check
    ['Watch: soldiers captured in Aleppo https://www.example-news.com/world/aleppo', false],
  ])('%s', (text, arabic) => {
    expect(mentions(text, arabic)).toBe(false);
  });

  it('does not count a cue the claim itself has: repeating "the minister denied …" is spreading it', () => {
    const claim = 'Video shows the health minister saying the vaccine is fake';
    const claimCues = claimCueMask(words(claim), claim);
    expect(claimCues & (1 << CUE_KINDS.indexOf('refutation'))).not.toBe(0);
    expect(onlyMentionsClaim({ text: 'The health minister says the vaccine is fake! Watch', claimCues }, false)).toBe(false);
    expect(onlyMentionsClaim({ text: 'The health minister says the vaccine is fake! Watch', claimCues: noClaimCues }, false)).toBe(true);
  });

  it('reads cues behind Arabic clitics but not inside other words', () => {
    expect(readStance({ text: 'وبالكذب نشروا الفيديو', claimCues: noClaimCues }).features.refutation).toBe(1);
    // "نفط" (oil) is not "نفت" (denied), whatever the folding
    expect(readStance({ text: 'أسعار النفط ترتفع', claimCues: noClaimCues }).features.refutation).toBe(0);
  });
});

describe('stance tables', () => {
  it('are written in normalised spelling, so every entry can match', () => {
    for (const phrase of [...REFUTATION_CUES.ar, ...REFUTATION_CUES.en, ...NEGATION_CUES.ar, ...NEGATION_CUES.en])
      expect(words(phrase).join(' '), phrase).toBe(phrase);
    for (const desk of FACT_CHECKERS) for (const handle of desk.handles) expect(handle).toMatch(/^[a-z0-9_]+$/);
  });
});

describe('stance in matchPost: the bundled list among 6,496 real Arabic fact-checks', () => {
  const index = buildIndex([...bundledDebunks(), ...importClaimReviews(sharedFile('eval/clef-ar/debunks.jsonl'), 'clef').debunks]);
  const match = (text: string) => matchPost(index, { key: 'p', text }).candidates;

  it('badges the post that spreads the AI video claim', () => {
    expect(match('فيديو يظهر أسر عناصر من الجيش السوري على أيدي قوات سوريا الديمقراطية قسد في مدينة حلب')[0]).toMatchObject({
      debunkId: AI_VIDEO_ID,
      badge: true,
    });
  });

  it.each([
    'مسبار: فيديو أسر عناصر الجيش السوري على أيدي قسد في حلب مولّد بالذكاء الاصطناعي',
    'لا صحة لفيديو يظهر أسر عناصر من الجيش السوري على أيدي قوات سوريا الديمقراطية قسد في مدينة حلب',
  ])('lists a denial or debunk-share as mentioning the claim, with no badge: %s', (text) => {
    const candidates = match(text);
    expect(candidates.some((c) => c.badge)).toBe(false);
    expect(candidates.find((c) => c.mentions)?.debunkId).toBe(AI_VIDEO_ID);
  });

  it('withdraws a certain match too: the debunked post quoted as fake', () => {
    const [first] = matchPost(index, {
      key: 'p',
      text: 'هذا الفيديو مفبرك',
      permalink: 'https://x.com/halab_alaan/status/2009512270941053184',
    }).candidates;
    expect(first).toMatchObject({ debunkId: AI_VIDEO_ID, badge: false, mentions: true });
  });

  it('keeps the badge when asked to leave stance out (what the eval compares with)', () => {
    const text = 'لا صحة لفيديو يظهر أسر عناصر من الجيش السوري على أيدي قوات سوريا الديمقراطية قسد في مدينة حلب';
    expect(matchPost(index, { key: 'p', text }, { stance: false }).candidates[0]?.badge).toBe(true);
  });
});

describe('stance in matchPost: the bundled two-item list alone', () => {
  const index = buildIndex(bundledDebunks());

  it('lists a denial that is only "possibly related" there as mentioning the claim', () => {
    const candidates = matchPost(index, {
      key: 'p',
      text: 'قوات سوريا الديمقراطية تنفي أسر أي عنصر من الجيش السوري في مدينة حلب',
    }).candidates;
    expect(candidates.some((c) => c.badge)).toBe(false);
    expect(candidates[0]).toMatchObject({ debunkId: AI_VIDEO_ID, mentions: true });
  });
});

describe('stance: a near copy of the claim that changes one salient word (edits.ts, shipped weights)', () => {
  const reads = (post: string, claim: string, arabic: boolean) =>
    onlyMentionsClaim({ text: post, claimCues: claimCueMask(words(claim), claim), claimWords: words(claim) }, arabic);

  it.each([
    ['وزير الداخلية العراقي يزور طهران لبحث أمن الحدود', 'وزير الدفاع العراقي يزور طهران لبحث أمن الحدود'],
    ['البرلمان يوافق على قانون الإيجارات الجديد بالأغلبية', 'البرلمان لم يوافق على قانون الإيجارات الجديد بالأغلبية'],
    ['الممثل المصري يفوز بجائزة أفضل دور في مهرجان قرطاج', 'المغني المصري يفوز بجائزة أفضل دور في مهرجان قرطاج'],
  ])('Arabic: %s → %s only mentions it', (claim, post) => {
    expect(reads(post, claim, true)).toBe(true);
  });

  it.each([
    // the same claim restated: other forms of its words, a figure in words, a word order of its own
    ['وزير الداخلية العراقي يزور طهران لبحث أمن الحدود', 'وزير الداخلية العراقي في زيارة إلى طهران لبحث أمن الحدود'],
    ['مقتل خمسة جنود في هجوم على قاعدة عسكرية', 'مقتل 5 جنود في هجوم على قاعدة عسكرية'],
    ['فرنسا تغلق حدودها مع إيطاليا', 'إغلاق فرنسا حدودها مع إيطاليا'],
  ])('Arabic: %s → %s spreads it', (claim, post) => {
    expect(reads(post, claim, true)).toBe(false);
  });
});
