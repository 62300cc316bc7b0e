/**
 * The official CAI SDK's reader for the command line: the very WASM file `@contentauth/c2pa-web` ships inside
 * the extension (c2pa-rs, from `@contentauth/c2pa-wasm`), run in Node with the same default settings (no trust
 * list), so `npm run media -- c2pa` checks signatures and hashes exactly as the media tools page does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, WasmReader } from '@contentauth/c2pa-wasm';
import { summariseManifestStore, type VerifiedCredentials } from '../../lib/media/c2pa-verified';

const BYTES = Symbol('bytes');

/**
 * The SDK reads a Blob with `FileReaderSync`, which exists only in browser workers. A Blob that keeps its bytes
 * (and whose slices do too) lets a stand-in answer synchronously, as the worker's reader does.
 */
class BytesBlob extends Blob {
  readonly [BYTES]: Uint8Array;
  constructor(bytes: Uint8Array, type = '') {
    super([bytes as BlobPart], { type });
    this[BYTES] = bytes;
  }
  override slice(start = 0, end = this[BYTES].length, type = ''): Blob {
    const n = this[BYTES].length;
    const at = (i: number) => Math.min(n, Math.max(0, i < 0 ? n + i : i));
    return new BytesBlob(this[BYTES].subarray(at(start), Math.max(at(start), at(end))), type);
  }
}

class FileReaderSyncForBytes {
  readAsArrayBuffer(blob: Blob): ArrayBuffer {
    if (!(blob instanceof BytesBlob)) throw new TypeError('only blobs made by this reader can be read');
    // A copy of exactly these bytes: a Node Buffer's slice() shares, and its .buffer is the whole file (or pool).
    return new Uint8Array(blob[BYTES]).buffer;
  }
}

let ready = false;
function init(): void {
  if (ready) return;
  const g = globalThis as { FileReaderSync?: unknown };
  g.FileReaderSync ??= FileReaderSyncForBytes;
  const require = createRequire(import.meta.url);
  initSync({ module: readFileSync(require.resolve('@contentauth/c2pa-web/resources/c2pa.wasm')) });
  ready = true;
}

const FORMATS: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  heic: 'image/heic',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
};

/** The format the SDK is told, from the file's extension (what the media tools page does without a type). */
export const formatOf = (name: string): string => FORMATS[name.toLowerCase().split('.').pop() ?? ''] ?? 'application/octet-stream';

/** What the official SDK says of a file's Content Credentials, summarised as the media tools page shows it. */
export async function verifyFileCredentials(bytes: Uint8Array, name: string): Promise<VerifiedCredentials> {
  let reader: WasmReader | undefined;
  try {
    init();
    reader = await WasmReader.fromBlob(formatOf(name), new BytesBlob(bytes));
    return summariseManifestStore(reader.manifestStore());
  } catch (error) {
    // A file without a manifest comes back as JumbfNotFound, which the summary reads as "none".
    return summariseManifestStore(null, error instanceof Error ? error.message : String(error));
  } finally {
    reader?.free();
  }
}
