import ipaddr from 'ipaddr.js';

/** An IP address as ipaddr.js parses it. */
export type Ip = ipaddr.IPv4 | ipaddr.IPv6;

/** Whether an address may be connected to, and the exact address to connect to if so. */
export type AddressVerdict =
  | { readonly public: true; readonly address: string }
  | { readonly public: false; readonly reason: string };

// Only IPv6 global unicast is ever public; everything outside 2000::/3 is special or unassigned
// (this also catches the deprecated IPv4-compatible ::a.b.c.d, which ipaddr.js calls unicast).
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
// RFC 6052 well-known NAT64 prefix: the gateway forwards to the embedded IPv4 address.
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');

/**
 * Reads `text` as an IP literal if it is one, in any form a URL parser, `inet_aton` or a resolver
 * might accept: dotted, decimal (2130706433), octal (0177.0.0.1), hex (0x7f.1), short (127.1),
 * IPv6 with or without brackets, with trailing dots. Undefined when it is not an IP literal.
 */
export function parseIp(text: string): Ip | undefined {
  let host = text.trim().toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  host = host.replace(/\.+$/, '');
  if (host.includes(':') && host.includes('.')) {
    // ipaddr.js 2.5 reads every `::a.b.c.d` as IPv4-mapped (::ffff:a.b.c.d), which the
    // IPv4-compatible ::a.b.c.d is not; the URL parser's canonical hex form is read correctly.
    try {
      host = new URL(`http://[${host}]/`).hostname.slice(1, -1);
    } catch {
      return undefined;
    }
  }
  if (host === '' || !ipaddr.isValid(host)) return undefined;
  return ipaddr.parse(host);
}

/** The IPv4 address inside an IPv4-mapped IPv6 address, else the address itself. */
export function unmapped(ip: Ip): Ip {
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()
    ? (ip as ipaddr.IPv6).toIPv4Address()
    : ip;
}

/**
 * Whether the server may connect to `ip`. Public means: IPv4 outside every special-purpose range
 * (private, loopback, link-local 169.254/16, CGNAT 100.64/10, 0/8, benchmarking 198.18/15,
 * documentation, multicast, reserved, broadcast), or IPv6 global unicast outside its special
 * ranges (ULA, link-local, Teredo, 6to4, ORCHID, documentation, ...). IPv4-mapped addresses and the
 * well-known NAT64 prefix are judged by the IPv4 address they carry; 6to4, Teredo, local-use
 * NAT64 (64:ff9b:1::/48) and IPv4-compatible addresses are refused outright since the IPv4 hop
 * they lead to cannot be judged from here.
 */
export function judgeAddress(ip: Ip): AddressVerdict {
  if (ip.kind() === 'ipv4') {
    const range = (ip as ipaddr.IPv4).range();
    return range === 'unicast'
      ? { public: true, address: ip.toString() }
      : { public: false, reason: `not a public address (${range})` };
  }
  const v6 = ip as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) {
    const inner = judgeAddress(v6.toIPv4Address());
    return inner.public ? inner : { public: false, reason: `${inner.reason}, IPv4-mapped` };
  }
  if (v6.match(NAT64_WELL_KNOWN)) {
    const bytes = v6.toByteArray().slice(12);
    const inner = judgeAddress(ipaddr.fromByteArray(bytes));
    return inner.public
      ? { public: true, address: v6.toString() }
      : { public: false, reason: `${inner.reason}, through NAT64` };
  }
  const range = v6.range();
  if (range === 'unicast' && v6.match(GLOBAL_UNICAST_V6)) return { public: true, address: v6.toString() };
  return {
    public: false,
    reason: `not a public address (${range === 'unicast' ? 'not global unicast' : range})`,
  };
}

/** `judgeAddress` for a string; anything that is not an IP address is refused. */
export function judgeAddressText(text: string): AddressVerdict {
  const ip = parseIp(text);
  return ip ? judgeAddress(ip) : { public: false, reason: 'not an IP address' };
}
