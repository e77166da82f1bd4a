import { describe, expect, it } from 'vitest';
import { createAddressPolicy } from './address-policy.ts';
import type { ResolveHost } from './resolve-host.ts';
import { validateTargetUrl, type TargetUrlErrorCode } from './target-url.ts';

const DNS: Readonly<Record<string, string[]>> = {
  'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'internal.example': ['10.0.0.7'],
  'metadata.example': ['169.254.169.254'],
  'half-bad.example': ['93.184.216.34', '127.0.0.1'],
  'v6-loopback.example': ['::1'],
  'receiver.test': ['127.0.0.1'],
};

/** A resolver over the table above; other names fail like a real NXDOMAIN. */
const resolve: ResolveHost = async (host) => {
  const addresses = DNS[host];
  if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return addresses;
};

const strict = { policy: createAddressPolicy({ allowCidrs: [] }), allowCidrs: [], resolve };
const loopbackAllowed = { policy: createAddressPolicy({ allowCidrs: ['127.0.0.0/8'] }), allowCidrs: ['127.0.0.0/8'], resolve };

describe('validateTargetUrl', () => {
  it.each<[string, TargetUrlErrorCode, string]>([
    // Every spelling of 127.0.0.1 that WHATWG URL normalises.
    ['https://127.0.0.1/hook', 'blocked_address', '127.0.0.1 is a loopback address'],
    ['https://2130706433/', 'blocked_address', '127.0.0.1 is a loopback address'],
    ['https://0177.0.0.1/', 'blocked_address', '127.0.0.1 is a loopback address'],
    ['https://0x7f000001/', 'blocked_address', '127.0.0.1 is a loopback address'],
    ['https://0x7f.0.0.1/', 'blocked_address', '127.0.0.1 is a loopback address'],
    ['https://127.1/', 'blocked_address', '127.0.0.1 is a loopback address'],
    ['https://127.0.0.1./', 'blocked_address', '127.0.0.1 is a loopback address'],
    ['https://[::1]/', 'blocked_address', '::1 is a loopback address'],
    ['https://[::ffff:127.0.0.1]/', 'blocked_address', '::ffff:7f00:1 is the IPv4-mapped form of 127.0.0.1, which is a loopback address'],
    ['https://[::ffff:7f00:1]/', 'blocked_address', '::ffff:7f00:1 is the IPv4-mapped form of 127.0.0.1, which is a loopback address'],
    // Private, link-local, CGNAT, unique-local, embeddings.
    ['https://10.0.0.5/', 'blocked_address', '10.0.0.5 is a private address (10.0.0.0/8)'],
    ['https://172.16.3.4/', 'blocked_address', '172.16.3.4 is a private address (172.16.0.0/12)'],
    ['https://192.168.0.10/', 'blocked_address', '192.168.0.10 is a private address (192.168.0.0/16)'],
    ['https://169.254.169.254/latest/meta-data/', 'blocked_address', '169.254.169.254 is a link-local address'],
    ['https://100.64.1.1/', 'blocked_address', '100.64.1.1 is a carrier-grade NAT address'],
    ['https://[fd00::1]/', 'blocked_address', 'fd00::1 is a unique-local address'],
    ['https://[fe80::1]/', 'blocked_address', 'fe80::1 is a link-local address'],
    ['https://[::ffff:10.0.0.1]/', 'blocked_address', 'IPv4-mapped form of 10.0.0.1, which is a private address'],
    ['https://[64:ff9b::7f00:1]/', 'blocked_address', '64:ff9b::7f00:1 is a NAT64 address for 127.0.0.1'],
    ['https://[2002:7f00:1::]/', 'blocked_address', '2002:7f00:1:: is a 6to4 address for 127.0.0.1'],
    ['https://[::7f00:1]/', 'blocked_address', 'IPv4-compatible'],
    ['https://0.0.0.0/', 'blocked_address', '0.0.0.0 is a "this network" address'],
    ['https://0/', 'blocked_address', '0.0.0.0 is a "this network" address'],
    ['https://[::]/', 'blocked_address', ':: is the unspecified address'],
    ['https://224.0.0.1/', 'blocked_address', 'multicast'],
    ['https://255.255.255.255/', 'blocked_address', 'broadcast'],
    // Local names and names that resolve into blocked ranges.
    ['https://localhost/', 'blocked_address', 'localhost is a local host name'],
    ['https://LOCALHOST./', 'blocked_address', 'localhost is a local host name'],
    ['https://api.localhost:8443/', 'blocked_address', 'api.localhost is a local host name'],
    ['https://internal.example/', 'blocked_address', 'internal.example resolves to a blocked address: 10.0.0.7 is a private address'],
    ['https://metadata.example/', 'blocked_address', 'metadata.example resolves to a blocked address: 169.254.169.254'],
    ['https://half-bad.example/', 'blocked_address', 'half-bad.example resolves to a blocked address: 127.0.0.1 is a loopback address'],
    ['https://v6-loopback.example/', 'blocked_address', 'v6-loopback.example resolves to a blocked address: ::1 is a loopback address'],
    // Scheme, credentials, syntax.
    ['http://hooks.example.com/', 'scheme_not_allowed', 'plain http: is only allowed'],
    ['http://93.184.216.34/', 'scheme_not_allowed', 'plain http: is only allowed'],
    ['ftp://hooks.example.com/', 'scheme_not_allowed', 'ftp: URLs are not allowed'],
    ['file:///etc/passwd', 'scheme_not_allowed', 'file: URLs are not allowed'],
    ['javascript:alert(1)', 'scheme_not_allowed', 'javascript: URLs are not allowed'],
    ['https://user:hunter2@hooks.example.com/', 'credentials_in_url', 'must not contain a user name or password'],
    ['https://token@hooks.example.com/', 'credentials_in_url', 'must not contain a user name or password'],
    ['not a url', 'invalid_url', 'not a valid absolute URL'],
    ['/relative/path', 'invalid_url', 'not a valid absolute URL'],
    ['https://[::1/', 'invalid_url', 'not a valid absolute URL'],
    [`https://hooks.example.com/${'a'.repeat(2100)}`, 'invalid_url', 'longer than 2048'],
  ])('refuses %s as %s', async (raw, code, reason) => {
    const result = await validateTargetUrl(raw, strict);
    expect(result).toEqual({ ok: false, code, reason: expect.stringContaining(reason) as unknown });
  });

  it.each([
    'https://93.184.216.34/',
    'https://93.184.216.34:8443/hooks?x=1',
    'https://[2606:4700:4700::1111]/',
    'https://[::ffff:93.184.216.34]/',
    'https://hooks.example.com/events',
    // Does not resolve yet: the connect-time check decides later.
    'https://not-yet-created.example/hook',
  ])('accepts %s', async (raw) => {
    const result = await validateTargetUrl(raw, strict);
    expect(result.ok).toBe(true);
  });

  it('returns the normalised URL', async () => {
    const result = await validateTargetUrl('  https://HOOKS.example.com:443/a/../b  ', strict);
    expect(result.ok && result.url.href).toBe('https://hooks.example.com/b');
  });

  it('never repeats the credentials in the reason', async () => {
    const result = await validateTargetUrl('https://admin:s3cret-pa55@hooks.example.com/', strict);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('s3cret-pa55');
  });

  it('does not resolve literal addresses or local names', async () => {
    const resolved: string[] = [];
    const spy: ResolveHost = async (host) => {
      resolved.push(host);
      return resolve(host);
    };
    await validateTargetUrl('https://2130706433/', { ...strict, resolve: spy });
    await validateTargetUrl('https://[::1]/', { ...strict, resolve: spy });
    await validateTargetUrl('https://api.localhost/', { ...strict, resolve: spy });
    expect(resolved).toEqual([]);
  });

  describe('with allowCidrs (HUB_ALLOW_PRIVATE_TARGETS)', () => {
    it.each(['http://127.0.0.1:8080/hook', 'https://127.0.0.1/', 'http://2130706433:9000/', 'http://receiver.test:3000/'])('accepts %s', async (raw) => {
      const result = await validateTargetUrl(raw, loopbackAllowed);
      expect(result.ok).toBe(true);
    });

    it('still refuses what lies outside the ranges', async () => {
      expect(await validateTargetUrl('https://10.0.0.5/', loopbackAllowed)).toMatchObject({ ok: false, code: 'blocked_address' });
      expect(await validateTargetUrl('https://[::1]/', loopbackAllowed)).toMatchObject({ ok: false, code: 'blocked_address' });
      expect(await validateTargetUrl('https://localhost/', loopbackAllowed)).toMatchObject({ ok: false, code: 'blocked_address' });
    });

    it('allows plain http only when every address is inside the ranges', async () => {
      expect(await validateTargetUrl('http://hooks.example.com/', loopbackAllowed)).toMatchObject({ ok: false, code: 'scheme_not_allowed' });
      // An unresolvable name cannot prove where it points.
      expect(await validateTargetUrl('http://not-yet-created.example/', loopbackAllowed)).toMatchObject({ ok: false, code: 'scheme_not_allowed' });
    });
  });
});
