/**
 * Base64 of bytes and back, with the platform's native Uint8Array methods where the browser has them (fast:
 * a video frame's luma is encoded on the page's thread) and btoa/atob elsewhere (Node 20, older browsers).
 */

interface NativeBase64 {
  toBase64?: () => string;
}
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const native = (view as NativeBase64).toBase64;
  if (typeof native === 'function') return native.call(view);
  let binary = '';
  // In slices: spreading a whole frame or feed into one call would overflow the argument limit.
  for (let i = 0; i < view.length; i += 8192) binary += String.fromCharCode(...view.subarray(i, i + 8192));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (typeof nativeFromBase64 === 'function') return nativeFromBase64(text);
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
