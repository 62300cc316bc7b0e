/** A minimal valid ClaimReview item and Sanad feed document, for tests of the feed format. */
export const item = (id: string, claim = `claim ${id}`) => ({
  '@type': 'ClaimReview',
  identifier: id,
  claimReviewed: claim,
  reviewRating: { alternateName: 'False' },
  author: { name: 'Desk' },
});
export const feed = (overrides: Record<string, unknown> = {}) => ({
  sanadFeed: 1,
  publisher: { name: 'Test Desk', url: 'https://desk.example.org' },
  generated: '2026-11-24T10:00:00Z',
  items: [item('a'), item('b')],
  tombstones: [],
  ...overrides,
});
