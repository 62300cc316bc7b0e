import { describe, expect, it } from 'vitest';
import type { OutboxRecord } from '../store/db';
import { flagsAsClaimReviewDrafts, flagsAsCsv } from './flags-export';

const record = (kind: 'claim' | 'flag', text: string): OutboxRecord => ({
  id: `id-${kind}-${text.length}`,
  submission: {
    idempotencyKey: 'k',
    kind,
    category: 'old-footage',
    note: 'filmed in 2019, "Hama"',
    post: {
      pageUrl: 'https://x.com/home',
      permalink: 'https://x.com/a/status/1',
      text,
      links: [],
      media: [{ kind: 'video', url: 'https://x.com/a/status/1' }],
    },
  },
  state: 'sent',
  attempts: 1,
  createdAt: Date.UTC(2026, 0, 9),
  nextAttemptAt: 0,
});

describe('flags export', () => {
  const records = [record('flag', '=HYPERLINK("http://evil")'), record('claim', 'not a flag'), record('flag', 'هروب جماعي، في ريف حلب')];

  it('writes ClaimReview drafts for flags only, with the post as the appearance', () => {
    const doc = JSON.parse(flagsAsClaimReviewDrafts(records));
    expect(doc['@graph']).toHaveLength(2);
    expect(doc['@graph'][1]).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: 'هروب جماعي، في ريف حلب',
      keywords: ['old-footage'],
      itemReviewed: { appearance: [{ url: 'https://x.com/a/status/1' }, { url: 'https://x.com/a/status/1' }] },
    });
  });

  it('writes CSV with quoting, and never a formula', () => {
    const lines = flagsAsCsv(records).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain('"filmed in 2019, ""Hama"""');
    expect(lines[2]).toContain('"هروب جماعي، في ريف حلب"'.replace(/"/g, '')); // no comma of ASCII kind: unquoted
  });
});
