import { isIP } from 'node:net';
import { HttpRequestError } from '@hub/plugin-sdk';
import { buildConnector } from 'undici';
import type { AddressPolicy } from './address-policy.ts';
import { parseCidrList } from './cidr-list.ts';
import type { ResolveHost } from './resolve-host.ts';

export interface GuardedConnectorOptions {
  readonly policy: AddressPolicy;
  /** Ranges that may also be reached over plain `http:`. */
  readonly allowCidrs: readonly string[];
  readonly lookup: ResolveHost;
  readonly connectTimeoutMs: number;
}

// Failures where another address of the same name may well work (a host with an AAAA record
// on a machine without IPv6 routing, one dead node of several).
const TRY_NEXT_ADDRESS = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EADDRNOTAVAIL', 'EAFNOSUPPORT', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * An undici `connect` function that resolves the host itself, refuses the connection when ANY
 * resolved address (or the literal) is blocked, and then connects the socket to one of those
 * checked addresses. Because undici never resolves the name again, a DNS answer that changes
 * between check and connect (DNS rebinding) cannot redirect the socket. TLS keeps the original
 * name for SNI and certificate checks.
 */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const connectSocket = buildConnector({ timeout: options.connectTimeoutMs });
  const allowList = parseCidrList(options.allowCidrs);

  async function checkedAddresses(hostname: string, protocol: string): Promise<string[]> {
    const literal = isIP(hostname) !== 0;
    const addresses = literal ? [hostname] : await resolve(hostname);
    for (const address of addresses) {
      const verdict = options.policy.check(address);
      if (!verdict.allowed) {
        const reason = literal ? verdict.reason : `${hostname} resolves to a blocked address: ${verdict.reason}`;
        throw new HttpRequestError('BLOCKED_ADDRESS', `refused to connect: ${reason}`);
      }
    }
    if (protocol === 'http:' && !addresses.every((address) => allowList.contains(address))) {
      throw new HttpRequestError('INVALID_URL', `plain http: to ${hostname} is not allowed; use https: (http: is only for addresses in HUB_ALLOW_PRIVATE_TARGETS)`);
    }
    return addresses;
  }

  async function resolve(hostname: string): Promise<string[]> {
    let addresses: string[];
    try {
      addresses = await options.lookup(hostname);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new HttpRequestError('DNS', `could not resolve ${hostname}${typeof code === 'string' ? ` (${code})` : ''}`, { cause: error });
    }
    if (addresses.length === 0) throw new HttpRequestError('DNS', `${hostname} has no addresses`);
    return addresses;
  }

  return (connectOptions, callback) => {
    const { hostname, protocol } = connectOptions;
    // SNI and the certificate check must use the name, not the address the socket goes to;
    // a literal IP gets no SNI (RFC 6066).
    const servername = connectOptions.servername || (isIP(hostname) === 0 ? hostname : undefined);

    const connectTo = (addresses: readonly string[], index: number): void => {
      const address = addresses[index];
      if (address === undefined) return;
      const next = (error: Error | null, socket: Parameters<buildConnector.Callback>[1]): void => {
        if (error === null && socket !== null) callback(null, socket);
        else if (index + 1 < addresses.length && TRY_NEXT_ADDRESS.has((error as { code?: string } | null)?.code ?? '')) connectTo(addresses, index + 1);
        else callback(error ?? new Error('connection failed'), null);
      };
      try {
        connectSocket({ ...connectOptions, hostname: address, servername }, next);
      } catch (error) {
        // A synchronous throw (bad TLS options) must still reach undici, or the request would
        // hang until its timeout.
        callback(error as Error, null);
      }
    };

    checkedAddresses(hostname, protocol).then(
      (addresses) => connectTo(addresses, 0),
      (error: Error) => callback(error, null),
    );
  };
}
