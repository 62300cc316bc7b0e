/**
 * A fact-checker's flags exported for their desk's tools: ClaimReview drafts (JSON-LD, no rating yet: the
 * desk decides) and CSV. Pure: takes outbox records, returns text.
 */
import type { OutboxRecord } from '../store/db';

export function flagsAsClaimReviewDrafts(records: readonly OutboxRecord[]): string {
  const graph = records
    .filter((r) => r.submission.kind === 'flag')
    .map((r) => ({
      '@type': 'ClaimReview',
      identifier: r.id,
      claimReviewed: r.submission.post.text,
      ...(r.submission.note && { description: r.submission.note }),
      dateCreated: new Date(r.createdAt).toISOString(),
      keywords: [r.submission.category],
      itemReviewed: {
        '@type': 'Claim',
        ...(r.submission.post.time && { datePublished: r.submission.post.time }),
        ...(r.submission.post.author && { author: { '@type': 'Person', name: r.submission.post.author } }),
        appearance: [
          r.submission.post.permalink ?? r.submission.post.pageUrl,
          ...r.submission.post.media.map((m) => m.url).filter(Boolean),
        ].map((url) => ({ '@type': 'CreativeWork', url })),
      },
    }));
  return `${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }, null, 2)}\n`;
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs a flag as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function flagsAsCsv(records: readonly OutboxRecord[]): string {
  const header = ['flagged_at', 'category', 'permalink', 'page_url', 'author', 'post_time', 'text', 'note', 'media', 'delivery'];
  const rows = records
    .filter((r) => r.submission.kind === 'flag')
    .map((r) => {
      const p = r.submission.post;
      return [
        new Date(r.createdAt).toISOString(),
        r.submission.category,
        p.permalink ?? '',
        p.pageUrl,
        p.author ?? '',
        p.time ?? '',
        p.text,
        r.submission.note ?? '',
        p.media.map((m) => m.url ?? m.poster ?? '').join(' '),
        r.state,
      ];
    });
  return `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
