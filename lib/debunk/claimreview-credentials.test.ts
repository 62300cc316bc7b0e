import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentCredentials } from '../media/c2pa';
import { importClaimReviews } from './claimreview';

const HASH = 'f'.repeat(64);
const feedWith = (fingerprint: Record<string, unknown>) =>
  JSON.stringify([
    {
      '@type': 'ClaimReview',
      identifier: 'cr-ai',
      url: 'https://misbar.com/factcheck/2026/01/09/ai-photo',
      claimReviewed: 'صورة حقيقية لفيضان في المدينة',
      reviewRating: { alternateName: 'مولّد بالذكاء الاصطناعي' },
      author: { name: 'Misbar' },
      fingerprints: [{ kind: 'image', frames: [{ t: 0, hash: HASH, quality: 90 }], ...fingerprint }],
    },
  ]);
const mediaOf = (body: string) => importClaimReviews(body, 'feed').debunks[0]?.media?.[0];

describe('contentCredentials on a debunk’s media', () => {
  it('keeps what `npm run media -- c2pa --json` printed for the debunked file', () => {
    const credentials = readContentCredentials(readFileSync(resolve(process.cwd(), '../shared/media/c2pa/ai-generated.jpg')));
    expect(mediaOf(feedWith({ contentCredentials: credentials }))?.contentCredentials).toEqual({
      present: true,
      claimGenerator: credentials.claimGenerator,
      sourceKind: 'ai-generated',
      actions: ['c2pa.created'],
    });
  });

  it('leaves feeds written before it as they were', () => {
    const media = mediaOf(feedWith({}));
    expect(media).toEqual({ kind: 'image', frames: [{ t: 0, hash: HASH, quality: 90 }] });
  });

  it.each([
    ['not an object', 'AI'],
    ['no present flag', { sourceKind: 'ai-generated' }],
    ['present as text', { present: 'yes', sourceKind: 'ai-generated' }],
  ])('drops credentials that are %s, keeping the fingerprint', (_, contentCredentials) => {
    const media = mediaOf(feedWith({ contentCredentials }));
    expect(media?.frames).toHaveLength(1);
    expect(media?.contentCredentials).toBeUndefined();
  });

  it('reads an unknown source kind as none and cleans the strings', () => {
    const media = mediaOf(
      feedWith({
        contentCredentials: {
          present: true,
          sourceKind: 'definitely-real',
          claimGenerator: `Tool\u0000 ${'x'.repeat(500)}`,
          actions: [{ action: 'c2pa.edited' }, 7, 'c2pa.cropped', null],
        },
      }),
    );
    expect(media?.contentCredentials?.sourceKind).toBe('none');
    expect(media?.contentCredentials?.actions).toEqual(['c2pa.edited', 'c2pa.cropped']);
    expect(media?.contentCredentials?.claimGenerator?.length).toBeLessThanOrEqual(200);
    expect(media?.contentCredentials?.claimGenerator).not.toContain('\u0000');
  });

  it('keeps a desk’s word that the file had no credentials, with nothing else', () => {
    expect(
      mediaOf(feedWith({ contentCredentials: { present: false, sourceKind: 'ai-generated', actions: ['x'] } }))?.contentCredentials,
    ).toEqual({
      present: false,
      sourceKind: 'none',
      actions: [],
    });
  });
});
