/**
 * What the official CAI SDK (`@contentauth/c2pa-web`, c2pa-rs in WASM) said about a file, reduced to what a
 * fact-checker needs: who signed, whether the signature and the hashes check out, and whether an action says
 * a trained model made the content. Pure: it reads the SDK's manifest-store JSON, so it is tested in Node on
 * the SDK's own output for the shared fixtures. An invalid or missing manifest is reported as exactly that.
 */
import { sourceKindOf, SOURCE_KINDS, type SourceKind } from './c2pa';

/** c2pa-rs's `validation_state`, plus "none" (no manifest) and "unreadable" (the SDK failed). */
export type CredentialState = 'trusted' | 'valid' | 'invalid' | 'none' | 'unreadable';

export interface VerifiedCredentials {
  state: CredentialState;
  claimGenerator?: string;
  signer?: { issuer?: string; commonName?: string; alg?: string; time?: string };
  /** The claim signature validated (c2pa-rs `claimSignature.validated`, no signature failure). */
  signatureValid: boolean;
  /** Every hard-binding hash that was checked matched, and none mismatched. */
  hashesValid: boolean | null;
  /** The signer chains to a trust anchor the SDK was given (none are loaded here: test and unknown signers). */
  signerTrusted: boolean;
  actions: { action: string; digitalSourceType?: string; softwareAgent?: string }[];
  sourceKind: SourceKind;
  /** Failure codes with c2pa-rs's explanation, e.g. `assertion.dataHash.mismatch`. */
  failures: { code: string; explanation?: string }[];
  /** The SDK's error when it could not read the file (none for a file without a manifest). */
  error?: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v.slice(0, 500) : undefined);

const agentName = (v: unknown): string | undefined => {
  if (typeof v === 'string') return str(v);
  const a = obj(v);
  const name = str(a.name);
  return name && (str(a.version) ? `${name} ${String(a.version)}` : name);
};

function generatorOf(m: Json): string | undefined {
  const info = arr(m.claim_generator_info).map(agentName).filter(Boolean);
  return info.length ? info.join(', ') : str(m.claim_generator);
}

function strongest(kinds: SourceKind[]): SourceKind {
  return SOURCE_KINDS.find((k) => kinds.includes(k)) ?? 'none';
}

/** The summary of the SDK's manifest store; `null` store with no error means the file carries none. */
export function summariseManifestStore(store: unknown, error?: string): VerifiedCredentials {
  const empty: VerifiedCredentials = {
    state: 'none',
    signatureValid: false,
    hashesValid: null,
    signerTrusted: false,
    actions: [],
    sourceKind: 'none',
    failures: [],
  };
  // c2pa-rs reports a file with no manifest as JumbfNotFound: that is "no Content Credentials", not a fault.
  if (error && !/JumbfNotFound|NotFound/i.test(error)) return { ...empty, state: 'unreadable', error: error.slice(0, 500) };
  const s = obj(store);
  const manifests = obj(s.manifests);
  const active = manifests[String(s.active_manifest)];
  if (!store || !active) return empty;
  const m = obj(active);
  const actions: VerifiedCredentials['actions'] = [];
  for (const assertion of arr(m.assertions)) {
    const a = obj(assertion);
    if (!String(a.label ?? '').startsWith('c2pa.actions')) continue;
    for (const act of arr(obj(a.data).actions)) {
      const x = obj(act);
      const action = str(x.action);
      if (!action) continue;
      const dst = str(x.digitalSourceType);
      const agent = agentName(x.softwareAgent);
      actions.push({ action, ...(dst && { digitalSourceType: dst }), ...(agent && { softwareAgent: agent }) });
    }
  }
  const results = obj(obj(s.validation_results).activeManifest);
  const codes = (list: unknown) => arr(list).map((e) => ({ code: String(obj(e).code ?? ''), explanation: str(obj(e).explanation) }));
  const success = codes(results.success);
  // `signingCredential.untrusted` only says the signer is on no trust list: shown apart, not as a failure.
  const failures = codes(results.failure).filter((f) => f.code !== 'signingCredential.untrusted');
  const failed = (prefix: RegExp) => failures.some((f) => prefix.test(f.code));
  const hashChecks = success.filter((f) => /^assertion\.(dataHash|bmffHash|boxesHash)\.match$/.test(f.code)).length;
  const rawState = String(s.validation_state ?? '').toLowerCase();
  const state: CredentialState = rawState === 'trusted' ? 'trusted' : rawState === 'valid' && !failures.length ? 'valid' : 'invalid';
  const sig = obj(m.signature_info);
  const signer = {
    ...(str(sig.issuer) && { issuer: str(sig.issuer) }),
    ...(str(sig.common_name) && { commonName: str(sig.common_name) }),
    ...(str(sig.alg) && { alg: str(sig.alg) }),
    ...(str(sig.time) && { time: str(sig.time) }),
  };
  const generator = generatorOf(m);
  return {
    state,
    ...(generator && { claimGenerator: generator }),
    ...(Object.keys(signer).length && { signer }),
    signatureValid: success.some((f) => f.code === 'claimSignature.validated') && !failed(/^claimSignature\./),
    hashesValid: failed(/^assertion\.(dataHash|bmffHash|boxesHash|hashedURI)\./) ? false : hashChecks ? true : null,
    signerTrusted: state === 'trusted',
    actions,
    sourceKind: strongest(actions.flatMap((a) => (a.digitalSourceType ? [sourceKindOf(a.digitalSourceType)] : []))),
    failures,
  };
}
