import { describe, expect, it } from 'vitest';
import { clientAddress, crossSiteRefusal, sameToken } from './review-auth';

describe('console form posts', () => {
  const origin = 'https://desk.example';
  it('takes same-origin posts and tools that send no browser headers', () => {
    expect(crossSiteRefusal({ secFetchSite: 'same-origin', origin }, origin)).toBeNull();
    expect(crossSiteRefusal({}, origin)).toBeNull();
  });
  it('refuses cross-site, same-site and opaque origins', () => {
    expect(crossSiteRefusal({ secFetchSite: 'cross-site', origin: 'https://evil.example' }, origin)).toMatch(/cross-site/);
    expect(crossSiteRefusal({ secFetchSite: 'same-site', origin: 'https://sub.desk.example' }, origin)).toMatch(/same-site/);
    expect(crossSiteRefusal({ origin: 'null' }, origin)).toMatch(/Origin: null/);
    expect(crossSiteRefusal({ secFetchSite: 'same-origin', origin: 'http://desk.example' }, origin)).toMatch(/expected https/);
  });
  it('compares session tokens exactly', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abd', 'abc')).toBe(false);
    expect(sameToken('ab', 'abc')).toBe(false);
    expect(sameToken(undefined, 'abc')).toBe(false);
  });
  it('takes the client address from the socket unless a trusted proxy appended one', () => {
    expect(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.9', false)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.9', true)).toBe('203.0.113.9');
    expect(clientAddress(undefined, undefined, true)).toBe('unknown');
  });
});
