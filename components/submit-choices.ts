/**
 * What the submit form offers to send: the posts Sanad read on the tab's page (each with the fact-check it
 * already matches, if any), or a post the person names by pasting its link. Pure: the form is the glue.
 */
import type { SubmittedPost } from '@/lib/intake/submission';
import type { ExtractedPost } from '@/lib/match/types';
import type { MatchView, TabResults } from '@/lib/wire/shapes';
import { deskName, findingLabel } from './finding';

/** Enough of a post's text for the person to recognise it in a list. */
const EXCERPT_CHARS = 140;

export interface PostChoice {
  post: ExtractedPost;
  excerpt: string;
  /** The fact-check this post already matches (a badge, or a claim it mentions): sending it again is moot. */
  factCheck?: { finding: string; desk: string; claim: string; url?: string };
}

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

function factCheckOf(view: MatchView, locale: string): NonNullable<PostChoice['factCheck']> {
  const { debunk } = view;
  return {
    finding: findingLabel(debunk, locale),
    desk: deskName(debunk.publisher.name, locale),
    claim: debunk.headline || debunk.claim,
    ...(debunk.reviewUrl && { url: debunk.reviewUrl }),
  };
}

/** The posts read on the page, each once, in page order, with what Sanad already found for them. */
export function postChoices(read: readonly ExtractedPost[], results: TabResults | undefined, locale: string): PostChoice[] {
  const answers = new Map((results?.posts ?? []).map((p) => [p.key, p]));
  const seen = new Set<string>();
  const choices: PostChoice[] = [];
  for (const post of read) {
    if (seen.has(post.key)) continue;
    seen.add(post.key);
    // A post with neither text nor a link is nothing a desk can check.
    if (!post.text.trim() && !post.permalink) continue;
    const answer = answers.get(post.key);
    const found = answer?.badge ?? answer?.mentions;
    choices.push({
      post,
      excerpt: excerptOf(post.text) || post.permalink!,
      ...(found && { factCheck: factCheckOf(found, locale) }),
    });
  }
  return choices;
}

/** The post as it is sent: what the page showed, with the claim in the person's (possibly edited) words. */
export function submittedFrom(post: ExtractedPost, pageUrl: string, text: string): SubmittedPost {
  return {
    pageUrl,
    ...(post.permalink && { permalink: post.permalink }),
    ...(post.author && { author: post.author }),
    text,
    links: post.links,
    media: post.media.map(({ kind, url, poster }) => ({ kind, ...(url && { url }), ...(poster && { poster }) })),
    ...(post.time && { time: post.time }),
  };
}

/** A pasted link as a post to send; null unless it is an http(s) address. */
export function linkedPost(link: string, text: string): SubmittedPost | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return { pageUrl: url.href, permalink: url.href, text, links: [], media: [] };
}
