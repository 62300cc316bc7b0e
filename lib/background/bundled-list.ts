/**
 * The default debunk list shipped inside the extension. The list registry imports it on the first run and
 * checks it on install and update: keyed by content hash, an unchanged list is not rewritten and a changed
 * one replaces the old one whole (no duplicates).
 */
export const BUNDLED_LIST_ID = 'bundled';
export const BUNDLED_LIST_PATH = '/default-debunks.json';
