/**
 * Browser glue for the official CAI SDK (`@contentauth/c2pa-web`): its WASM and worker are shipped inside the
 * extension (no CDN), loaded on first use. Default settings: no trust list, so a test or unknown signer is
 * reported "untrusted", never "trusted".
 */
import { createC2pa, type C2paSdk } from '@contentauth/c2pa-web';
import wasmSrc from '@contentauth/c2pa-web/resources/c2pa.wasm?url';
import workerSrc from '@contentauth/c2pa-web/c2pa_worker?url';
import { summariseManifestStore, type VerifiedCredentials } from './c2pa-verified';

let sdk: Promise<C2paSdk> | null = null;

/**
 * The SDK loads its worker only from an https: URL (to keep plain http and data: out) or from a blob: URL,
 * which an MV3 extension page's CSP forbids. The worker ships in the extension: its chrome-extension:// (or
 * moz-extension://) URL is a secure origin of our own, so it is passed as what that check is meant to allow.
 */
class PackagedUrl extends URL {
  override get protocol(): string {
    return 'https:';
  }
}

const typeOf = (blob: Blob, name: string): string => {
  if (blob.type) return blob.type;
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return (
    { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', mp4: 'video/mp4', mov: 'video/quicktime' }[ext] ??
    'application/octet-stream'
  );
};

export async function verifyCredentials(blob: Blob, name = ''): Promise<VerifiedCredentials> {
  try {
    sdk ??= createC2pa({ wasmSrc, workerSrc: new PackagedUrl(workerSrc, location.href) });
    const reader = await (await sdk).reader.fromBlob(typeOf(blob, name), blob);
    if (!reader) return summariseManifestStore(null);
    try {
      return summariseManifestStore(await reader.manifestStore());
    } finally {
      await reader.free().catch(() => {});
    }
  } catch (error) {
    return summariseManifestStore(null, error instanceof Error ? error.message : String(error));
  }
}
