import { describe, expect, it } from 'vitest';
import { GRAM_TEXT_LIMIT, gramSimilarities, gramText, joinGramTexts, joinWordTexts, wordText, WordTextsBuilder } from './char-grams';
import { words } from '../text/normalise';
import { sharedFile } from '@/tests/unit/support/files';
import { importClaimReviews } from '../debunk/claimreview';
import { SliceClock } from '../scheduling/slice-clock';
import { buildIndex } from './bm25-index';
import { rankText } from './match';
import { readPost } from './terms';

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

describe('gram hashes cached by word', () => {
  // The dev lists' posts against their re-ranked candidates, cached hashes against reading every character:
  // the same figures to the last bit (the same grams added in the same order).
  it.each([
    ['clef-en', 200],
    ['clef-ar', 150],
  ])('gives exactly the similarities of reading the texts, on %s posts', (list, count) => {
    const index = buildIndex(importClaimReviews(sharedFile(`eval/${list}/debunks.jsonl`), list).debunks);
    const posts = sharedFile(`eval/${list}/dev/posts.jsonl`)
      .split('\n')
      .filter(Boolean)
      .slice(0, count)
      .map((line) => readPost((JSON.parse(line) as { text: string }).text));
    let compared = 0;
    for (const post of posts) {
      const docs = rankText(index, post, 20, () => false).map((c) => c.doc);
      // Twice: the first run fills the cache, the second reads it.
      for (let round = 0; round < 2; round++) {
        expect(gramSimilarities(post.words, index.gramTexts, docs)).toEqual(gramSimilarities(post.words, index.gramTexts, docs, false));
      }
      compared += docs.length;
    }
    expect(compared).toBeGreaterThan(count * 10);
  });

  it('reads a text past GRAM_TEXT_LIMIT as the texts are read (cut inside a word)', () => {
    const head = norm('captured soldiers in aleppo');
    for (const extra of [0, 1, 2, 5]) {
      const long = `${head} ${'y'.repeat(GRAM_TEXT_LIMIT - head.length - 3 + extra)} zzzz`;
      const all = joinWordTexts([long, head]);
      expect(gramSimilarities(long, all, [0, 1, 0])).toEqual(gramSimilarities(long, all, [0, 1, 0], false));
    }
  });
});

describe('WordTextsBuilder.prepare', () => {
  it('reads the base table in slices into the numbers a read at once gives', () => {
    const texts = Array.from({ length: 3_000 }, (_, i) => `w${i} common ${i % 7 ? 'x' : 'ب'.repeat(3)} \ud83c`);
    const base = joinWordTexts(texts);
    let pauses = 0;
    const sliced = new WordTextsBuilder(base);
    const steps = sliced.prepare(new SliceClock(0, () => 0));
    while (!steps.next().done) pauses++;
    expect(pauses).toBeGreaterThan(2);
    const atOnce = new WordTextsBuilder(base);
    for (const builder of [sliced, atOnce]) {
      builder.addFrom(base, 0, 3_000);
      builder.add('w2999 common new words \ud83c');
    }
    const [a, b] = [sliced.finish(), atOnce.finish()];
    expect(a).toEqual(b);
    expect(a.words.offsets.length - 1).toBe(base.words.offsets.length - 1 + 2); // new, words
    expect(wordText(a, 3_000)).toBe('w2999 common new words \ud83c');
  });
});
