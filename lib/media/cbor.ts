/**
 * A small, bounded CBOR (RFC 8949) decoder for the claims and assertions inside C2PA manifests. Hostile files
 * are the normal case here, so every length is checked against the bytes left, nesting and item counts are
 * capped, and any fault throws a `CborError` that the caller turns into a readable problem. Tags are dropped
 * (their content is kept); byte strings stay `Uint8Array`s; maps become plain objects with string keys.
 */

export type CborValue = number | bigint | string | boolean | null | undefined | Uint8Array | CborValue[] | { [key: string]: CborValue };

export class CborError extends Error {}

/** Limits: nesting a C2PA claim needs is < 10 levels; the item cap bounds work on a crafted million-entry map. */
export const CBOR_LIMITS = { maxDepth: 64, maxItems: 200_000 } as const;

const BREAK = Symbol('break');

/** Decodes one CBOR data item that fills `bytes` (trailing bytes are an error). */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let items = 0;

  const need = (n: number) => {
    if (n < 0 || at + n > bytes.length) throw new CborError(`CBOR truncated at byte ${at}`);
  };
  const readArgument = (info: number): number | bigint => {
    if (info < 24) return info;
    if (info === 24) return (need(1), bytes[at++]!);
    if (info === 25) return (need(2), (at += 2), view.getUint16(at - 2));
    if (info === 26) return (need(4), (at += 4), view.getUint32(at - 4));
    if (info === 27) {
      need(8);
      const big = view.getBigUint64(at);
      at += 8;
      return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    }
    throw new CborError(`CBOR reserved argument ${info} at byte ${at}`);
  };
  const lengthOf = (info: number): number => {
    const n = readArgument(info);
    if (typeof n === 'bigint' || n > bytes.length) throw new CborError(`CBOR length ${n} exceeds the data`);
    return n;
  };
  const readString = (major: number, info: number): Uint8Array | string => {
    const chunks: Uint8Array[] = [];
    if (info === 31) {
      // Indefinite length: definite chunks of the same major type until a break.
      for (;;) {
        need(1);
        if (bytes[at] === 0xff) return (at++, joinString(major, chunks));
        const head = bytes[at++]!;
        if (head >> 5 !== major || (head & 31) === 31) throw new CborError('CBOR bad string chunk');
        chunks.push(take(lengthOf(head & 31)));
      }
    }
    chunks.push(take(lengthOf(info)));
    return joinString(major, chunks);
  };
  const take = (n: number) => {
    need(n);
    at += n;
    return bytes.subarray(at - n, at);
  };

  const readItem = (depth: number): CborValue | typeof BREAK => {
    if (depth > CBOR_LIMITS.maxDepth) throw new CborError('CBOR nested too deeply');
    if (++items > CBOR_LIMITS.maxItems) throw new CborError('CBOR has too many items');
    need(1);
    const head = bytes[at++]!;
    const major = head >> 5;
    const info = head & 31;
    switch (major) {
      case 0:
        return readArgument(info);
      case 1: {
        const n = readArgument(info);
        return typeof n === 'bigint' ? -1n - n : -1 - n;
      }
      case 2:
      case 3:
        return readString(major, info);
      case 4: {
        const list: CborValue[] = [];
        if (info === 31) {
          for (let v = readItem(depth + 1); v !== BREAK; v = readItem(depth + 1)) list.push(v);
          return list;
        }
        const n = lengthOf(info);
        for (let i = 0; i < n; i++) list.push(readValue(depth + 1));
        return list;
      }
      case 5: {
        const map: { [key: string]: CborValue } = Object.create(null) as { [key: string]: CborValue };
        const n = info === 31 ? Infinity : lengthOf(info);
        for (let i = 0; i < n; i++) {
          const key = readItem(depth + 1);
          if (key === BREAK && info === 31) break;
          if (key === BREAK) throw new CborError('CBOR unexpected break');
          map[keyString(key)] = readValue(depth + 1);
        }
        return map;
      }
      case 6:
        readArgument(info); // the tag number: C2PA readers need only the content
        return readValue(depth + 1);
      default:
        return readSimple(info);
    }
  };
  const readValue = (depth: number): CborValue => {
    const v = readItem(depth);
    if (v === BREAK) throw new CborError('CBOR unexpected break');
    return v;
  };
  const readSimple = (info: number): CborValue | typeof BREAK => {
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22) return null;
    if (info === 23) return undefined;
    if (info === 24) return (need(1), at++, undefined);
    if (info === 25) return (need(2), (at += 2), halfFloat(view.getUint16(at - 2)));
    if (info === 26) return (need(4), (at += 4), view.getFloat32(at - 4));
    if (info === 27) return (need(8), (at += 8), view.getFloat64(at - 8));
    if (info === 31) return BREAK;
    if (info < 20) return undefined; // unassigned simple values
    throw new CborError(`CBOR reserved simple value ${info}`);
  };

  const value = readValue(0);
  if (at !== bytes.length) throw new CborError(`CBOR has ${bytes.length - at} trailing bytes`);
  return value;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

function joinString(major: number, chunks: Uint8Array[]): Uint8Array | string {
  const total = chunks.reduce((sum, c) => sum + c.length, 0);
  const joined = chunks.length === 1 ? chunks[0]! : new Uint8Array(total);
  if (chunks.length !== 1) {
    let offset = 0;
    for (const c of chunks) joined.set(c, (offset += c.length) - c.length);
  }
  return major === 3 ? utf8.decode(joined) : joined;
}

function keyString(key: CborValue): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number' || typeof key === 'bigint') return String(key);
  throw new CborError('CBOR map key is not a string or integer');
}

function halfFloat(h: number): number {
  const exponent = (h >> 10) & 0x1f;
  const mantissa = h & 0x3ff;
  const sign = h & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}
