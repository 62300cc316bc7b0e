import { describe, expect, it } from 'vitest';
import { importClaimReviews } from './claimreview';

const HASH = 'f'.repeat(64);
const UPRIGHT = 'A'.repeat(64);
const CENTRE = '0123456789abcdef'.repeat(4);
const framesOf = (frame: Record<string, unknown>) =>
  importClaimReviews(
    JSON.stringify([
      {
        '@type': 'ClaimReview',
        identifier: 'cr-mirror',
        url: 'https://misbar.com/factcheck/2026/01/09/mirrored-clip',
        claimReviewed: 'مقطع جديد من الفيضان',
        reviewRating: { alternateName: 'مضلل' },
        author: { name: 'Misbar' },
        fingerprints: [{ kind: 'video', frames: [{ t: 0, hash: HASH, quality: 90, ...frame }] }],
      },
    ]),
    'feed',
  ).debunks[0]?.media?.[0]?.frames;

describe('upright and centre hashes in a feed’s fingerprints', () => {
  it('keeps them, lower-cased', () => {
    expect(framesOf({ upright: UPRIGHT, centre: [CENTRE] })).toEqual([
      { t: 0, hash: HASH, quality: 90, upright: UPRIGHT.toLowerCase(), centre: [CENTRE] },
    ]);
  });

  it('drops malformed ones, and centres without an upright hash (never looked up)', () => {
    expect(framesOf({ upright: 'xyz', centre: [CENTRE] })).toEqual([{ t: 0, hash: HASH, quality: 90 }]);
    expect(framesOf({ upright: UPRIGHT, centre: ['short', 7, CENTRE] })).toEqual([
      { t: 0, hash: HASH, quality: 90, upright: UPRIGHT.toLowerCase(), centre: [CENTRE] },
    ]);
    expect(framesOf({ upright: UPRIGHT, centre: 'not a list' })).toEqual([
      { t: 0, hash: HASH, quality: 90, upright: UPRIGHT.toLowerCase() },
    ]);
  });
});
