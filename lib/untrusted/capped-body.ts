/**
 * Reading a remote body with a byte cap while it streams. Every body the extension or the service reads from
 * another host goes through here: a host that sends 200 MiB without a Content-Length (chunked) is stopped
 * at the cap, not read whole and measured after. A Content-Length above the cap is refused before reading.
 */

/** The body was larger than the reader allowed. `what` names it in the message ("feed too large …"). */
export class BodyTooLarge extends Error {
  constructor(
    readonly what: string,
    readonly maxBytes: number,
  ) {
    super(`${what} too large (more than ${maxBytes} bytes)`);
    this.name = 'BodyTooLarge';
  }
}

/**
 * Hands each chunk of the body to `take`, at most `maxBytes` in all: a declared length over the cap is refused
 * unread, and the stream is cancelled at the first byte over it. Returns false when there is no body.
 */
async function readChunks(response: Response, maxBytes: number, what: string, take: (chunk: Uint8Array) => void): Promise<boolean> {
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new BodyTooLarge(what, maxBytes);
  }
  if (!response.body) return false;
  const reader = response.body.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge(what, maxBytes);
    }
    take(value);
  }
}

/** The whole body as bytes, at most `maxBytes`; the stream is cancelled at the first byte over. */
export async function readCappedBytes(response: Response, maxBytes: number, what = 'body'): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  await readChunks(response, maxBytes, what, (chunk) => parts.push(chunk));
  const whole = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.byteLength;
  }
  return whole;
}

/** The body as UTF-8 text (decoded as it streams, so a character split across chunks survives). */
export async function readCappedText(response: Response, maxBytes: number, what = 'body'): Promise<string> {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  if (!(await readChunks(response, maxBytes, what, (chunk) => parts.push(decoder.decode(chunk, { stream: true }))))) return '';
  parts.push(decoder.decode());
  return parts.join('');
}

/** The body parsed as JSON, or null when it is too large, cut off or not JSON: the caller treats it as no answer. */
export async function readCappedJson(response: Response, maxBytes: number): Promise<unknown> {
  try {
    return JSON.parse(await readCappedText(response, maxBytes)) as unknown;
  } catch {
    return null;
  }
}
