/** What of a submitted post the desk's feed may publish as where it circulated (pure). */
import type { SubmittedPost } from '../lib/intake/submission';
import { canonicalMediaId } from '../lib/urls/canonical';

/**
 * A media address as it may be published: no query string or fragment (they can hold signatures and tokens
 * of the volunteer's session). A platform link that needs its query to name the post (`watch?v=`) is left
 * out instead; the permalink names the post.
 */
export function publishableMediaUrl(url: string): string | undefined {
  const parsed = new URL(url);
  const bare = `${parsed.origin}${parsed.pathname}`;
  return canonicalMediaId(bare) === canonicalMediaId(url) ? bare : undefined;
}

/** Where a post circulated, as the feed may publish it: its permalink, and its media addresses without queries. */
export function publishableAppearances(post: SubmittedPost): string[] {
  return [post.permalink, ...post.media.map((m) => m.url && publishableMediaUrl(m.url))].filter((u): u is string => !!u);
}
