/**
 * Which documents list a link as an appearance, for certain matches by link: canonical link keys (`x:123`,
 * `youtube:…`, `url:…`) are kept as 64-bit hashes in three typed arrays, one entry per (link, document),
 * sorted. A million links take 12 MB and load from IndexedDB as they are, where a Map of a million strings
 * took ~70 MB and had to be rebuilt on every wake. Two different links share a 64-bit hash with odds of
 * about 1 in 10^13 at a million links.
 */
import { NEVER_DUE, type SliceClock } from '../scheduling/slice-clock';
import { runAtOnce } from '../scheduling/yield';

export interface LinkTable {
  /** High and low 32 bits of each entry's key hash; entries sorted by (hi, lo, doc). */
  hi: Uint32Array;
  lo: Uint32Array;
  docs: Int32Array;
}

/** Two independent 32-bit FNV-1a lanes over the key's UTF-16 code units. */
export function linkHash(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, b >>> 0];
}

/** Entries sorted in runs of this many by insertion, then merged pairwise. */
const RUN = 32;

/**
 * The table after an index update: entries of documents that stay, renumbered by `newDocOf` (−1: gone; null:
 * all stay), merged with the links of the added documents (`added[j]`: document `kept + j`'s keys). A job in
 * steps that yields whenever `clock` says the slice is spent: a stable merge sort of the new entries (so
 * equal hashes stay in document order) and a merge with the old ones, both resumable anywhere.
 */
export function* linkTableUpdater(
  old: LinkTable | null,
  newDocOf: Int32Array | null,
  kept: number,
  added: readonly (readonly string[])[],
  clock: SliceClock,
): Generator<void, LinkTable> {
  let count = 0;
  for (const keys of added) count += keys.length;
  const fh = new Uint32Array(count);
  const fl = new Uint32Array(count);
  const fd = new Int32Array(count);
  count = 0;
  for (let j = 0; j < added.length; j++) {
    for (const key of new Set(added[j])) {
      [fh[count], fl[count]] = linkHash(key);
      fd[count++] = kept + j;
    }
    if (clock.due()) yield;
  }
  let order = new Int32Array(count);
  let spare = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const less = (a: number, b: number) => (fh[a] !== fh[b] ? fh[a]! < fh[b]! : fl[a]! < fl[b]!);
  for (let from = 0; from < count; from += RUN) {
    const to = Math.min(from + RUN, count);
    for (let i = from + 1; i < to; i++) {
      const x = order[i]!;
      let k = i;
      for (; k > from && less(x, order[k - 1]!); k--) order[k] = order[k - 1]!;
      order[k] = x;
    }
    if (clock.due()) yield;
  }
  for (let width = RUN; width < count; width *= 2) {
    for (let lo = 0; lo < count; lo += 2 * width) {
      const mid = Math.min(lo + width, count);
      const hi = Math.min(lo + 2 * width, count);
      let a = lo;
      let b = mid;
      for (let at = lo; at < hi; at++) {
        // Ties take the left run first: the sort is stable.
        spare[at] = b >= hi || (a < mid && !less(order[b]!, order[a]!)) ? order[a++]! : order[b++]!;
        if ((at & 0xffff) === 0 && clock.due()) yield;
      }
    }
    [order, spare] = [spare, order];
    if (clock.due()) yield;
  }

  const oldSize = old ? old.docs.length : 0;
  const docOf = (e: number) => (newDocOf ? newDocOf[old!.docs[e]!]! : old!.docs[e]!);
  let stayCount = 0;
  for (let e = 0; e < oldSize; e++) {
    if (docOf(e) >= 0) stayCount++;
    if ((e & 0xffff) === 0 && clock.due()) yield;
  }
  const size = stayCount + count;
  const table: LinkTable = { hi: new Uint32Array(size), lo: new Uint32Array(size), docs: new Int32Array(size) };
  // A merge of two sorted runs: renumbering keeps the order of the old entries, and every added document
  // comes after every old one, so an old entry goes first on equal hashes.
  let e = 0;
  let f = 0;
  for (let at = 0; at < size; at++) {
    while (e < oldSize && docOf(e) < 0) e++;
    const n = f < count ? order[f]! : -1;
    const fromOld = e < oldSize && (n < 0 || old!.hi[e]! < fh[n]! || (old!.hi[e] === fh[n] && old!.lo[e]! <= fl[n]!));
    if (fromOld) {
      table.hi[at] = old!.hi[e]!;
      table.lo[at] = old!.lo[e]!;
      table.docs[at] = docOf(e);
      e++;
    } else {
      table.hi[at] = fh[n]!;
      table.lo[at] = fl[n]!;
      table.docs[at] = fd[n]!;
      f++;
    }
    if ((at & 0xffff) === 0 && clock.due()) yield;
  }
  return table;
}

/** linkTableUpdater at once. */
export function updateLinkTable(
  old: LinkTable | null,
  newDocOf: Int32Array | null,
  kept: number,
  added: readonly (readonly string[])[],
): LinkTable {
  return runAtOnce(linkTableUpdater(old, newDocOf, kept, added, NEVER_DUE));
}

/** The documents that list `key`, ascending. */
export function docsWithLink(table: LinkTable, key: string): Int32Array {
  const [h, l] = linkHash(key);
  let lo = 0;
  let hi = table.docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table.hi[mid]! < h || (table.hi[mid] === h && table.lo[mid]! < l)) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < table.docs.length && table.hi[end] === h && table.lo[end] === l) end++;
  return table.docs.subarray(lo, end);
}

/** How many distinct links the table holds. */
export function linkCount(table: LinkTable): number {
  let count = 0;
  for (let e = 0; e < table.docs.length; e++) if (e === 0 || table.hi[e] !== table.hi[e - 1] || table.lo[e] !== table.lo[e - 1]) count++;
  return count;
}
