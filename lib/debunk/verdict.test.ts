import { describe, expect, it } from 'vitest';
import { verdictFromRating } from './verdict';

describe('verdictFromRating', () => {
  it.each([
    ['زائف', 'false'],
    ['زائفة', 'false'],
    ['كاذب', 'false'],
    ['غير صحيح', 'false'],
    ['خبر مزيف', 'false'],
    ['مضلل', 'misleading'],
    ['مضلِّل', 'misleading'],
    ['خارج السياق', 'misleading'],
    ['مفبرك', 'altered'],
    ['مُفبرَكة', 'altered'],
    ['معدّل', 'altered'],
    ['ساخر', 'satire'],
    ['صحيح', 'true'],
    ['False', 'false'],
    ['FALSE', 'false'],
    ['Pants on Fire!', 'false'],
    ['Mostly False.', 'misleading'],
    ['Misleading', 'misleading'],
    ['Missing context', 'misleading'],
    ['Altered', 'altered'],
    ['Altered video', 'altered'],
    ['Fabricated', 'altered'],
    ['Satire', 'satire'],
    ['Unproven', 'unproven'],
    ['True', 'true'],
    ['Correct attribution', 'true'],
    ['Misattributed', 'false'],
    ['Not false', 'unrated'],
    ['Labeled Satire', 'satire'],
    ['Outdated', 'misleading'],
    ['Rating: something new', 'unrated'],
    // Ratings of the saved desk pages in other languages (../shared/factcheck-pages).
    ['Falso', 'false'],
    ['Falso.', 'false'],
    ['Faux', 'false'],
    ['Falsch', 'false'],
    ['Engañoso', 'misleading'],
    ['não_é_bem_assim', 'misleading'],
    ['फर्जी', 'false'],
    ['भ्रामक', 'misleading'],
    ['No es falso', 'unrated'],
    ['Verdadeiro', 'unrated'],
    ['', 'unrated'],
    [undefined, 'unrated'],
  ] as const)('%s → %s', (rating, verdict) => {
    expect(verdictFromRating(rating)).toBe(verdict);
  });
});
