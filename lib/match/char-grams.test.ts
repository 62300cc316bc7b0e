import { describe, expect, it } from 'vitest';
import { GRAM_TEXT_LIMIT, gramSimilarities, gramText, joinGramTexts, joinWordTexts, wordText, WordTextsBuilder } from './char-grams';
import { words } from '../text/normalise';

const norm = (text: string) => words(text).join(' ');
const scores = (post: string, docs: string[]) =>
  gramSimilarities(
    post,
    joinWordTexts(docs),
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

describe('joinWordTexts', () => {
  it('keeps each text apart: a document never reads its neighbour', () => {
    const all = joinWordTexts(['aleppo', '', 'video']);
    expect(all.offsets).toEqual(Int32Array.from([0, 1, 1, 2]));
    expect(gramSimilarities('video', all, [0, 1, 2])).toEqual([0, 0, 1]);
  });

  it('stores each distinct word once and gives every text back exactly, empty words included', () => {
    const texts = ['aleppo video', 'video aleppo video', '', 'video ', 'x  y', `${'ب'.repeat(5000)} \ud83c`];
    const all = joinWordTexts(texts);
    expect(all.words.offsets.length - 1).toBe(7); // aleppo, video, '', x, y, the long word, the lone surrogate
    texts.forEach((text, d) => expect(wordText(all, d)).toBe(text));
  });

  it('codes word numbers in 1, 2 and 3 bytes (below 128, 16,384 and 2,097,152)', () => {
    const texts = Array.from({ length: 20_000 }, (_, i) => `w${i}`);
    const all = joinWordTexts(texts);
    expect([0, 127, 128, 16_383, 16_384, 19_999].map((d) => all.offsets[d + 1]! - all.offsets[d]!)).toEqual([1, 1, 2, 2, 3, 3]);
    for (const d of [0, 127, 128, 16_383, 16_384, 19_999]) expect(wordText(all, d)).toBe(texts[d]);
    expect(gramSimilarities('w19999', all, [19_998, 19_999])).toEqual([expect.any(Number), 1]);
  });

  it('extends a base table: its documents are copied with their numbers, new words numbered after', () => {
    const base = joinWordTexts(['aleppo video', 'flood in aleppo']);
    const builder = new WordTextsBuilder(base);
    builder.addFrom(base, 1, 2);
    builder.add('video of a flood');
    const next = builder.finish();
    expect([wordText(next, 0), wordText(next, 1)]).toEqual(['flood in aleppo', 'video of a flood']);
    expect(next.words.offsets.length - 1).toBe(6); // aleppo video flood in, then of a
    expect(() => new WordTextsBuilder().addFrom(base, 0, 1)).toThrow();
  });
});

describe('joinGramTexts', () => {
  it('keeps byte offsets and gives each text back', () => {
    const all = joinGramTexts(['aleppo', '', 'فيديو']);
    expect(all.offsets).toEqual(Int32Array.from([0, 6, 6, 16]));
    expect([0, 1, 2].map((d) => gramText(all, d))).toEqual(['aleppo', '', 'فيديو']);
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
        const ab = gramSimilarities(a, joinWordTexts([b]), [0])[0]!;
        const ba = gramSimilarities(b, joinWordTexts([a]), [0])[0]!;
        expect(ab).toBeCloseTo(ba, 12);
      }
      expect(gramSimilarities(a, joinWordTexts([a]), [0])[0]).toBeCloseTo(1, 6);
    }
  });

  it('gives each text back, and cuts a long stored text where a string is cut', () => {
    const all = joinWordTexts(texts);
    texts.forEach((text, d) => expect(wordText(all, d)).toBe(text));
    // The limit falls inside the emoji's two UTF-16 units, on the space after it, and on a word's first letter.
    for (const cut of [3, 2, 1, 4]) {
      const long = `${'ب'.repeat(GRAM_TEXT_LIMIT - cut)} 🍮 ${'ب'.repeat(20)}`;
      const stored = joinWordTexts([long]);
      expect(gramSimilarities(long, stored, [0])[0]).toBeCloseTo(1, 6);
      // Different grams beyond the limit change nothing: the stored text is read no further than a string.
      expect(gramSimilarities(long, joinWordTexts([`${long} qqqq`]), [0])[0]).toBe(gramSimilarities(long, stored, [0])[0]);
    }
  });
});
