/**
 * Whether a tab's results gained Content Credentials lines: the background then tells an open popup, which
 * reads the tab again (a popup opened before the SDK answered would otherwise keep its first, empty answer).
 */
import type { TabResults } from './shapes';

/** One mark per credentials line: post, image address, the SDK's verdict. */
export function credentialMarks(results: Pick<TabResults, 'posts'>): Set<string> {
  const marks = new Set<string>();
  for (const post of results.posts) for (const c of post.credentials ?? []) marks.add(`${post.key}\n${c.url}\n${c.verified.state}`);
  return marks;
}

/** Whether `after` has a credentials line `before` did not (a line that went is no news to announce). */
export function learnedCredentials(before: Pick<TabResults, 'posts'>, after: Pick<TabResults, 'posts'>): boolean {
  const known = credentialMarks(before);
  for (const mark of credentialMarks(after)) if (!known.has(mark)) return true;
  return false;
}
