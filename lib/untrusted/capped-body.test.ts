import { describe, expect, it } from 'vitest';
import { BodyTooLarge, readCappedBytes, readCappedJson, readCappedText } from './capped-body';
import { chunkedBody, MiB } from '../../tests/support/chunked-body';

describe('readCappedText', () => {
  it('stops a 200 MiB chunked body at the cap instead of reading it whole', async () => {
    const { response, pulled } = chunkedBody(200);
    await expect(readCappedText(response, 4 * MiB, 'feed')).rejects.toThrow(/feed too large \(more than 4194304 bytes\)/);
    expect(pulled.bytes).toBeLessThanOrEqual(6 * MiB);
  });

  it('refuses a Content-Length over the cap without reading a byte', async () => {
    const { response, pulled } = chunkedBody(200, { contentLength: 200 * MiB });
    await expect(readCappedText(response, 4 * MiB)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(pulled.bytes).toBeLessThanOrEqual(MiB);
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

describe('readCappedBytes', () => {
  it('returns the exact bytes up to the cap and stops one byte over', async () => {
    const { response } = chunkedBody(3, { fill: 7 });
    const bytes = await readCappedBytes(response, 3 * MiB);
    expect(bytes.byteLength).toBe(3 * MiB);
    expect(bytes[0]).toBe(7);
    expect(bytes[3 * MiB - 1]).toBe(7);
    const over = chunkedBody(3);
    await expect(readCappedBytes(over.response, 3 * MiB - 1, 'image')).rejects.toThrow(/image too large/);
  });
});

describe('readCappedJson', () => {
  it('parses JSON under the cap and answers null for an oversized or broken body', async () => {
    expect(await readCappedJson(new Response('{"id":4}'), 100)).toEqual({ id: 4 });
    expect(await readCappedJson(new Response('<html>portal</html>'), 100)).toBeNull();
    const { response, pulled } = chunkedBody(50);
    expect(await readCappedJson(response, 64 * 1024)).toBeNull();
    expect(pulled.bytes).toBeLessThanOrEqual(2 * MiB);
  });
});
