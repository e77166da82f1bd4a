import { describe, expect, it } from 'vitest';
import { parseCidrList } from './cidr-list.ts';

describe('parseCidrList', () => {
  it('matches IPv4 and IPv6 ranges and single addresses', () => {
    const list = parseCidrList(['127.0.0.0/8', 'fd00::/8', '192.168.1.10', '::1']);
    expect(list.size).toBe(4);
    expect(list.contains('127.1.2.3')).toBe(true);
    expect(list.contains('fd12::1')).toBe(true);
    expect(list.contains('192.168.1.10')).toBe(true);
    expect(list.contains('192.168.1.11')).toBe(false);
    expect(list.contains('::1')).toBe(true);
    expect(list.contains('::2')).toBe(false);
  });

  it('matches an IPv4-mapped address against IPv4 ranges and the reverse', () => {
    expect(parseCidrList(['10.0.0.0/8']).contains('::ffff:10.9.8.7')).toBe(true);
    expect(parseCidrList(['::ffff:10.0.0.0/104']).contains('10.9.8.7')).toBe(true);
  });

  it('skips empty entries, so an unset variable gives an empty list', () => {
    const list = parseCidrList(''.split(','));
    expect(list.size).toBe(0);
    expect(list.contains('127.0.0.1')).toBe(false);
  });

  it('answers false for things that are not addresses', () => {
    expect(parseCidrList(['0.0.0.0/0']).contains('localhost')).toBe(false);
  });

  it('names the bad entry', () => {
    expect(() => parseCidrList(['10.0.0.0/8', ' 300.1.1.1/8 '])).toThrow("'300.1.1.1/8' is not a CIDR range");
  });
});
