/** `npm run server -- --import URL`: the list is read with a byte cap while it streams, not whole. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FEED_LIMITS } from '../lib/feeds/sanad-feed';
import { chunkedBody, MiB } from '../tests/support/chunked-body';
import { readList } from './desk-matcher';

afterEach(() => vi.unstubAllGlobals());

describe('reading an imported list from a URL', () => {
  it('stops a chunked 200 MiB list at the feed cap instead of reading it whole', async () => {
    const { response, pulled } = chunkedBody(200, { headers: { 'content-type': 'application/json' } });
    vi.stubGlobal('fetch', async () => response);
    await expect(readList('https://lists.example/claims.json')).rejects.toThrow(/list too large/);
    expect(pulled.bytes).toBeLessThanOrEqual(FEED_LIMITS.bytes + 2 * MiB);
  });

  it('reads a list under the cap whole', async () => {
    vi.stubGlobal('fetch', async () => Response.json([{ '@type': 'ClaimReview', url: 'https://desk.example/fc/1' }]));
    expect(JSON.parse(await readList('https://lists.example/claims.json'))).toHaveLength(1);
  });
});
