/**
 * The reviewers' page: server-rendered HTML in which every submitted value is escaped (submissions are hostile
 * input), under a Content-Security-Policy that allows no script at all.
 */
import { VERDICTS } from '../lib/debunk/types';
import { readHttpUrl } from '../lib/untrusted/read';
import type { StoredSubmission } from './store';

export const REVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A link only for http(s) URLs; anything else is shown as text. */
function link(url: string | undefined): string {
  if (!url) return '';
  return readHttpUrl(url)
    ? `<a href="${escapeHtml(url)}" rel="noreferrer noopener" target="_blank">${escapeHtml(url)}</a>`
    : escapeHtml(url);
}

function row(s: StoredSubmission): string {
  const verdictOptions = VERDICTS.filter((v) => v !== 'true' && v !== 'unrated')
    .map((v) => `<option value="${v}">${v}</option>`)
    .join('');
  const decided = s.review
    ? `<p class="decided">${escapeHtml(s.status)} by ${escapeHtml(s.review.reviewer)} at ${escapeHtml(s.review.reviewedAt)}${s.review.verdict ? ` — ${escapeHtml(s.review.verdict)}` : ''}</p>`
    : `<form method="post" action="/review/${s.id}">
        <label>Claim as published <textarea name="claim" maxlength="2000">${escapeHtml(s.post.text.slice(0, 2000))}</textarea></label>
        <label>Verdict <select name="verdict">${verdictOptions}</select></label>
        <label>Conclusion <textarea name="conclusion" maxlength="2000"></textarea></label>
        <label>Fact-check URL <input name="factCheckUrl" type="url" maxlength="2048"></label>
        <button name="decision" value="verify">Verify and publish</button>
        <button name="decision" value="reject">Reject</button>
      </form>`;
  return `<article id="s${s.id}" class="submission ${escapeHtml(s.status)}">
    <h2>#${s.id} · ${escapeHtml(s.kind)} · ${escapeHtml(s.category)}</h2>
    <p class="meta">received ${escapeHtml(s.receivedAt)} · ${link(s.post.permalink ?? s.post.pageUrl)}${s.post.author ? ` · ${escapeHtml(s.post.author)}` : ''}</p>
    <blockquote dir="auto">${escapeHtml(s.post.text)}</blockquote>
    ${s.note ? `<p class="note" dir="auto">Note: ${escapeHtml(s.note)}</p>` : ''}
    ${s.post.links.length ? `<ul>${s.post.links.map((l) => `<li>${link(l)}</li>`).join('')}</ul>` : ''}
    ${s.hasScreenshot ? `<img alt="screenshot of the post" src="/review/${s.id}/screenshot">` : ''}
    ${decided}
  </article>`;
}

export function reviewPage(reviewer: string, submissions: StoredSubmission[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sanad intake · review</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:900px;margin:24px auto;padding:0 16px}article{border:1px solid #ccc;border-radius:8px;padding:12px;margin:12px 0}
blockquote{white-space:pre-wrap;background:#f5f5f5;padding:8px;margin:8px 0}textarea,input,select{display:block;width:100%;margin:4px 0 8px}img{max-width:100%}.verified{border-color:#2e7d32}.rejected{opacity:.6}</style>
</head><body><h1>Submissions</h1><p>Signed in as ${escapeHtml(reviewer)}. Verified claims are published in the desk's feed at <a href="/feed.json">/feed.json</a>.</p>
${submissions.length ? submissions.map(row).join('\n') : '<p>No submissions yet.</p>'}
</body></html>`;
}
