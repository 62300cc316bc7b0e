/**
 * Which documents list a link as an appearance, for certain matches by link: canonical link keys (`x:123`,
 * `youtube:…`, `url:…`) are kept as 64-bit hashes in three typed arrays, one entry per (link, document),
 * sorted. A million links take 12 MB and load from IndexedDB as they are, where a Map of a million strings
 * took ~70 MB and had to be rebuilt on every wake. Two different links share a 64-bit hash with odds of
 * about 1 in 10^13 at a million links.
 */

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

const before = (h1: number, l1: number, d1: number, h2: number, l2: number, d2: number) =>
  h1 !== h2 ? h1 < h2 : l1 !== l2 ? l1 < l2 : d1 < d2;

/**
 * The table after an index update: entries of documents that stay, renumbered by `newDocOf` (−1: gone; null:
 * all stay), merged with the links of the added documents (`added[j]`: document `kept + j`'s keys).
 */
export function updateLinkTable(
  old: LinkTable | null,
  newDocOf: Int32Array | null,
  kept: number,
  added: readonly (readonly string[])[],
): LinkTable {
  const fresh: [number, number, number][] = [];
  added.forEach((keys, j) => {
    for (const key of new Set(keys)) fresh.push([...linkHash(key), kept + j]);
  });
  fresh.sort((x, y) => (before(x[0], x[1], x[2], y[0], y[1], y[2]) ? -1 : 1));
  const oldSize = old ? old.docs.length : 0;
  let stayCount = 0;
  for (let e = 0; e < oldSize; e++) if (!newDocOf || newDocOf[old!.docs[e]!]! >= 0) stayCount++;
  const size = stayCount + fresh.length;
  const table: LinkTable = { hi: new Uint32Array(size), lo: new Uint32Array(size), docs: new Int32Array(size) };
  // A merge of two sorted runs: renumbering keeps the order of the old entries.
  let e = 0;
  let f = 0;
  for (let at = 0; at < size; at++) {
    while (e < oldSize && newDocOf && newDocOf[old!.docs[e]!]! < 0) e++;
    const fromOld =
      e < oldSize &&
      (f >= fresh.length ||
        before(old!.hi[e]!, old!.lo[e]!, newDocOf ? newDocOf[old!.docs[e]!]! : old!.docs[e]!, fresh[f]![0], fresh[f]![1], fresh[f]![2]));
    if (fromOld) {
      table.hi[at] = old!.hi[e]!;
      table.lo[at] = old!.lo[e]!;
      table.docs[at] = newDocOf ? newDocOf[old!.docs[e]!]! : old!.docs[e]!;
      e++;
    } else {
      [table.hi[at], table.lo[at], table.docs[at]] = fresh[f++]!;
    }
  }
  return table;
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
