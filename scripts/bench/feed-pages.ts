/**
 * Long feeds for `npm run bench:page`, built from the saved fixtures: a 1,000-post x.com timeline and a
 * 300-item YouTube grid. Each page holds its posts in a template and, like the real sites, adds the next
 * chunk when the reader scrolls near the end (the page's own script, measured as the page's own work).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures');

/** Repeats `items` to `count`, giving each copy after the first its own ids through `reid`. */
function repeat(items: string[], count: number, reid: (html: string, copy: number) => string): string[] {
  return Array.from({ length: count }, (_, i) => {
    const copy = Math.floor(i / items.length);
    const html = items[i % items.length]!;
    return copy === 0 ? html : reid(html, copy);
  });
}

/** The page script: appends `chunk` posts from the template whenever the sentinel comes near the viewport. */
function infiniteScroll(containerSelector: string, chunk: number): string {
  return `<script>
(() => {
  const pending = JSON.parse(document.getElementById('bench-posts').textContent);
  const container = document.querySelector(${JSON.stringify(containerSelector)});
  const sentinel = document.createElement('div');
  sentinel.id = 'bench-sentinel';
  sentinel.style.height = '1px';
  container.after(sentinel);
  const more = () => {
    const next = pending.splice(0, ${chunk});
    if (!next.length) return;
    const holder = document.createElement('template');
    holder.innerHTML = next.join('');
    container.append(holder.content);
    document.body.dataset.benchLoaded = String(Number(document.body.dataset.benchLoaded || 0) + next.length);
    if (!pending.length) document.body.dataset.benchDone = 'true';
  };
  // Observed anew after each chunk: a sentinel still near the viewport after a short chunk gets no new entry.
  const watch = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    more();
    watch.unobserve(sentinel);
    requestAnimationFrame(() => watch.observe(sentinel));
  }, { rootMargin: '1500px' });
  watch.observe(sentinel);
  more();
})();
</script>`;
}

function assemble(html: string, before: string, after: string, posts: string[], container: string, chunk: number): string {
  const data = `<script type="application/json" id="bench-posts">${JSON.stringify(posts).replace(/</g, '\\u003c')}</script>`;
  return (
    html.slice(0, before.length) +
    html.slice(html.length - after.length).replace('</body>', `${data}${infiniteScroll(container, chunk)}</body>`)
  );
}

/** `onlyTrue`: only the timeline's true-news posts, so nothing is badged (a typical feed). */
export function xTimeline(count = 1_000, onlyTrue = false): string {
  const html = readFileSync(resolve(FIXTURES, 'x/home-timeline.html'), 'utf8');
  const start = html.indexOf('<div data-testid="cellInnerDiv"');
  const end = html.lastIndexOf('</article></div></div></div>') + '</article></div></div></div>'.length;
  const all = html.slice(start, end).split(/(?=<div data-testid="cellInnerDiv")/);
  // The saved timeline alternates debunked and true posts: the odd cells are the true news.
  const cells = onlyTrue ? all.filter((_, i) => i % 2 === 1) : all;
  const posts = repeat(cells, count, (cell, copy) =>
    cell.replace(/\/status\/(\d+)/g, (_, id: string) => `/status/${id}${String(copy).padStart(3, '0')}`),
  );
  return assemble(html, html.slice(0, start), html.slice(end), posts, '[aria-label^="Timeline"] > div', 20);
}

export function youtubeGrid(count = 300): string {
  const html = readFileSync(resolve(FIXTURES, 'youtube/home.html'), 'utf8');
  const open = '<div id="contents" class="style-scope ytd-rich-grid-renderer">';
  const start = html.indexOf(open) + open.length;
  const end = html.indexOf('</div></ytd-rich-grid-renderer>');
  const items = html
    .slice(start, end)
    .split(/(?=\s*<ytd-rich-item-renderer)/)
    .map((s) => s.trim())
    .filter(Boolean);
  // New 11-character video ids for the copies, so every item is a different video (as on the real grid).
  const posts = repeat(items, count, (item, copy) => {
    const ids = new Set([...item.matchAll(/(?:watch\?v=|\/vi\/|content-id-)([A-Za-z0-9_-]{11})/g)].map((m) => m[1]!));
    let out = item;
    for (const id of ids) out = out.replaceAll(id, `${id.slice(0, 8)}${String(copy).padStart(3, '0')}`);
    return out;
  });
  return assemble(html, html.slice(0, start), html.slice(end), posts, 'ytd-rich-grid-renderer #contents', 30);
}
