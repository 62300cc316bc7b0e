/** The page as the readability watch sees it (lib/page/readability.ts): counts only, read from the DOM. */
import type { SiteAdapter } from '../sites/types';
import type { PageSample } from './readability';

/** The page in counts: how much it shows and how many of its posts the adapter reads. */
export function samplePage(adapter: SiteAdapter, page: URL, at: number): PageSample {
  const body = document.body;
  const posts = body ? [...body.querySelectorAll(adapter.postSelectors.join(','))] : [];
  return {
    at,
    textChars: (body?.textContent ?? '').replace(/\s+/g, '').length,
    elements: body ? body.getElementsByTagName('*').length : 0,
    postsRead: posts.filter((post) => adapter.extract(post, page)).length,
  };
}
