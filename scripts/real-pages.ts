/**
 * `npm run real-pages`: every real saved page of ../shared/real-dom read by Sanad's adapters, as a table of the
 * posts a person sees there (the README's notes), the posts read, and the posts badged against a debunk list of
 * every expect.json's claims (with the badges that should be there, and any wrong one named). The same figures
 * are held by lib/sites/real-pages.test.ts. Exits 1 when a page reads fewer or more posts than it shows, misses a
 * listed badge or gets an unknown wrong one.
 */
import { Window } from 'happy-dom';
import {
  ADAPTERS,
  PAGE_FILES,
  PAGES,
  pageFigures,
  pageUrl,
  readRealPosts,
  realPageMarkup,
  siteOf,
  type PageFigures,
} from './support/real-pages';

const rows: PageFigures[] = [];
for (const file of PAGE_FILES) {
  const window = new Window({ url: pageUrl(file), settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  window.document.documentElement.innerHTML = realPageMarkup(file);
  const document = window.document as unknown as Document;
  rows.push(pageFigures(file, readRealPosts(ADAPTERS[siteOf(file)], pageUrl(file), document), document));
  await window.happyDOM.close();
}

const header = ['page', 'present', 'read', 'badged', 'listed', 'wrong'];
const table = rows.map((r) => [r.file, r.present, r.read, r.badged, r.expectedBadged, r.wrong.length].map(String));
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
console.log(line(header));
for (const row of table) console.log(line(row));

console.log('\nper site (present / read / badged of listed):');
for (const site of Object.keys(ADAPTERS)) {
  const of = rows.filter((r) => siteOf(r.file) === site);
  const sum = (pick: (r: PageFigures) => number) => of.reduce((n, r) => n + pick(r), 0);
  console.log(
    `  ${site}: ${of.length} pages, ${sum((r) => r.present)} present / ${sum((r) => r.read)} read / ${sum((r) => r.badged - r.wrong.length)} badged of ${sum((r) => r.expectedBadged)} listed, ${sum((r) => r.wrong.length)} wrong`,
  );
}

let failed = false;
for (const r of rows) {
  const known = new Set(PAGES[r.file]!.wrongBadges ?? []);
  for (const w of r.wrong)
    console.log(`${known.has(w.key) ? 'known wrong badge' : 'WRONG BADGE'} on ${r.file}: ${w.key} "${w.text}" (${w.debunkId})`);
  const unknown = r.wrong.filter((w) => !known.has(w.key));
  if (r.read !== r.present || r.missed.length || unknown.length) {
    failed = true;
    console.log(
      `FAIL ${r.file}: read ${r.read} of ${r.present}; missed listed posts [${r.missed.join(', ')}]; ${unknown.length} unknown wrong`,
    );
  }
}
process.exit(failed ? 1 : 0);
