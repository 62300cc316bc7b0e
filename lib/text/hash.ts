/** A short, stable, non-cryptographic hash (two FNV-1a style lanes) for ids and change detection. */
import { yieldToEventLoop, type Pause } from '../scheduling/yield';

class TextHasher {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193;

  update(text: string): void {
    let { h1, h2 } = this;
    for (const ch of text) {
      const c = ch.codePointAt(0) ?? 0;
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    }
    Object.assign(this, { h1, h2 });
  }

  digest(): string {
    return `${this.h1.toString(36)}${(this.h2 & 0x1fffff).toString(36)}`;
  }
}

export function hashText(...parts: string[]): string {
  const hasher = new TextHasher();
  hasher.update(parts.join('\u0000'));
  return hasher.digest();
}

/** CHARS_PER_SLICE characters take a few milliseconds. */
const CHARS_PER_SLICE = 1 << 20;

/** hashText(text) for a large text (a 30 MB feed body), a slice at a time with a pause between slices. */
export async function hashTextInSlices(text: string, pause: Pause = yieldToEventLoop): Promise<string> {
  const hasher = new TextHasher();
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHARS_PER_SLICE);
    // Never split a surrogate pair: the hash reads code points.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    hasher.update(text.slice(start, end));
    start = end;
    if (start < text.length) await pause();
  }
  return hasher.digest();
}
