import { lookup } from 'node:dns/promises';

/**
 * Resolves a host name to every address it has. Injected in tests so that a name can "resolve"
 * to a blocked address without touching DNS.
 */
export type ResolveHost = (hostname: string) => Promise<string[]>;

/**
 * The system resolver (getaddrinfo, so /etc/hosts counts), all addresses in the resolver's order.
 * Both the on-save check and the connect-time check use it, so they see the same answers.
 */
export const resolveWithSystemDns: ResolveHost = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
};
