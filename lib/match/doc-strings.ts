/**
 * Per-document strings of the index kept without one JS string per document: at 1,000,000 debunks a string
 * each costs ~70 bytes of heap (header, characters, the array's pointer) for an id of ~40 characters, and a
 * woken worker's `split` of the persisted ids kept both the joined string and a sliced string per id.
 */
import type { SliceClock } from '../scheduling/slice-clock';

/** Document d's string is text.slice(offsets[d], offsets[d + 1]): one joined string and its offsets. */
export class DocIds {
  constructor(
    readonly text: string,
    readonly offsets: Int32Array,
  ) {}

  get length(): number {
    return this.offsets.length - 1;
  }

  at(d: number): string {
    return this.text.slice(this.offsets[d]!, this.offsets[d + 1]!);
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
 * added ones. Runs of kept ids are copied as one slice each.
 */
export function* keptIds(
  old: DocIds | undefined,
  stays: ((d: number) => boolean) | null,
  added: readonly string[],
  clock: SliceClock,
): Generator<void, DocIds> {
  const oldCount = old?.length ?? 0;
  const keptCount = stays ? countKept(oldCount, stays) : oldCount;
  const offsets = new Int32Array(keptCount + added.length + 1);
  const pieces: string[] = [];
  let n = 0;
  if (old) {
    for (let d = 0; d < oldCount;) {
      if (stays && !stays(d)) {
        d++;
        continue;
      }
      let end = d;
      while (end < oldCount && (!stays || stays(end))) {
        offsets[n + 1] = offsets[n]! + old.offsets[end + 1]! - old.offsets[end]!;
        n++;
        end++;
        if ((end & 0xffff) === 0) break;
      }
      pieces.push(old.text.slice(old.offsets[d]!, old.offsets[end]!));
      d = end;
      if (clock.due()) yield;
    }
  }
  for (let j = 0; j < added.length; j++) {
    offsets[n + 1] = offsets[n]! + added[j]!.length;
    n++;
    pieces.push(added[j]!); // one by one: spreading a million arguments overflows the stack
    if ((j & 0xffff) === 0 && clock.due()) yield;
  }
  return new DocIds(pieces.join(''), offsets);
}

function countKept(oldCount: number, stays: (d: number) => boolean): number {
  let kept = 0;
  for (let d = 0; d < oldCount; d++) if (stays(d)) kept++;
  return kept;
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
