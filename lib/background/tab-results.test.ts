import { describe, expect, it } from 'vitest';
import type { ImageCredentials } from '../media/c2pa-fetched';
import { TabResultsStore } from './tab-results';

const credentials: ImageCredentials[] = [
  {
    url: 'https://pbs.twimg.com/media/ai.jpg',
    verified: {
      state: 'valid',
      claimGenerator: 'Sanad test fixture 1.0',
      signer: { issuer: 'C2PA Test Signing Cert', commonName: 'C2PA Signer' },
      signatureValid: true,
      hashesValid: true,
      signerTrusted: false,
      actions: [{ action: 'c2pa.created', digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia' }],
      sourceKind: 'ai-generated',
      failures: [],
    },
  },
];
const post = { key: 'x:1', text: 'A picture of the flood', links: [], media: [{ kind: 'image' as const, url: credentials[0]!.url }] };

describe('a post that matched nothing but shows an image with Content Credentials', () => {
  it('is kept for the popup with them, across a woken worker, and dropped when they are gone', async () => {
    const store = new TabResultsStore();
    const tab = await store.record(11, 'https://x.com/home', [post], [{ key: 'x:1', related: [], credentials }]);
    expect(tab.posts).toEqual([{ key: 'x:1', excerpt: 'A picture of the flood', related: [], credentials }]);
    // A new worker reads the session mirror.
    expect((await new TabResultsStore().get(11)).posts[0]?.credentials).toEqual(credentials);
    const after = await store.record(11, 'https://x.com/home', [post], [{ key: 'x:1', related: [] }]);
    expect(after.posts).toEqual([]);
  });

  it('is not kept when it has neither matches nor credentials', async () => {
    const tab = await new TabResultsStore().record(12, 'https://x.com/home', [post], [{ key: 'x:1', related: [], credentials: [] }]);
    expect(tab.posts).toEqual([]);
  });
});
