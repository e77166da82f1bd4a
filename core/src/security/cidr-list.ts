import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** A parsed list of CIDR ranges (e.g. `HUB_ALLOW_PRIVATE_TARGETS`) that answers "is this address inside?". */
export interface CidrList {
  /** True when `ip` (a literal IPv4 or IPv6 address) lies inside one of the ranges. */
  contains(ip: string): boolean;
  readonly size: number;
}

/**
 * Parses CIDR ranges such as `127.0.0.0/8` or `fd00::/8`; a bare address counts as a single-host
 * range. Empty entries are skipped so that splitting an empty variable gives an empty list.
 * Throws on an entry that is neither, naming it (ranges are configuration, not secrets).
 *
 * @example
 * const allowed = parseCidrList(['127.0.0.0/8', '::1']);
 * allowed.contains('127.0.0.1'); // true
 */
export function parseCidrList(cidrs: readonly string[]): CidrList {
  const ranges: Array<[Address, number]> = [];
  for (const raw of cidrs) {
    const entry = raw.trim();
    if (entry === '') continue;
    ranges.push(parseRange(entry));
  }
  return {
    size: ranges.length,
    contains(ip: string): boolean {
      if (ranges.length === 0 || !ipaddr.isValid(ip)) return false;
      const candidates = equivalentForms(ipaddr.parse(ip));
      return ranges.some(([network, bits]) =>
        candidates.some((candidate) => candidate.kind() === network.kind() && candidate.match(network, bits)),
      );
    },
  };
}

function parseRange(entry: string): [Address, number] {
  if (entry.includes('/')) {
    if (!ipaddr.isValidCIDR(entry)) throw new Error(`'${entry}' is not a CIDR range (expected e.g. 127.0.0.0/8 or fd00::/8)`);
    return ipaddr.parseCIDR(entry);
  }
  if (!ipaddr.isValid(entry)) throw new Error(`'${entry}' is not a CIDR range or IP address`);
  const address = ipaddr.parse(entry);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

/**
 * An IPv4-mapped IPv6 address is the same host as its IPv4 form, so `::ffff:127.0.0.1` must
 * match `127.0.0.0/8` and `127.0.0.1` must match `::ffff:127.0.0.0/104`.
 */
function equivalentForms(address: Address): Address[] {
  if (address.kind() === 'ipv4') return [address, (address as ipaddr.IPv4).toIPv4MappedAddress()];
  const v6 = address as ipaddr.IPv6;
  return v6.isIPv4MappedAddress() ? [v6, v6.toIPv4Address()] : [v6];
}
