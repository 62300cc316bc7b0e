import type { SiteAdapter } from '@/lib/sites/types';

/** Every post the adapter finds in the test document, read as if the page were at `page`. */
export function readPosts(adapter: SiteAdapter, page: string | URL) {
  const url = new URL(page);
  return [...document.querySelectorAll(adapter.postSelectors.join(','))].map((el) => adapter.extract(el, url));
}
