import { describe, expect, it } from 'vitest';
import { GRAM_TEXT_LIMIT, gramSimilarities, gramText, joinGramTexts } from './char-grams';
import { words } from '../text/normalise';

const norm = (text: string) => words(text).join(' ');
const scores = (post: string, docs: string[]) =>
  gramSimilarities(
    post,
    joinGramTexts(docs),
    docs.map((_, d) => d),
  );
const similarity = (a: string, b: string) => scores(norm(a), [norm(b)])[0]!;

describe('gramSimilarities', () => {
  it('is 1 for the same text, 0 for texts with no gram in common, and symmetric', () => {
    expect(similarity('captured soldiers in Aleppo', 'captured soldiers in Aleppo')).toBeCloseTo(1, 6);
    expect(similarity('captured soldiers', 'xyz qwv')).toBe(0);
    const a = 'A video shows soldiers captured in Aleppo';
    const b = 'Soldiers captured by the SDF, video';
    expect(similarity(a, b)).toBeCloseTo(similarity(b, a), 6);
  });

  it('scores each document in order, and empty texts as 0', () => {
    const each = scores(norm('vaccines cause autism'), [norm('vaccine causes autism'), '', norm('weather in Aleppo')]);
    expect(each).toHaveLength(3);
    expect(each[0]).toBeGreaterThan(0.5);
    expect(each[1]).toBe(0);
    expect(each[2]).toBeLessThan(0.1);
    expect(scores('', [norm('anything')])).toEqual([0]);
  });

  it('matches Arabic spellings and clitics that stemming leaves apart', () => {
    const claim = 'مقطع فيديو يظهر أسر عناصر من الجيش السوري على أيدي قوات سوريا الديمقراطية في مدينة حلب';
    const variant = 'وبالفيديو أسرى من عناصر للجيش السورى بأيدي قوات سوريا الديموقراطية بمدينه حلب';
    const unrelated = 'ارتفاع أسعار الخبز والوقود في الأسواق مع بداية الشتاء';
    expect(similarity(variant, claim)).toBeGreaterThan(0.45);
    expect(similarity(unrelated, claim)).toBeLessThan(0.15);
  });

  it('still sees words run together (a missing space)', () => {
    const spaced = similarity('the president signed the decree', 'president signed decree');
    const runTogether = similarity('the presidentsigned the decree', 'president signed decree');
    expect(runTogether).toBeGreaterThan(0.5);
    expect(runTogether).toBeLessThan(spaced);
  });

  it('never counts a gram across two words', () => {
    // "ab" has one gram, " ab "; "ab cd" has " ab " and " cd " — not "ab c" or "b cd".
    expect(similarity('ab cd', 'ab')).toBeCloseTo(1 / Math.sqrt(2), 6);
  });

  it('reads at most GRAM_TEXT_LIMIT characters of a hostile 50 KB post', () => {
    const long = `${norm('captured soldiers in aleppo')} ${'x'.repeat(50_000)}`;
    const head = long.slice(0, GRAM_TEXT_LIMIT);
    expect(scores(long, [norm('captured soldiers')])).toEqual(scores(head, [norm('captured soldiers')]));
  });
});

describe('joinGramTexts', () => {
  it('keeps each text apart: a document never reads its neighbour', () => {
    const all = joinGramTexts(['aleppo', '', 'video']);
    expect(all.offsets).toEqual(Int32Array.from([0, 6, 6, 11]));
    expect(gramSimilarities('video', all, [0, 1, 2])).toEqual([0, 0, 1]);
  });
});

describe('texts stored as UTF-8', () => {
  // The post is read from a string and the document from bytes: the cosine is symmetric only when the bytes
  // decode to exactly the UTF-16 units the string holds (Arabic, accents, an emoji outside the BMP).
  const texts = [
    norm('مقطع فيديو يظهر أسر عناصر من الجيش السوري في حلب'),
    'café crème brûlée 🍮 dessert',
    '🍮🍮 x',
    norm('vaccines cause autism'),
  ];

  it('scores a document read from bytes exactly as the same text read as a string', () => {
    for (const a of texts) {
      for (const b of texts) {
        const ab = gramSimilarities(a, joinGramTexts([b]), [0])[0]!;
        const ba = gramSimilarities(b, joinGramTexts([a]), [0])[0]!;
        expect(ab).toBeCloseTo(ba, 12);
      }
      expect(gramSimilarities(a, joinGramTexts([a]), [0])[0]).toBeCloseTo(1, 6);
    }
  });

  it('keeps byte offsets, gives each text back, and cuts a long stored text where a string is cut', () => {
    const all = joinGramTexts(texts);
    texts.forEach((text, d) => expect(gramText(all, d)).toBe(text));
    expect(all.offsets[1]).toBe(new TextEncoder().encode(texts[0]).length);
    const long = `${'ب'.repeat(GRAM_TEXT_LIMIT - 3)} 🍮 ${'ب'.repeat(20)}`;
    const stored = joinGramTexts([long]);
    expect(gramSimilarities(long, stored, [0])[0]).toBeCloseTo(1, 6);
  });
});
