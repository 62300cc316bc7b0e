/** The page as the readability watch sees it (lib/page/readability.ts): counts only, read from the DOM. */
import type { SiteAdapter } from '../sites/types';
import type { PageSample } from './readability';

/**
 * Elements whose text no reader sees. Sites inline megabytes of JSON state in scripts (x.com, YouTube's
 * ytInitialData): `body.textContent` copied all of it into one string each sample, 0.1–0.6 s of the page's
 * main thread on a long feed, and counted it as content a reader sees.
 */
const UNSEEN = new Set(['script', 'style', 'noscript', 'template']);

/** Characters of text in `root` outside scripts and styles, whitespace left out. */
function visibleTextChars(root: Element): number {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (UNSEEN.has(node.parentElement?.localName ?? '')) continue;
    chars += (node as Text).data.replace(/\s+/g, '').length; // text nodes are short: no string of the page is built
  }
  return chars;
}

/** The page in counts: how much it shows and how many of its posts the adapter reads. */
export function samplePage(adapter: SiteAdapter, page: URL, at: number): PageSample {
  const body = document.body;
  const posts = body ? [...body.querySelectorAll(adapter.postSelectors.join(','))] : [];
  return {
    at,
    textChars: body ? visibleTextChars(body) : 0,
    elements: body ? body.getElementsByTagName('*').length : 0,
    postsRead: posts.filter((post) => adapter.extract(post, page)).length,
  };
}
