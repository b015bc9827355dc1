import ipaddr from 'ipaddr.js';
import { type Ip, parseIp, unmapped } from './address.js';

/** Lower case, without IPv6 brackets and trailing dots (`LocalHost.` and `localhost` are one name). */
export function normalizeHost(host: string): string {
  let name = host.trim().toLowerCase();
  if (name.startsWith('[') && name.endsWith(']')) name = name.slice(1, -1);
  return name.replace(/\.+$/, '');
}

// Top-level names that never lead to a public service: this machine (localhost), the local link
// (mDNS .local), private networks by convention or reservation (.internal, .lan, .home.arpa, ...),
// and names reserved for tests and documentation (RFC 2606, RFC 6761, RFC 9476).
const INTERNAL_TLDS = new Set([
  'localhost',
  'local',
  'localdomain',
  'internal',
  'intranet',
  'lan',
  'home',
  'corp',
  'private',
  'arpa',
  'test',
  'example',
  'invalid',
  'onion',
  'alt',
]);

/**
 * Why the (normalized, non-IP) host name must not be called, or undefined. Single-label names are
 * refused too: resolvers complete them with local search domains (`redis`, `metadata`).
 */
export function internalName(host: string): string | undefined {
  if (host === '') return 'an empty host name';
  if (!/^[a-z0-9_.-]+$/.test(host)) return 'not a host name';
  const labels = host.split('.');
  if (labels.length === 1) return 'a single-label (local) name';
  const tld = labels[labels.length - 1] ?? '';
  if (INTERNAL_TLDS.has(tld)) return `an internal name (.${tld})`;
  return undefined;
}

interface AllowRule {
  readonly name?: string;
  readonly net?: [Ip, number];
  readonly port?: number;
}

/**
 * Reads one allow-list entry: an IP (`127.0.0.1`, `::1`, `[::1]`), a CIDR range (`10.0.0.0/8`,
 * `fd00::/8`), or a host name (`hooks.corp.internal`), each IPv4, bracketed IPv6 or name
 * optionally with `:port` (`127.0.0.1:8080`, `[::1]:8080`, `keycloak:8443`). Undefined if invalid.
 */
function parseAllowRule(text: string): AllowRule | undefined {
  const entry = text.trim().toLowerCase();
  let host = entry;
  let port: number | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry);
  const withPort = /^([^:]+):(\d{1,5})$/.exec(entry);
  if (bracketed) [host, port] = [bracketed[1] ?? '', bracketed[2] ? Number(bracketed[2]) : undefined];
  else if (withPort) [host, port] = [withPort[1] ?? '', Number(withPort[2])];
  if (port !== undefined && (port < 1 || port > 65_535)) return undefined;
  if (host.includes('/')) {
    if (!ipaddr.isValidCIDR(host)) return undefined;
    const [net, bits] = ipaddr.parseCIDR(host);
    const plain = unmapped(net);
    // ::ffff:10.0.0.0/104 is 10.0.0.0/8: addresses are matched in their IPv4 form.
    const plainBits = plain === net ? bits : bits - 96;
    return plainBits < 0 ? undefined : { net: [plain, plainBits], port };
  }
  const ip = parseIp(host);
  if (ip) {
    const plain = unmapped(ip);
    return { net: [plain, plain.kind() === 'ipv4' ? 32 : 128], port };
  }
  const name = normalizeHost(host);
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(name)) return undefined;
  return { name, port };
}

/** Whether `text` is a valid allow-list entry (config validation). */
export function isAllowEntry(text: string): boolean {
  return parseAllowRule(text) !== undefined;
}

/**
 * Exceptions to the outbound rules for development and tests (local stand-in servers) and for
 * deliberate intranet targets: addresses, ranges or names that may be private, optionally only on
 * one port. An allowed name may resolve to private addresses; an allowed address or range may be
 * reached under any name.
 */
export class AllowList {
  private readonly rules: AllowRule[];

  constructor(entries: readonly string[]) {
    this.rules = entries.map((entry) => {
      const rule = parseAllowRule(entry);
      if (!rule) throw new Error(`invalid outbound allow-list entry: ${entry}`);
      return rule;
    });
  }

  /** Whether the normalized host name is allowed on `port`. */
  allowsName(host: string, port: number): boolean {
    return this.rules.some((rule) => rule.name === host && (rule.port === undefined || rule.port === port));
  }

  /** Whether the address is allowed on `port` (IPv4-mapped addresses count as their IPv4). */
  allowsAddress(ip: Ip, port: number): boolean {
    const plain = unmapped(ip);
    return this.rules.some(
      (rule) =>
        rule.net !== undefined &&
        rule.net[0].kind() === plain.kind() &&
        plain.match(rule.net) &&
        (rule.port === undefined || rule.port === port),
    );
  }
}
