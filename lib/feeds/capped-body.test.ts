import { describe, expect, it } from 'vitest';
import { readCappedText } from './capped-body';

const MiB = 1024 * 1024;

/** A chunked body of `chunks` MiB, counting what the reader pulled. */
function chunkedBody(chunks: number, fill = 0x20) {
  const pulled = { bytes: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ === chunks) return controller.close();
      pulled.bytes += MiB;
      controller.enqueue(new Uint8Array(MiB).fill(fill));
    },
  });
  return { response: new Response(stream), pulled };
}

describe('readCappedText', () => {
  it('stops a 200 MiB chunked body at the cap instead of reading it whole', async () => {
    const { response, pulled } = chunkedBody(200);
    await expect(readCappedText(response, 4 * MiB)).rejects.toThrow(/feed too large \(more than 4194304 bytes\)/);
    expect(pulled.bytes).toBeLessThanOrEqual(6 * MiB);
  });

  it('reads a body under the cap whole, UTF-8 split across chunks included', async () => {
    const text = 'سند '.repeat(100_000);
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1001) controller.enqueue(bytes.slice(i, i + 1001));
        controller.close();
      },
    });
    expect(await readCappedText(new Response(stream), bytes.length)).toBe(text);
  });
});
