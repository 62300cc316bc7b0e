import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
// @ts-expect-error: plain ESM script without types
import { buildLocales } from '../../scripts/locales-source.mjs';

const root = resolve(process.cwd(), 'public/_locales');
type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const read = (locale: string) => JSON.parse(readFileSync(resolve(root, locale, 'messages.json'), 'utf8')) as Messages;

describe('public/_locales (the messages the extension ships)', () => {
  it('ships English and Arabic', () => {
    expect(readdirSync(root).sort()).toEqual(['ar', 'en']);
  });

  it('are what scripts/locales-source.mjs generates (edit the source, not the JSON)', () => {
    const built = buildLocales() as Record<string, string>;
    for (const locale of ['en', 'ar']) expect(readFileSync(resolve(root, locale, 'messages.json'), 'utf8')).toBe(built[locale]);
  });

  it('have the same keys and placeholders in both languages, and no empty message', () => {
    const en = read('en');
    const ar = read('ar');
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(Object.keys(ar[key]!.placeholders ?? {}), key).toEqual(Object.keys(en[key]!.placeholders ?? {}));
      expect(en[key]!.message.trim(), key).not.toBe('');
      expect(ar[key]!.message.trim(), key).not.toBe('');
      for (const name of Object.keys(en[key]!.placeholders ?? {})) {
        // A plural form may say its count in words ("تحققان": two fact-checks); every other value must appear.
        if (name === 'count' && key.includes('__')) continue;
        expect(ar[key]!.message, `${key} uses $${name}$`).toContain(`$${name.toUpperCase()}$`);
      }
    }
  });

  it('cover every key the code asks for', () => {
    const en = read('en');
    const files = [
      'components/VerdictCard.tsx',
      'components/ReasonList.tsx',
      'components/PopupApp.tsx',
      'components/BadgePanel.tsx',
      'components/MediaToolsApp.tsx',
      'components/media-words.ts',
      'entrypoints/media/main.tsx',
      'components/finding.ts',
      'components/FeedsSection.tsx',
      'components/OptionsApp.tsx',
      'lib/page/badge-host.ts',
      'entrypoints/popup/main.tsx',
    ];
    // tn('key', n) reads the generated `key__<category>` forms.
    const used = files.flatMap((f) =>
      [...readFileSync(resolve(process.cwd(), f), 'utf8').matchAll(/\bt(n?)\('([A-Za-z_]+)'/g)].map((m) =>
        m[1] ? `${m[2]!}__other` : m[2]!,
      ),
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((k) => !(k in en))).toEqual([]);
  });
});
