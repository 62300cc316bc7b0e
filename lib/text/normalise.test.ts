import { describe, expect, it } from 'vitest';
import { cleanPostText, foldDigits, foldForLookup, normaliseText, words } from './normalise';
import { stemArabic, stemEnglish } from './stem';

describe('normaliseText', () => {
  it.each([
    // hamza and alef forms
    ['أسر', 'اسر'],
    ['إطلاق', 'اطلاق'],
    ['آلاف', 'الاف'],
    ['ٱلله', 'الله'],
    // taa marbuta and alef maqsura
    ['مدينة', 'مدينه'],
    ['الديمقراطية', 'الديمقراطيه'],
    ['على', 'علي'],
    ['السورى', 'السوري'],
    // hamza on waw and yaa
    ['مؤتمر', 'موتمر'],
    ['رئيس', 'رييس'],
    // diacritics and tatweel
    ['يُظهِر', 'يظهر'],
    ['أسـرى', 'اسري'],
    ['هروبًا جماعيًّا', 'هروبا جماعيا'],
    ['مـــسبار', 'مسبار'],
    // Arabic-Indic and Persian digits
    ['١٠ آلاف', '10 الاف'],
    ['۲۰۱۹', '2019'],
    // presentation forms and Persian letters
    ['\uFEFB', 'لا'],
    ['کی', 'كي'],
    // Latin case and accents
    ['Égypte FAKE', 'egypte fake'],
    // bidi controls and zero-width characters vanish
    ['حل\u200Bب\u202E', 'حلب'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('makes spelling variants of the same seed sentence identical', () => {
    const misbar = 'أسر عناصر من الجيش السوري على أيدي قوات سوريا الديمقراطية "قسد" في مدينة حلب';
    const post = 'اسر عناصر من الجيش السورى على ايدى قوات سوريا الديمقراطيه قسد فى مدينه حلب';
    expect(words(misbar)).toEqual(words(post));
  });
});

describe('foldDigits', () => {
  it('maps every Arabic-Indic and Persian digit', () => {
    expect(foldDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
  });
});

describe('foldForLookup', () => {
  it('drops punctuation and collapses spaces', () => {
    expect(foldForLookup('  Mostly   False. ')).toBe('mostly false');
    expect(foldForLookup('«زائفٌ»')).toBe('زايف');
  });
});

describe('cleanPostText', () => {
  it.each([
    ['link https://t.co/abc123 and www.example.com/x', 'link and'],
    // Handles are opened into words like hashtags: names in them help find claims about people.
    ['@misbar_fc قال إن الفيديو مفبرك', 'misbar fc قال إن الفيديو مفبرك'],
    ['Ask @LindseyGrahamSC now', 'Ask Lindsey Graham SC now'],
    ['The video is fake. pic.twitter.com/AbC', 'The video is fake.'],
    // A quoted tweet's byline keeps the name, drops the handle and date.
    ['Claim text — Jane Doe (@jane) March 3, 2021', 'Claim text Jane Doe'],
    ['#Minecrafthttps://t.co/V4Lzv97qOc', 'Minecraft'],
    ['#FakeNews alert', 'Fake News alert'],
    ['عاجل #حلب_الآن', 'عاجل حلب الآن'],
    ['mail me at a@b.com', 'mail me at a@b.com'],
  ])('%s', (input, expected) => {
    expect(cleanPostText(input).replace(/\s+/g, ' ').trim()).toBe(expected);
  });
});

describe('light stemming', () => {
  it.each([
    ['والمعارضه', 'معارض'],
    ['بالجيش', 'جيش'],
    ['للقوات', 'قوات'],
    ['القوات', 'قوات'],
    ['الميليشيات', 'ميليشي'],
    ['وزير', 'وزير'],
    ['قسد', 'قسد'],
  ])('Arabic %s → %s', (input, expected) => {
    expect(stemArabic(input)).toBe(expected);
  });

  it.each([
    ['videos', 'video'],
    ['soldiers', 'soldier'],
    ['fleeing', 'flee'],
    ['captured', 'captur'],
    ['countries', 'country'],
    ['news', 'new'],
    ['bus', 'bus'],
  ])('English %s → %s', (input, expected) => {
    expect(stemEnglish(input)).toBe(expected);
  });
});
