/** Bodies for byte-cap tests: a chunked stream of whole MiB chunks that counts what its reader pulled. */
export const MiB = 1024 * 1024;

export function chunkedBody(
  chunks: number,
  {
    fill = 0x20,
    contentLength,
    headers = {},
    status = 200,
  }: { fill?: number; contentLength?: number; headers?: Record<string, string>; status?: number } = {},
) {
  const pulled = { bytes: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ === chunks) return controller.close();
      pulled.bytes += MiB;
      controller.enqueue(new Uint8Array(MiB).fill(fill));
    },
  });
  const response = new Response(stream, {
    status,
    headers: { ...headers, ...(contentLength !== undefined && { 'content-length': String(contentLength) }) },
  });
  return { response, pulled };
}
