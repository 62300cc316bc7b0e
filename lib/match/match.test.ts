import { sharedFile } from '@/tests/unit/support/files';
import { describe, expect, it } from 'vitest';
import { importClaimReviews } from '../debunk/claimreview';
import { AI_VIDEO_ID, OLD_HAMA_ID, bundledDebunks, makeDebunk, seedText } from '@/tests/unit/support/debunks';
import { buildIndex } from './bm25-index';
import { matchPost, rankText, shownCandidates, textEvidence } from './match';
import { readPost } from './terms';
import { badgeLogOdds, modelFor, textMatchBadges, type RivalEvidence, type TextEvidence } from './decide';
import { DECISION_MODEL } from './decision-model.generated';

// The bundled list among 6,496 real Arabic fact-checks: realistic term statistics and many near neighbours.
const arabicBackground = importClaimReviews(sharedFile('eval/clef-ar/debunks.jsonl'), 'clef').debunks;
const index = buildIndex([...bundledDebunks(), ...arabicBackground]);
const post = (text: string, extra: Partial<Parameters<typeof matchPost>[1]> = {}) => matchPost(index, { key: 'p', text, ...extra });
const badged = (text: string) => post(text).candidates.find((c) => c.badge);

describe('matchPost: exact ids', () => {
  it.each([
    ['the debunked post itself', { permalink: 'https://twitter.com/halab_alaan/status/2009512270941053184?s=20' }, AI_VIDEO_ID],
    ['a link to the debunked video in another form', { links: ['https://youtu.be/Qm3sZ7yA1bE?si=abc'] }, AI_VIDEO_ID],
    [
      'the debunked video as a short',
      { media: [{ kind: 'video' as const, url: 'https://www.youtube.com/shorts/hK9fL2xQw0E' }] },
      OLD_HAMA_ID,
    ],
  ])('badges %s as certain', (_, extra, id) => {
    const [first] = post('شاهد', extra).candidates;
    expect(first).toMatchObject({ debunkId: id, badge: true, score: 1 });
    expect(['same-media', 'same-link']).toContain(first!.how);
  });

  it('badges an id hit however short or unrelated the text', () => {
    expect(post('', { permalink: 'https://x.com/x/status/2009512270941053184' }).candidates[0]?.badge).toBe(true);
  });
});

describe('matchPost: Arabic text with spelling variation', () => {
  it.each([
    // No hamza, ى for ي, ه for ة, diacritics, tatweel, extra words and a hashtag
    'عاجل | فيديو يُظهِر أسـرى من عناصر الجيش السورى على ايدى قوات سوريا الديمقراطيه "قسد" فى مدينه حلب #حلب_الآن',
    'مقطع فيديو يظهر اسر عناصر من الجيش السوري على ايدي قوات سوريا الديمقراطية قسد في مدينة حلب',
    'شاهد فيديو اسر عناصر الجيش السوري على ايدي قسد في مدينة حلب اليوم بعد الاشتباكات',
  ])('badges the AI-video claim: %s', (text) => {
    expect(badged(text)?.debunkId).toBe(AI_VIDEO_ID);
  });

  it('badges the re-shared 2019 Hama video reworded', () => {
    expect(badged('فيديو مسرب: هروب جماعي لقوات النظام والميليشيات الايرانيه في ريف حلب خلال المعارك الاخيره مع المعارضه')?.debunkId).toBe(
      OLD_HAMA_ID,
    );
  });

  it.each([
    // True reports from the seed articles: same place, same week, same actors, different claims.
    [
      'withdrawal',
      'أفادت وكالة الأنباء السورية "سانا" بخروج الدفعة الأخيرة من مقاتلي "قسد" من حي الشيخ مقصود في حلب باتجاه شمال شرق سوريا',
    ],
    ['defections', 'أفادت مصادر سورية بانشقاق أكثر من 120 عنصراً من قوات سوريا الديمقراطية (قسد) وتسليم أنفسهم إلى قوات الأمن السورية'],
    ['truce denied', 'نفى المركز الإعلامي للإدارة الذاتية شمال شرقي سوريا الأنباء حول التوصل إلى تهدئة في حلب'],
    ['ceasefire announced', 'أعلنت وزارة الدفاع السورية سريان وقف لإطلاق النار في محيط أحياء الأشرفية والشيخ مقصود وبني زيد بمدينة حلب'],
    ['surrender', 'نحو 90 مقاتلاً من قوات "قسد" سلموا أنفسهم للجيش السوري في حي الشيخ مقصود، وتم نقلهم للتحقيق'],
    ['displacement', 'خروج نحو 10 آلاف شخص من حي الشيخ مقصود خلال ساعتين اليوم بحسب الدفاع المدني في حلب'],
  ])('does not badge true news (%s)', (_, text) => {
    const result = post(text);
    expect(result.candidates.filter((c) => c.badge && (c.debunkId === AI_VIDEO_ID || c.debunkId === OLD_HAMA_ID))).toEqual([]);
  });

  // Among thousands of debunks, and alone: the demo's two-debunk list, where term statistics are thin.
  it.each([
    ['among 6,496 Arabic fact-checks', index],
    ['alone', buildIndex(bundledDebunks())],
  ])('does not badge any sentence of the seed news articles against the bundled list (%s)', (_, list) => {
    const sentences = ['002_535a5bc4cd7e1ae0.txt', '003_897956df834ffd65.txt', '004_403540b4bd76e2e7.txt']
      .flatMap((f) => seedText(f).split(/[.\n؛]+/))
      .map((s) => s.trim())
      .filter((s) => s.split(/\s+/).length >= 6);
    expect(sentences.length).toBeGreaterThan(30);
    const wrong = sentences.filter((s) => matchPost(list, { key: 'p', text: s }).candidates.some((c) => c.badge));
    expect(wrong).toEqual([]);
  });
});

describe('matchPost: the decision', () => {
  // A clear match in a large list: most of the claim, most of the post, rivals far behind.
  const rivals: RivalEvidence = { runnerUpRatio: 0.4, thirdRatio: 0.35, gramLead: 0.2 };
  const clear: TextEvidence = {
    coverage: 0.5,
    queryCoverage: 0.5,
    gramSimilarity: 0.5,
    rivals,
    postWords: 15,
    postWeight: 8,
    debunkWeight: 9,
    rareShare: 1,
    postRareShare: 1,
    anotherEvent: false,
    arabic: false,
  };

  it('never badges very short posts on text alone', () => {
    expect(badged('فيديو أسرى حلب')).toBeUndefined();
    expect(textMatchBadges({ ...clear, coverage: 1, queryCoverage: 1, postWords: 3 })).toBe(false);
  });

  it('badges a clear match, in either script, with or without rivals', () => {
    for (const arabic of [false, true]) {
      expect(textMatchBadges({ ...clear, arabic })).toBe(true);
      expect(textMatchBadges({ ...clear, arabic, rivals: null, gramSimilarity: 0.7 })).toBe(true);
    }
  });

  it('does not badge when rivals are about as close, or when the post only touches the claim', () => {
    for (const arabic of [false, true]) {
      expect(textMatchBadges({ ...clear, arabic, rivals: { runnerUpRatio: 0.97, thirdRatio: 0.9, gramLead: -0.05 } })).toBe(false);
      const typicalRivals = { runnerUpRatio: 0.8, thirdRatio: 0.7, gramLead: 0.02 };
      expect(textMatchBadges({ ...clear, arabic, queryCoverage: 0.05, coverage: 0.3, gramSimilarity: 0.2, rivals: typicalRivals })).toBe(
        false,
      );
    }
  });

  it('grows more confident with each kind of evidence', () => {
    for (const arabic of [false, true]) {
      const odds = (e: Partial<TextEvidence>) => badgeLogOdds({ ...clear, arabic, ...e });
      expect(odds({ coverage: 0.4 })).toBeLessThan(odds({ coverage: 0.5 }));
      expect(odds({ queryCoverage: 0.4 })).toBeLessThan(odds({ queryCoverage: 0.5 }));
      expect(odds({ gramSimilarity: 0.4 })).toBeLessThan(odds({ gramSimilarity: 0.5 }));
      expect(odds({ rivals: { ...rivals, runnerUpRatio: 0.5 } })).toBeLessThan(odds({}));
      expect(odds({ rivals: { ...rivals, gramLead: 0.1 } })).toBeLessThan(odds({}));
    }
  });

  it('holds evidence within the range the fit saw', () => {
    const model = DECISION_MODEL.latin.withRivals;
    const highest = model.ranges.coverage![1];
    // (logCoverage has its own range, rounded apart: equal to 3 decimals)
    expect(badgeLogOdds({ ...clear, coverage: 50 }, model)).toBeCloseTo(badgeLogOdds({ ...clear, coverage: highest }, model), 3);
  });

  it('decides without rivals in a small list, where their absence proves nothing', () => {
    const text = 'قسد تعلن أسر عناصر من الجيش السوري في اشتباكات حلب';
    const read = readPost(text);
    const small = buildIndex(bundledDebunks());
    const inSmall = textEvidence(
      small,
      read,
      rankText(small, read, 3, () => false),
    );
    expect(inSmall.rivals).toBeNull();
    expect(modelFor(inSmall)).toBe(DECISION_MODEL.arabic.alone);
    expect(Object.keys(DECISION_MODEL.arabic.alone.weights)).not.toContain('runnerUpRatio');
    const inLarge = textEvidence(
      index,
      read,
      rankText(index, read, 3, () => false),
    );
    expect(inLarge.rivals?.runnerUpRatio).toBeGreaterThan(0);
    expect(modelFor(inLarge)).toBe(DECISION_MODEL.arabic.withRivals);
  });

  it('uses the Arabic models for Arabic posts', () => {
    expect(modelFor({ ...clear, arabic: true })).toBe(DECISION_MODEL.arabic.withRivals);
    expect(modelFor(clear)).toBe(DECISION_MODEL.latin.withRivals);
    expect(modelFor({ ...clear, rivals: null })).toBe(DECISION_MODEL.latin.alone);
  });

  it('lists weaker matches as possibly related, never badged', () => {
    const result = post('فيديو مسرب يوثق هروب جماعي لقوات النظام والميليشيات الإيرانية في ريف حلب');
    const related = shownCandidates(result).find((c) => c.debunkId === OLD_HAMA_ID);
    expect(related).toBeDefined();
  });

  it('never returns a debunk the user reported as a wrong match', () => {
    const text = 'مقطع فيديو يظهر اسر عناصر من الجيش السوري على ايدي قوات سوريا الديمقراطية قسد في مدينة حلب';
    const result = matchPost(
      index,
      { key: 'p', text, permalink: 'https://x.com/a/status/2009512270941053184' },
      { exclude: new Set([AI_VIDEO_ID]) },
    );
    expect(result.candidates.map((c) => c.debunkId)).not.toContain(AI_VIDEO_ID);
  });

  it('handles an empty index and empty posts', () => {
    expect(matchPost(buildIndex([]), { key: 'k', text: 'anything at all here' }).candidates).toEqual([]);
    expect(matchPost(buildIndex([makeDebunk()]), { key: 'k', text: '' }).candidates).toEqual([]);
  });
});

describe('rankText: BM25 candidates', () => {
  const arabicIndex = index;
  // Every document scored the slow way: each term's weight added in the post's term order (as 32-bit floats,
  // like the index's scores), candidates only where a gathering (rare) term occurs.
  function reference(text: string, depth: number, index = arabicIndex) {
    const terms = [...readPost(text).terms.keys()]
      .map((term) => index.termIds.get(term))
      .filter((t): t is number => t !== undefined && index.offsets[t + 1]! > index.offsets[t]!);
    const common = (t: number) => index.idf[t]! < index.commonIdf;
    const gathering = terms.every(common) ? terms : terms.filter((t) => !common(t));
    // Each term's postings as a map (doc → weight): no cursor or order shared with the walk under test.
    const byTerm = new Map(
      terms.map((t) => [
        t,
        new Map(
          Array.from(index.docs.subarray(index.offsets[t], index.offsets[t + 1]), (d, k) => [d, index.weights[index.offsets[t]! + k]!]),
        ),
      ]),
    );
    const weightIn = (t: number, doc: number) => byTerm.get(t)!.get(doc) ?? 0;
    const scored: { doc: number; score: number; first: number }[] = [];
    for (let doc = 0; doc < index.ids.length; doc++) {
      const first = gathering.findIndex((t) => weightIn(t, doc) > 0);
      if (first < 0) continue;
      let score = 0;
      for (const t of [...gathering, ...terms.filter((t) => !gathering.includes(t))]) score = Math.fround(score + weightIn(t, doc));
      scored.push({ doc, score, first });
    }
    // Of equal scores, the one found first: by the first term that found it, then in document order.
    scored.sort((a, b) => b.score - a.score || a.first - b.first || a.doc - b.doc);
    return scored.slice(0, depth).map(({ doc, score }) => [doc, score]);
  }

  it.each([
    'فيديو أسرى من عناصر الجيش السوري على أيدي قوات سوريا الديمقراطية في حلب',
    'وفاة الفنان في حادث سير مروع',
    'صورة قديمة من سوريا',
  ])('finds the best documents by BM25 score exactly: %s', (text) => {
    const found = rankText(arabicIndex, readPost(text), 3, () => false).map((c) => [c.doc, c.bm25]);
    expect(found.length).toBe(20); // the Arabic re-ranking depth
    expect(found.sort((a, b) => b[1]! - a[1]! || a[0]! - b[0]!)).toEqual(
      reference(text, 20).sort((a, b) => b[1]! - a[1]! || a[0]! - b[0]!),
    );
  });

  // The dev lists' posts against the whole lists: ids and scores exactly the reference's.
  it.each([
    ['clef-en', 80, 10],
    ['clef-ar', 60, 20],
  ])('finds the reference best documents for %s dev posts', (list, count, depth) => {
    const full = list === 'clef-ar' ? arabicIndex : buildIndex(importClaimReviews(sharedFile(`eval/${list}/debunks.jsonl`), list).debunks);
    const texts = sharedFile(`eval/${list}/dev/posts.jsonl`)
      .split('\n')
      .filter(Boolean)
      .slice(0, count)
      .map((line) => (JSON.parse(line) as { text: string }).text);
    const order = (rows: number[][]) => rows.sort((a, b) => b[1]! - a[1]! || a[0]! - b[0]!);
    let compared = 0;
    for (const text of texts) {
      const found = rankText(full, readPost(text), 3, () => false).map((c) => [c.doc, c.bm25]);
      expect(order(found)).toEqual(order(reference(text, depth, full)));
      compared += found.length;
    }
    expect(compared).toBeGreaterThan(count * depth * 0.9);
  });

  it('keeps, of equal scores, the documents found first, and skips what it is told to', () => {
    const claim = 'Giant squid found alive in the city reservoir';
    const same = buildIndex(Array.from({ length: 30 }, (_, i) => makeDebunk({ id: `same-${i}`, claim })));
    const docs = (skip: (doc: number) => boolean) => rankText(same, readPost(claim), 3, skip).map((c) => c.doc);
    expect(docs(() => false)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(docs((doc) => doc % 2 === 0)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19]);
  });
});

describe('matchPost: English', () => {
  const en = buildIndex([
    makeDebunk({ id: 'soldiers', claim: 'A video shows Syrian army soldiers captured by the SDF in Aleppo.' }),
    makeDebunk({ id: 'fries', claim: 'McDonald’s restaurants are offering $1 any size fries between May 18 and 31.' }),
    makeDebunk({ id: 'anaconda', claim: 'A viral video shows a 10-meter-long anaconda swimming across a river in Brazil.' }),
  ]);
  it('badges a paraphrase with different inflections and case', () => {
    const result = matchPost(en, {
      key: 'p',
      text: 'VIDEO: Syrian Army soldier captured by SDF fighters in Aleppo!! https://t.co/x @someone',
    });
    expect(result.candidates[0]).toMatchObject({ debunkId: 'soldiers', badge: true });
  });
  it('does not badge a post that shares only a few words', () => {
    const result = matchPost(en, { key: 'p', text: 'Fighting continues in Aleppo today, residents say the army is advancing.' });
    expect(result.candidates.some((c) => c.badge)).toBe(false);
  });
});

describe('serialised index', () => {
  it('matches exactly like the index it was saved from', async () => {
    const { deserialiseIndex, serialiseIndex } = await import('./bm25-index');
    const restored = deserialiseIndex(structuredClone(serialiseIndex(index)));
    const texts = [
      'مقطع فيديو يظهر اسر عناصر من الجيش السوري على ايدي قوات سوريا الديمقراطية قسد في مدينة حلب',
      'فيديو مسرب: هروب جماعي لقوات النظام والميليشيات الايرانيه في ريف حلب',
      'العاهل المغربي يتلقى الجرعة الاولى من لقاح كورونا',
    ];
    for (const text of texts) expect(matchPost(restored, { key: 'p', text })).toEqual(matchPost(index, { key: 'p', text }));
    const byId = { key: 'p', text: '', permalink: 'https://x.com/a/status/2009512270941053184' };
    expect(matchPost(restored, byId)).toEqual(matchPost(index, byId));
  });
});

describe('building in slices', () => {
  it('pauses between slices and builds exactly the same index', async () => {
    const { buildIndexInSlices, serialiseIndex } = await import('./bm25-index');
    const { SliceClock } = await import('../scheduling/slice-clock');
    let pauses = 0;
    const documents = [...bundledDebunks(), ...arabicBackground];
    // A clock that is always due: a pause at every check (the real one pauses after about 20 ms of work).
    const sliced = await buildIndexInSlices(documents, async () => void pauses++, new SliceClock(0, () => 0));
    expect(pauses).toBeGreaterThanOrEqual(documents.length); // at least one per document tokenised
    const [a, b] = [serialiseIndex(sliced), serialiseIndex(index)];
    // Bytes compared at once: an element-by-element deep equality of 1 MB takes seconds.
    const bytes = (x: Uint8Array | Uint16Array) => new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
    for (const part of ['gramWords', 'gramCodes'] as const) expect(Buffer.compare(bytes(a[part]), bytes(b[part]))).toBe(0);
    expect({ ...a, gramWords: null, gramCodes: null }).toEqual({ ...b, gramWords: null, gramCodes: null });
  });
});
