import { describe, expect, it } from 'vitest';
import { createAddressPolicy } from './address-policy.ts';

const policy = createAddressPolicy({ allowCidrs: [] });

function reasonFor(ip: string): string | undefined {
  const verdict = policy.check(ip);
  return verdict.allowed ? undefined : verdict.reason;
}

describe('createAddressPolicy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', 'this network'],
    ['0.1.2.3', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'IETF protocol'],
    ['192.0.2.10', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['192.88.99.1', '6to4 relay'],
  ])('refuses IPv4 %s (%s)', (ip, kind) => {
    expect(reasonFor(ip)).toContain(kind);
  });

  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::7f00:1', 'IPv4-compatible'],
    ['::a00:1', 'IPv4-compatible'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001:2::1', 'benchmarking'],
    ['64:ff9b:1::a00:1', 'local-use NAT64'],
    ['100::1', 'not a global unicast'],
    ['::ffff:0:7f00:1', 'not a global unicast'],
  ])('refuses IPv6 %s (%s)', (ip, kind) => {
    expect(reasonFor(ip)).toContain(kind);
  });

  it.each([
    ['::ffff:127.0.0.1', 'is the IPv4-mapped form of 127.0.0.1, which is a loopback address'],
    ['::ffff:7f00:1', 'is the IPv4-mapped form of 127.0.0.1, which is a loopback address'],
    ['::ffff:a9fe:a9fe', 'is the IPv4-mapped form of 169.254.169.254, which is a link-local address (169.254.0.0/16, where cloud metadata services live)'],
    ['64:ff9b::7f00:1', 'is a NAT64 address for 127.0.0.1, which is a loopback address'],
    ['64:ff9b::10.0.0.1', 'is a NAT64 address for 10.0.0.1, which is a private address (10.0.0.0/8)'],
    ['2002:7f00:1::', 'is a 6to4 address for 127.0.0.1, which is a loopback address'],
    ['2002:c0a8:101::1', 'is a 6to4 address for 192.168.1.1, which is a private address (192.168.0.0/16)'],
    // Teredo: server 65.54.227.120, client 127.0.0.1 (stored inverted: 80ff:fffe).
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'is a Teredo address with client 127.0.0.1, which is a loopback address'],
    ['2001:0:a00:1::', 'is a Teredo address with server 10.0.0.1, which is a private address (10.0.0.0/8)'],
  ])('unwraps %s to judge the IPv4 address inside', (ip, reason) => {
    expect(reasonFor(ip)).toBe(`${ip} ${reason}`);
  });

  it('phrases reasons for people', () => {
    expect(policy.check('127.0.0.1')).toEqual({ allowed: false, reason: '127.0.0.1 is a loopback address' });
    expect(policy.check('::ffff:127.0.0.1')).toEqual({
      allowed: false,
      reason: '::ffff:127.0.0.1 is the IPv4-mapped form of 127.0.0.1, which is a loopback address',
    });
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '192.31.196.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:93.184.216.34',
    '64:ff9b::5db8:d822',
    '2002:5db8:d822::1',
  ])('allows public address %s', (ip) => {
    expect(policy.check(ip)).toEqual({ allowed: true });
  });

  it('refuses anything that is not a literal address, including lenient IPv4 spellings', () => {
    for (const input of ['localhost', '', '2130706433', '0177.0.0.1', '127.1', '0x7f000001', '1.2.3.4.5']) {
      expect(policy.check(input).allowed).toBe(false);
    }
  });

  describe('with allowCidrs', () => {
    const lenient = createAddressPolicy({ allowCidrs: ['127.0.0.0/8', 'fd00::/8', '10.1.2.3'] });

    it('allows addresses inside the ranges and nothing else', () => {
      expect(lenient.check('127.0.0.1')).toEqual({ allowed: true });
      expect(lenient.check('127.9.9.9')).toEqual({ allowed: true });
      expect(lenient.check('fd00::1')).toEqual({ allowed: true });
      expect(lenient.check('10.1.2.3')).toEqual({ allowed: true });
      expect(lenient.check('10.1.2.4').allowed).toBe(false);
      expect(lenient.check('::1').allowed).toBe(false);
      expect(lenient.check('169.254.169.254').allowed).toBe(false);
    });

    it('treats the IPv4-mapped form like the IPv4 address', () => {
      expect(lenient.check('::ffff:127.0.0.1')).toEqual({ allowed: true });
    });

    it('rejects a malformed range at creation', () => {
      expect(() => createAddressPolicy({ allowCidrs: ['127.0.0.0/33'] })).toThrow(/127\.0\.0\.0\/33/);
      expect(() => createAddressPolicy({ allowCidrs: ['not-an-ip'] })).toThrow(/not-an-ip/);
    });
  });
});
