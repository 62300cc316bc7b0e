/**
 * Canonical JSON for signatures: object keys sorted by code unit, no whitespace, numbers and strings as
 * JSON.stringify writes them (the shape of RFC 8785 for the values feeds contain). The same feed always
 * gives the same bytes, whoever serialised it.
 */
import type { Pause } from '../scheduling/yield';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonical JSON: non-finite number');
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw new Error(`canonical JSON: cannot encode ${typeof value}`);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  return `{${sortedEntries(value as Record<string, unknown>)
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
    .join(',')}}`;
}

/** An object's defined entries, keys sorted by code unit. */
function sortedEntries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The UTF-8 bytes of canonicalJson(value) for an object whose large arrays (a feed's 100,000 items) are
 * encoded a slice at a time, with a pause between slices. Built from per-slice byte chunks: one 30 MB string
 * and its encoding would hold up the worker for most of a second.
 */
export async function canonicalJsonBytes(value: Record<string, unknown>, pause: Pause, slice = 2_000): Promise<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let pending = '{';
  const flush = () => {
    chunks.push(encoder.encode(pending));
    pending = '';
  };
  for (const [n, [key, v]] of sortedEntries(value).entries()) {
    pending += `${n ? ',' : ''}${JSON.stringify(key)}:`;
    if (Array.isArray(v) && v.length > slice) {
      for (let i = 0; i < v.length; i += slice) {
        pending +=
          (i ? ',' : '[') +
          v
            .slice(i, i + slice)
            .map((item) => (item === undefined ? 'null' : canonicalJson(item)))
            .join(',');
        flush();
        await pause();
      }
      pending += ']';
    } else {
      pending += canonicalJson(v);
    }
  }
  pending += '}';
  flush();
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
