import { describe, expect, it } from 'vitest';
import type { VerifiedCredentials } from '../media/c2pa-verified';
import { pageCredentials, pageCredentialsOf } from './page-credentials';

const base: VerifiedCredentials = {
  state: 'valid',
  claimGenerator: 'Some Generator 1.0',
  signer: { commonName: 'Example Signer', issuer: 'Example CA', alg: 'es256' },
  signatureValid: true,
  hashesValid: true,
  signerTrusted: false,
  actions: [{ action: 'c2pa.created', digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia' }],
  sourceKind: 'ai-generated',
  failures: [],
};

describe('page credentials (the badge panel’s plain fields)', () => {
  it('keeps of valid ones the signer, whether it is trusted and what the actions say, nothing of the manifest', () => {
    expect(pageCredentialsOf(base)).toEqual({
      state: 'valid',
      signer: 'Example Signer, Example CA',
      signerTrusted: false,
      sourceKind: 'ai-generated',
    });
    expect(pageCredentialsOf({ ...base, state: 'trusted', signerTrusted: true })).toMatchObject({ state: 'valid', signerTrusted: true });
  });

  it('never carries what an invalid or unreadable manifest claims, only why it fails', () => {
    const changed = {
      ...base,
      state: 'invalid' as const,
      hashesValid: false,
      failures: [{ code: 'assertion.dataHash.mismatch' }, { code: 'assertion.dataHash.mismatch' }],
    };
    expect(pageCredentialsOf(changed)).toEqual({
      state: 'invalid',
      signer: 'Example Signer, Example CA',
      signerTrusted: false,
      reason: 'changed',
      failureCodes: ['assertion.dataHash.mismatch'],
    });
    const many = {
      ...changed,
      hashesValid: true,
      failures: Array.from({ length: 20 }, (_, i) => ({ code: `code.${i}`.padEnd(300, 'x') })),
    };
    const other = pageCredentialsOf(many)!;
    expect(other.reason).toBe('other');
    expect(other.failureCodes).toHaveLength(8);
    expect(other.failureCodes!.every((c) => c.length <= 100)).toBe(true);
    expect(pageCredentialsOf({ ...changed, signatureValid: false, hashesValid: null })!.reason).toBe('signature');
    const unreadable = pageCredentialsOf({ ...base, state: 'unreadable', signer: undefined, error: 'e'.repeat(1000) })!;
    expect(unreadable).toEqual({ state: 'unreadable', signerTrusted: false, error: expect.stringMatching(/^e{299}…$/) });
    for (const c of [changed, many]) expect(pageCredentialsOf(c)).not.toHaveProperty('sourceKind');
  });

  it('names no image without credentials (absence proves nothing) and drops the images’ addresses', () => {
    expect(pageCredentialsOf({ ...base, state: 'none' })).toBeNull();
    const list = pageCredentials([
      { url: 'https://pbs.twimg.com/media/a.jpg', verified: { ...base, state: 'none' } },
      { url: 'https://pbs.twimg.com/media/b.jpg', verified: base },
    ]);
    expect(list).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain('twimg');
    expect(pageCredentials(undefined)).toEqual([]);
  });
});
