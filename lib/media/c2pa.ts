/**
 * Content Credentials (C2PA) reader: finds the manifest store a file carries (JPEG APP11 segments, PNG `caBX`
 * chunk, MP4 top-level `uuid` box), walks its JUMBF boxes and decodes the active manifest's claim and actions.
 * It reports what the manifest *says*; it does not check the signature or the certificate chain, and every
 * summary says so (`signatureChecked: false`), because an unverified manifest is a claim by whoever wrote the
 * file, never proof. `checkDataHash` can tell whether a JPEG/PNG was changed after its manifest was written. Pure and defensive: any byte string gives a summary, never an exception,
 * and work is bounded by the caps below.
 */
import { CborError, decodeCbor, type CborValue } from './cbor';

/** What a `digitalSourceType` (IPTC code) tells about how the content came to be. */
export type SourceKind =
  | 'ai-generated' // trainedAlgorithmicMedia: made by a trained model
  | 'ai-composite' // compositeWithTrainedAlgorithmicMedia: a trained model's output mixed into other content
  | 'algorithmic' // algorithmicMedia: made by a program, but not a trained model
  | 'composite' // composite, compositeCapture, compositeSynthetic: several elements combined
  | 'other' // a capture, digital art, edits… (see `digitalSourceTypes`)
  | 'none'; // no action names a digitalSourceType

export interface CredentialAction {
  action: string;
  digitalSourceType?: string;
  softwareAgent?: string;
}

/** A `c2pa.hash.data` assertion: the hash of the file's bytes less the excluded ranges (the manifest itself). */
export interface DataHash {
  alg: string;
  /** Lower-case hex. */
  hash: string;
  exclusions: { start: number; length: number }[];
}

export interface ContentCredentials {
  /** True when a C2PA manifest store was found and its active manifest's claim could be read. */
  present: boolean;
  container: 'jpeg' | 'png' | 'mp4' | 'unknown';
  manifestCount: number;
  /** Label of the active (last) manifest in the store. */
  activeManifest?: string;
  claimVersion?: 1 | 2;
  claimGenerator?: string;
  actions: CredentialAction[];
  /** Every digitalSourceType named by the active manifest's actions, as written. */
  digitalSourceTypes: string[];
  /** The strongest of those: AI-generated outranks AI-composite, which outranks algorithmic, and so on. */
  sourceKind: SourceKind;
  /** Titles of the ingredients (parent or component files) the active manifest names. */
  ingredients: string[];
  /** The active manifest's hard binding to a JPEG/PNG's bytes (`c2pa.hash.data`), for `checkDataHash`. */
  dataHash?: DataHash;
  /** Always false: this reader never validates signatures or certificates. */
  signatureChecked: false;
  /** Why part of the credentials could not be read (empty when everything found was readable). */
  problems: string[];
}

/** Caps that bound the work on a crafted file. */
export const C2PA_LIMITS = { maxBoxes: 20_000, maxDepth: 16, maxJpegSegments: 10_000, maxMp4Boxes: 10_000 } as const;

const C2PA_MP4_UUID = 'd8fec3d61b0e483c92975828877ec481';

/** Reads the Content Credentials summary of a file's bytes. Never throws. */
export function readContentCredentials(bytes: Uint8Array): ContentCredentials {
  const container = sniffContainer(bytes);
  const summary = emptySummary(container);
  try {
    const store =
      container === 'jpeg'
        ? jpegManifestStore(bytes, summary.problems)
        : container === 'png'
          ? pngManifestStore(bytes, summary.problems)
          : container === 'mp4'
            ? mp4ManifestStore(bytes, summary.problems)
            : null;
    if (container === 'unknown') summary.problems.push('not a JPEG, PNG or MP4 file');
    if (store) readStore(store, summary);
  } catch (error) {
    // Only our own bounds checks throw; keep whatever was read before the fault.
    summary.problems.push(error instanceof Error ? error.message : String(error));
  }
  return summary;
}

function emptySummary(container: ContentCredentials['container']): ContentCredentials {
  return {
    present: false,
    container,
    manifestCount: 0,
    actions: [],
    digitalSourceTypes: [],
    sourceKind: 'none',
    ingredients: [],
    signatureChecked: false,
    problems: [],
  };
}

function sniffContainer(b: Uint8Array): ContentCredentials['container'] {
  if (b[0] === 0xff && b[1] === 0xd8) return 'jpeg';
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') return 'png';
  if (b.length >= 8 && ascii(b, 4, 4) === 'ftyp') return 'mp4';
  return 'unknown';
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
const u64 = (b: Uint8Array, at: number) => u32(b, at) * 2 ** 32 + u32(b, at + 4);

// ---- containers ------------------------------------------------------------------------------------------

/**
 * JPEG: the store is split over APP11 segments ("JP", box instance En, sequence Z); every segment after the
 * first repeats the box's 8-byte (or 16-byte, with XLBox) header, which is dropped when joining.
 */
function jpegManifestStore(b: Uint8Array, problems: string[]): Uint8Array | null {
  const parts = new Map<number, { sequence: number; data: Uint8Array }[]>();
  let at = 2;
  for (let segments = 0; at + 4 <= b.length && segments < C2PA_LIMITS.maxJpegSegments; segments++) {
    if (b[at] !== 0xff) break;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // scan data: metadata segments come before it
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16(b, at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > b.length) {
      problems.push(`JPEG segment at byte ${at} runs past the end of the file`);
      break;
    }
    if (marker === 0xeb && length >= 2 + 8 + 8 && b[at + 4] === 0x4a && b[at + 5] === 0x50) {
      const instance = u16(b, at + 6);
      const sequence = u32(b, at + 8);
      const list = parts.get(instance) ?? [];
      list.push({ sequence, data: b.subarray(at + 12, end) });
      parts.set(instance, list);
    }
    at = end;
  }
  for (const list of parts.values()) {
    list.sort((x, y) => x.sequence - y.sequence);
    const first = list[0]!.data;
    if (ascii(first, 4, 4) !== 'jumb') continue;
    const headerLength = u32(first, 0) === 1 ? 16 : 8;
    const pieces = [first, ...list.slice(1).map((p) => p.data.subarray(Math.min(headerLength, p.data.length)))];
    const joined = concat(pieces);
    if (isC2paStore(joined)) return joined;
  }
  return null;
}

/** PNG: the store is the whole content of one `caBX` chunk. */
function pngManifestStore(b: Uint8Array, problems: string[]): Uint8Array | null {
  let at = 8;
  while (at + 12 <= b.length) {
    const length = u32(b, at);
    const type = ascii(b, at + 4, 4);
    const end = at + 12 + length;
    if (end > b.length) {
      problems.push(`PNG chunk ${type} at byte ${at} runs past the end of the file`);
      return null;
    }
    if (type === 'caBX') return b.subarray(at + 8, at + 8 + length);
    if (type === 'IEND') return null;
    at = end;
  }
  return null;
}

/** MP4: a top-level `uuid` box with the C2PA UUID, version/flags, purpose "manifest", an 8-byte offset, the store. */
function mp4ManifestStore(b: Uint8Array, problems: string[]): Uint8Array | null {
  let at = 0;
  for (let boxes = 0; at + 8 <= b.length && boxes < C2PA_LIMITS.maxMp4Boxes; boxes++) {
    let size = u32(b, at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > b.length) break;
      size = u64(b, at + 8);
      header = 16;
    } else if (size === 0) size = b.length - at;
    if (size < header) {
      problems.push(`MP4 box at byte ${at} has an impossible size`);
      return null;
    }
    const end = Math.min(at + size, b.length);
    if (ascii(b, at + 4, 4) === 'uuid' && at + header + 16 <= end && hex(b.subarray(at + header, at + header + 16)) === C2PA_MP4_UUID) {
      let p = at + header + 16 + 4; // after version and flags
      const purposeEnd = b.indexOf(0, p);
      if (purposeEnd < 0 || purposeEnd >= end) break;
      const purpose = ascii(b, p, purposeEnd - p);
      p = purposeEnd + 1;
      if (purpose === 'manifest') return b.subarray(p + 8, end);
    }
    at += size;
  }
  return null;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function concat(pieces: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of pieces) out.set(p, (offset += p.length) - p.length);
  return out;
}

// ---- JUMBF -----------------------------------------------------------------------------------------------

/** A JUMBF box: superboxes (`jumb`) carry a label from their description box and children; others a payload. */
interface JumbfBox {
  type: string;
  label?: string;
  children: JumbfBox[];
  payload: Uint8Array;
}

function isC2paStore(bytes: Uint8Array): boolean {
  const [root] = parseBoxes(bytes, { count: 0 }, 0, 1);
  return root?.type === 'jumb' && root.label === 'c2pa';
}

function parseBoxes(bytes: Uint8Array, budget: { count: number }, depth: number, max = Infinity): JumbfBox[] {
  const boxes: JumbfBox[] = [];
  let at = 0;
  while (at + 8 <= bytes.length && boxes.length < max) {
    if (++budget.count > C2PA_LIMITS.maxBoxes) throw new Error('JUMBF has too many boxes');
    let size = u32(bytes, at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > bytes.length) throw new Error('JUMBF box header truncated');
      size = u64(bytes, at + 8);
      header = 16;
    } else if (size === 0) size = bytes.length - at;
    if (size < header || at + size > bytes.length) throw new Error(`JUMBF box at byte ${at} runs past its parent`);
    const type = ascii(bytes, at + 4, 4);
    const payload = bytes.subarray(at + header, at + size);
    boxes.push(type === 'jumb' ? superbox(payload, budget, depth) : { type, children: [], payload });
    at += size;
  }
  return boxes;
}

function superbox(payload: Uint8Array, budget: { count: number }, depth: number): JumbfBox {
  if (depth >= C2PA_LIMITS.maxDepth) throw new Error('JUMBF nested too deeply');
  const [description] = parseBoxes(payload, budget, depth + 1, 1);
  const box: JumbfBox = { type: 'jumb', children: [], payload };
  if (!description || description.type !== 'jumd') return box;
  const d = description.payload;
  const toggles = d[16] ?? 0;
  if (toggles & 0x02) {
    const end = d.indexOf(0, 17);
    box.label = new TextDecoder().decode(d.subarray(17, end < 0 ? d.length : end));
  }
  const descriptionLength = u32(payload, 0) || payload.length;
  box.children = parseBoxes(payload.subarray(descriptionLength), budget, depth + 1);
  return box;
}

// ---- manifests -------------------------------------------------------------------------------------------

function readStore(store: Uint8Array, summary: ContentCredentials): void {
  const [root] = parseBoxes(store, { count: 0 }, 0, 1);
  if (!root || root.label !== 'c2pa') return;
  const manifests = root.children.filter((c) => c.type === 'jumb');
  summary.manifestCount = manifests.length;
  // The active manifest is the last one in the store (C2PA 2.x §11.1.4); earlier ones belong to ingredients.
  const active = manifests.at(-1);
  if (!active) {
    summary.problems.push('the manifest store holds no manifest');
    return;
  }
  summary.activeManifest = active.label;
  const claimBox = active.children.find((c) => c.label === 'c2pa.claim.v2' || c.label === 'c2pa.claim');
  const claim = claimBox && cborContent(claimBox, summary.problems, 'claim');
  if (!isMap(claim)) {
    summary.problems.push('the active manifest has no readable claim');
    return;
  }
  summary.present = true;
  summary.claimVersion = claimBox!.label === 'c2pa.claim.v2' ? 2 : 1;
  summary.claimGenerator = claimGenerator(claim);

  const assertions = active.children.find((c) => c.label === 'c2pa.assertions')?.children ?? [];
  for (const assertion of assertions) {
    const label = (assertion.label ?? '').replace(/__\d+$/, ''); // "c2pa.actions__1": a second instance
    if (label === 'c2pa.actions' || label === 'c2pa.actions.v2') readActions(assertion, summary);
    else if (label === 'c2pa.hash.data' && !summary.dataHash) {
      const dataHash = readDataHash(cborContent(assertion, summary.problems, label), claim.alg);
      if (dataHash) summary.dataHash = dataHash;
    } else if (/^c2pa\.ingredient(\.v\d+)?$/.test(label)) {
      const ingredient = cborContent(assertion, summary.problems, label);
      const title = isMap(ingredient) ? text(ingredient['dc:title'] ?? ingredient.title) : undefined;
      if (title) summary.ingredients.push(title);
    }
  }
  summary.digitalSourceTypes = [...new Set(summary.actions.flatMap((a) => (a.digitalSourceType ? [a.digitalSourceType] : [])))];
  summary.sourceKind = strongestSourceKind(summary.digitalSourceTypes);
}

function readActions(assertion: JumbfBox, summary: ContentCredentials): void {
  const data = cborContent(assertion, summary.problems, assertion.label ?? 'actions');
  const list = isMap(data) && Array.isArray(data.actions) ? data.actions : [];
  for (const entry of list) {
    if (!isMap(entry) || typeof entry.action !== 'string') continue;
    const action: CredentialAction = { action: entry.action };
    const source = text(entry.digitalSourceType);
    if (source) action.digitalSourceType = source;
    const agent = softwareAgent(entry.softwareAgent);
    if (agent) action.softwareAgent = agent;
    summary.actions.push(action);
  }
}

function readDataHash(data: CborValue | undefined, claimAlg: CborValue): DataHash | undefined {
  if (!isMap(data) || !(data.hash instanceof Uint8Array)) return undefined;
  const alg = text(data.alg) ?? text(claimAlg) ?? 'sha256';
  const exclusions = (Array.isArray(data.exclusions) ? data.exclusions : []).slice(0, 1000).flatMap((e) => {
    const start = isMap(e) ? e.start : undefined;
    const length = isMap(e) ? e.length : undefined;
    return typeof start === 'number' && typeof length === 'number' && start >= 0 && length >= 0 ? [{ start, length }] : [];
  });
  return { alg, hash: hex(data.hash), exclusions };
}

const SUBTLE_ALGORITHMS: Record<string, string> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

/**
 * Whether the file's bytes (less the manifest's exclusions) still hash to what the manifest recorded: a
 * mismatch means the content was changed after the manifest was written. A match proves only that the two
 * agree: without a checked signature anyone could have written both. `unchecked` when there is no data hash
 * (MP4 files bind with a BMFF hash, not read here) or its algorithm is unknown.
 */
export async function checkDataHash(bytes: Uint8Array, dataHash: DataHash | undefined): Promise<'match' | 'mismatch' | 'unchecked'> {
  const algorithm = dataHash && SUBTLE_ALGORITHMS[dataHash.alg];
  if (!dataHash || !algorithm) return 'unchecked';
  const kept: Uint8Array[] = [];
  let at = 0;
  for (const { start, length } of [...dataHash.exclusions].sort((a, b) => a.start - b.start)) {
    if (start < at || start + length > bytes.length) return 'mismatch'; // overlapping or outside the file
    kept.push(bytes.subarray(at, start));
    at = start + length;
  }
  kept.push(bytes.subarray(at));
  const digest = new Uint8Array(await crypto.subtle.digest(algorithm, concat(kept)));
  return hex(digest) === dataHash.hash ? 'match' : 'mismatch';
}

/** Claim v1 has a `claim_generator` string; v2 only `claim_generator_info` (one map, or a list in some v1 files). */
function claimGenerator(claim: { [key: string]: CborValue }): string | undefined {
  const plain = text(claim.claim_generator);
  if (plain) return plain;
  const info = Array.isArray(claim.claim_generator_info) ? claim.claim_generator_info : [claim.claim_generator_info];
  const names = info.map(softwareAgent).filter((s): s is string => !!s);
  return names.length ? names.join(' ') : undefined;
}

/** A softwareAgent or generator: a string (v1) or `{name, version}` (v2). */
function softwareAgent(value: CborValue): string | undefined {
  if (typeof value === 'string') return value.slice(0, 200);
  if (!isMap(value)) return undefined;
  const name = text(value.name);
  const version = text(value.version);
  return name ? (version ? `${name} ${version}` : name) : undefined;
}

function cborContent(box: JumbfBox, problems: string[], what: string): CborValue | undefined {
  const content = box.children.find((c) => c.type === 'cbor');
  if (!content) return undefined;
  try {
    return decodeCbor(content.payload);
  } catch (error) {
    if (!(error instanceof CborError)) throw error;
    problems.push(`${what}: ${error.message}`);
    return undefined;
  }
}

const isMap = (v: CborValue | undefined): v is { [key: string]: CborValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
const text = (v: CborValue | undefined) => (typeof v === 'string' && v ? v.slice(0, 500) : undefined);

/** Every source kind, strongest first. */
export const SOURCE_KINDS: readonly SourceKind[] = ['ai-generated', 'ai-composite', 'algorithmic', 'composite', 'other', 'none'];

/** The IPTC digital source type code (the last path segment of its URI) → what it says about the content. */
export function sourceKindOf(digitalSourceType: string): SourceKind {
  const code = digitalSourceType.split('/').pop() ?? '';
  if (code === 'trainedAlgorithmicMedia') return 'ai-generated';
  if (code === 'compositeWithTrainedAlgorithmicMedia') return 'ai-composite';
  if (code === 'algorithmicMedia') return 'algorithmic';
  if (code === 'composite' || code === 'compositeCapture' || code === 'compositeSynthetic') return 'composite';
  return 'other';
}

function strongestSourceKind(types: string[]): SourceKind {
  const kinds = types.map(sourceKindOf);
  return SOURCE_KINDS.find((k) => kinds.includes(k)) ?? 'none';
}

/** One line for a person: what the credentials say, and that nobody checked them. */
export function describeContentCredentials(c: ContentCredentials): string {
  if (!c.present) return c.problems.length ? `No readable Content Credentials (${c.problems[0]})` : 'No Content Credentials';
  const edits = c.actions.filter((a) => a.action !== 'c2pa.created').map((a) => a.action.replace(/^c2pa\./, ''));
  const made =
    c.sourceKind === 'ai-generated'
      ? 'generated by AI (a trained model)'
      : c.sourceKind === 'ai-composite'
        ? 'contains AI-generated content'
        : c.sourceKind === 'algorithmic'
          ? 'made by an algorithm, not a trained model'
          : c.sourceKind === 'composite'
            ? 'a composite'
            : edits.length
              ? `edited (${edits.join(', ')}), no AI named`
              : 'no AI named';
  return `Content Credentials from ${c.claimGenerator ?? 'an unnamed tool'}: ${made}; signature not checked`;
}
