import { lookup } from 'node:dns/promises';
import { judgeAddress, parseIp, unmapped } from './address.js';
import { type AllowList, internalName, normalizeHost } from './hosts.js';

/** Resolves a host name to its addresses (all of them). Tests pass a fake one: no DNS leaves the machine. */
export type Resolver = (hostname: string) => Promise<readonly string[]>;

/** The operating system's resolver (getaddrinfo: /etc/hosts, then DNS), every address. */
export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true })).map((entry) => entry.address);

/** Thrown when a URL, a name or an address is one the server must not call (SSRF). */
export class ForbiddenTargetError extends Error {
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(`refusing to connect to ${host}: ${reason}`);
    this.name = 'ForbiddenTargetError';
  }
}

/** The port a URL connects to. */
export function portOf(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * Decides where outbound requests may go: the static checks of a URL (scheme, credentials, IP
 * literals, internal names) and, at connection time, the resolution of a name with every answer
 * checked. The connection is then made to one of the returned addresses, never to the name, so
 * the answer that was checked is the one used (no DNS rebinding window).
 */
export class TargetGuard {
  constructor(
    private readonly allow: AllowList,
    private readonly resolve: Resolver,
  ) {}

  /** Refuses a URL that can be judged unsafe without DNS (scheme, credentials, address, name). */
  checkUrl(url: URL): void {
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new ForbiddenTargetError(url.protocol, 'only http and https are allowed');
    if (url.username || url.password)
      throw new ForbiddenTargetError(url.hostname, 'URLs with credentials are not allowed');
    this.checkHost(normalizeHost(url.hostname), portOf(url));
  }

  /**
   * The addresses to connect to for `hostname:port`, each checked; throws if the name or ANY of
   * its addresses is refused (a name with one private answer is refused as a whole).
   */
  async addresses(hostname: string, port: number): Promise<string[]> {
    const host = normalizeHost(hostname);
    const literal = this.checkHost(host, port);
    if (literal) return [literal];
    const nameAllowed = this.allow.allowsName(host, port);
    const answers = await this.resolve(host);
    if (answers.length === 0) throw new Error(`${host} has no address`);
    return answers.map((answer) => {
      const ip = parseIp(answer);
      if (!ip) throw new ForbiddenTargetError(host, 'the resolver returned something that is not an address');
      if (nameAllowed || this.allow.allowsAddress(ip, port)) return unmapped(ip).toString();
      const verdict = judgeAddress(ip);
      // The reason names the kind of address but not the address: it may be an internal one.
      if (!verdict.public) throw new ForbiddenTargetError(host, `it resolves to a non-public address`);
      return verdict.address;
    });
  }

  /** Checks a host without DNS; returns the address to connect to when the host is an IP literal. */
  private checkHost(host: string, port: number): string | undefined {
    const ip = parseIp(host);
    if (ip) {
      if (this.allow.allowsAddress(ip, port)) return unmapped(ip).toString();
      const verdict = judgeAddress(ip);
      if (!verdict.public) throw new ForbiddenTargetError(host, verdict.reason);
      return verdict.address;
    }
    if (this.allow.allowsName(host, port)) return undefined;
    const internal = internalName(host);
    if (internal) throw new ForbiddenTargetError(host, internal);
    return undefined;
  }
}
