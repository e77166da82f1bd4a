import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { parseCidrList, type CidrList } from './cidr-list.ts';

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/** Decides whether the hub may open a connection to one IP address (SSRF guard, DESIGN §8). */
export interface AddressPolicy {
  /** `ip` must be a literal address as DNS or the URL parser returns it (no octal or short forms). */
  check(ip: string): AddressVerdict;
}

export interface AddressPolicyOptions {
  /**
   * Ranges exempt from the block (`HUB_ALLOW_PRIVATE_TARGETS`), for local receivers in
   * development and tests.
   * @defaultValue none
   */
  readonly allowCidrs: readonly string[];
}

type Range = readonly [network: string, description: string];

// IANA special-purpose registry, minus the few entries that are globally reachable (AS112, AMT).
const IPV4_BLOCKED: readonly Range[] = [
  ['0.0.0.0/8', 'a "this network" address (0.0.0.0/8)'],
  ['10.0.0.0/8', 'a private address (10.0.0.0/8)'],
  ['100.64.0.0/10', 'a carrier-grade NAT address (100.64.0.0/10)'],
  ['127.0.0.0/8', 'a loopback address'],
  ['169.254.0.0/16', 'a link-local address (169.254.0.0/16, where cloud metadata services live)'],
  ['172.16.0.0/12', 'a private address (172.16.0.0/12)'],
  ['192.0.0.0/24', 'an IETF protocol assignment address (192.0.0.0/24)'],
  ['192.0.2.0/24', 'a documentation address (192.0.2.0/24)'],
  ['192.88.99.0/24', 'a deprecated 6to4 relay address (192.88.99.0/24)'],
  ['192.168.0.0/16', 'a private address (192.168.0.0/16)'],
  ['198.18.0.0/15', 'a benchmarking address (198.18.0.0/15)'],
  ['198.51.100.0/24', 'a documentation address (198.51.100.0/24)'],
  ['203.0.113.0/24', 'a documentation address (203.0.113.0/24)'],
  ['224.0.0.0/4', 'a multicast address'],
  // Before 240/4 so that the broadcast address gets its own, clearer reason.
  ['255.255.255.255/32', 'the broadcast address'],
  ['240.0.0.0/4', 'a reserved address (240.0.0.0/4)'],
];

// Only what lies inside 2000::/3 needs listing: everything outside it is refused below, except
// the IPv4 embeddings that are unwrapped first.
const IPV6_BLOCKED: readonly Range[] = [
  ['::/128', 'the unspecified address'],
  ['::1/128', 'a loopback address'],
  ['::/96', 'an IPv4-compatible address (::/96, deprecated)'],
  ['64:ff9b:1::/48', 'a local-use NAT64 address (64:ff9b:1::/48)'],
  ['fc00::/7', 'a unique-local address (fc00::/7)'],
  ['fe80::/10', 'a link-local address (fe80::/10)'],
  ['fec0::/10', 'a site-local address (fec0::/10, deprecated)'],
  ['ff00::/8', 'a multicast address'],
  ['2001:db8::/32', 'a documentation address (2001:db8::/32)'],
  ['3fff::/20', 'a documentation address (3fff::/20)'],
  ['2001:2::/48', 'a benchmarking address (2001:2::/48)'],
  ['2001:10::/28', 'an ORCHID address (2001:10::/28)'],
  ['2001:20::/28', 'an ORCHIDv2 address (2001:20::/28)'],
];

const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');
const NAT64 = ipaddr.IPv6.parseCIDR('64:ff9b::/96');
const SIX_TO_FOUR = ipaddr.IPv6.parseCIDR('2002::/16');
const TEREDO = ipaddr.IPv6.parseCIDR('2001::/32');

const ipv4Blocked = IPV4_BLOCKED.map(([cidr, description]) => ({ range: ipaddr.IPv4.parseCIDR(cidr), description }));
const ipv6Blocked = IPV6_BLOCKED.map(([cidr, description]) => ({ range: ipaddr.IPv6.parseCIDR(cidr), description }));

const ALLOWED: AddressVerdict = { allowed: true };

/**
 * The SSRF address policy: refuses loopback, private, link-local, CGNAT, multicast, broadcast,
 * reserved, documentation and benchmarking ranges, IPv6 outside global unicast, and unwraps
 * IPv4-mapped, NAT64, 6to4 and Teredo addresses to judge the IPv4 address they lead to.
 * Addresses inside `allowCidrs` are allowed whatever their range.
 *
 * @example
 * const policy = createAddressPolicy({ allowCidrs: [] });
 * policy.check('127.0.0.1'); // { allowed: false, reason: '127.0.0.1 is a loopback address' }
 */
export function createAddressPolicy(options: AddressPolicyOptions): AddressPolicy {
  const allowList = parseCidrList(options.allowCidrs);
  return {
    check(ip: string): AddressVerdict {
      if (isIP(ip) === 0) return { allowed: false, reason: `${ip} is not an IP address` };
      if (allowList.contains(ip)) return ALLOWED;
      const address = ipaddr.parse(ip);
      const problem = address.kind() === 'ipv4' ? ipv4Problem(address as ipaddr.IPv4) : ipv6Problem(address as ipaddr.IPv6, allowList);
      return problem === undefined ? ALLOWED : { allowed: false, reason: `${ip} ${problem}` };
    },
  };
}

/** Returns "is <why>" when the address is refused, undefined when it is public. */
function ipv4Problem(address: ipaddr.IPv4): string | undefined {
  const hit = ipv4Blocked.find(({ range }) => address.match(range));
  return hit === undefined ? undefined : `is ${hit.description}`;
}

function ipv6Problem(address: ipaddr.IPv6, allowList: CidrList): string | undefined {
  // The embedded IPv4 address is where the packets end up (directly, or via a NAT64 gateway or
  // 6to4/Teredo relay), so it is judged, including against the allow list.
  const embedded = (how: string, v4: ipaddr.IPv4): string | undefined => {
    if (allowList.contains(v4.toString())) return undefined;
    const problem = ipv4Problem(v4);
    return problem === undefined ? undefined : `${how} ${v4.toString()}, which ${problem}`;
  };
  const { parts } = address;
  if (address.isIPv4MappedAddress()) return embedded('is the IPv4-mapped form of', address.toIPv4Address());
  if (address.match(NAT64)) return embedded('is a NAT64 address for', ipv4FromParts(parts[6], parts[7]));
  if (address.match(SIX_TO_FOUR)) return embedded('is a 6to4 address for', ipv4FromParts(parts[1], parts[2]));
  if (address.match(TEREDO)) {
    // RFC 4380: the server address is bits 32-63, the client address is the last 32 bits inverted.
    const server = embedded('is a Teredo address with server', ipv4FromParts(parts[2], parts[3]));
    return server ?? embedded('is a Teredo address with client', ipv4FromParts(~(parts[6] ?? 0), ~(parts[7] ?? 0)));
  }
  const hit = ipv6Blocked.find(({ range }) => address.match(range));
  if (hit !== undefined) return `is ${hit.description}`;
  if (!address.match(GLOBAL_UNICAST)) return 'is not a global unicast address (outside 2000::/3)';
  return undefined;
}

function ipv4FromParts(high = 0, low = 0): ipaddr.IPv4 {
  return new ipaddr.IPv4([(high >> 8) & 0xff, high & 0xff, (low >> 8) & 0xff, low & 0xff]);
}
