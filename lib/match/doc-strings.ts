/**
 * Per-document strings of the index kept without one JS string per document: at 1,000,000 debunks a string
 * each costs ~70 bytes of heap (header, characters, the array's pointer) for an id of ~40 characters, and a
 * woken worker's `split` of the persisted ids kept both the joined string and a sliced string per id.
 */
import type { SliceClock } from '../scheduling/slice-clock';
import { GramTextsBuilder, gramText, type GramTexts } from './char-grams';

/**
 * Document d's id is the UTF-8 in bytes[offsets[d] … offsets[d + 1]). Bytes, not one joined string: a
 * single Arabic letter in one id (a review URL as its id) would make V8 hold the whole joined string at two
 * bytes per character.
 */
export class DocIds {
  constructor(readonly texts: GramTexts) {}

  get length(): number {
    return this.texts.offsets.length - 1;
  }

  at(d: number): string {
    return gramText(this.texts, d);
  }

  toArray(): string[] {
    return Array.from({ length: this.length }, (_, d) => this.at(d));
  }
}

/** Values that few documents share many times (list names, verdicts): each document holds a number into `names`. */
export class DocLabels<T extends string = string> {
  constructor(
    readonly names: readonly T[],
    readonly codes: Uint16Array | Uint32Array,
  ) {}

  get length(): number {
    return this.codes.length;
  }

  at(d: number): T {
    return this.names[this.codes[d]!]!;
  }

  toArray(): T[] {
    return Array.from(this.codes, (c) => this.names[c]!);
  }
}

/** Codes for `count` documents: 16 bits while there are at most 65,536 names. */
const codesFor = (count: number, names: number) => (names <= 0x10000 ? new Uint16Array(count) : new Uint32Array(count));

/**
 * The ids after an index update: those of documents that stay (`stays`; all when null), in order, then the
 * added ones. Runs of kept ids are copied as bytes, as they are.
 */
export function* keptIds(
  old: DocIds | undefined,
  stays: ((d: number) => boolean) | null,
  added: readonly string[],
  clock: SliceClock,
): Generator<void, DocIds> {
  const oldCount = old?.length ?? 0;
  const out = new GramTextsBuilder();
  if (old) {
    for (let d = 0; d < oldCount;) {
      if (stays && !stays(d)) {
        d++;
        continue;
      }
      let end = d + 1;
      while (end < oldCount && (!stays || stays(end)) && end - d < 0x10000) end++;
      out.addFrom(old.texts, d, end);
      d = end;
      if (clock.due()) yield;
    }
  }
  for (let j = 0; j < added.length; j++) {
    out.add(added[j]!);
    if ((j & 0xff) === 0 && clock.due()) yield;
  }
  return new DocIds(out.finish());
}

/**
 * The labels after an index update, as keptIds orders documents. Names no document has any more are left
 * out, so a dropped list's name goes with its documents.
 */
export function* keptLabels<T extends string>(
  old: DocLabels<T> | undefined,
  stays: ((d: number) => boolean) | null,
  added: readonly T[],
  clock: SliceClock,
): Generator<void, DocLabels<T>> {
  const names: T[] = [];
  const numberOf = new Map<T, number>();
  const codeOf = (name: T) => {
    let code = numberOf.get(name);
    if (code === undefined) {
      code = names.length;
      names.push(name);
      numberOf.set(name, code);
    }
    return code;
  };
  const oldCount = old?.length ?? 0;
  const values: number[] = [];
  // Old code → new code (−1: not seen yet), so a kept document costs an array read, not a Map lookup.
  const remap = new Int32Array(old?.names.length ?? 0).fill(-1);
  for (let d = 0; d < oldCount; d++) {
    if (stays && !stays(d)) continue;
    const c = old!.codes[d]!;
    if (remap[c] === -1) remap[c] = codeOf(old!.names[c]!);
    values.push(remap[c]!);
    if ((d & 0xffff) === 0 && clock.due()) yield;
  }
  for (let j = 0; j < added.length; j++) {
    values.push(codeOf(added[j]!));
    if ((j & 0xffff) === 0 && clock.due()) yield;
  }
  const codes = codesFor(values.length, names.length);
  codes.set(values);
  return new DocLabels(names, codes);
}
