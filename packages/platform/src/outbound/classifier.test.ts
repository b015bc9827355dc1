import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ForbiddenTargetError, judgeAddressText, Outbound } from './index.js';

// The test's own table of IPv4 ranges that are not publicly routable (IANA special-purpose
// registry, RFC 6890 and successors), written independently of the code under test.
const SPECIAL_V4: [number, number, number, number, number][] = [
  [0, 0, 0, 0, 8],
  [10, 0, 0, 0, 8],
  [100, 64, 0, 0, 10],
  [127, 0, 0, 0, 8],
  [169, 254, 0, 0, 16],
  [172, 16, 0, 0, 12],
  [192, 0, 0, 0, 24],
  [192, 0, 2, 0, 24],
  [192, 31, 196, 0, 24],
  [192, 52, 193, 0, 24],
  [192, 88, 99, 0, 24],
  [192, 168, 0, 0, 16],
  [192, 175, 48, 0, 24],
  [198, 18, 0, 0, 15],
  [198, 51, 100, 0, 24],
  [203, 0, 113, 0, 24],
  [224, 0, 0, 0, 4],
  [240, 0, 0, 0, 4],
];
const toInt = (o: readonly number[]) =>
  (((o[0] ?? 0) << 24) | ((o[1] ?? 0) << 16) | ((o[2] ?? 0) << 8) | (o[3] ?? 0)) >>> 0;
const inV4 = (n: number, [a, b, c, d, bits]: (typeof SPECIAL_V4)[number]) =>
  bits === 0 || n >>> (32 - bits) === toInt([a, b, c, d]) >>> (32 - bits);
const publicV4 = (octets: number[]) => !SPECIAL_V4.some((range) => inV4(toInt(octets), range));

// IPv6: only global unicast 2000::/3 is public, minus its special blocks (first 32 bits, prefix).
const SPECIAL_V6: [number, number][] = [
  [0x20010000, 23], // IETF protocol assignments: Teredo, benchmarking, AMT, ORCHID, AS112 ...
  [0x20010db8, 32], // documentation
  [0x20020000, 16], // 6to4
  [0x3fff0000, 20], // documentation (RFC 9637)
];
function publicV6(groups: number[]): boolean {
  const head = (((groups[0] ?? 0) << 16) | (groups[1] ?? 0)) >>> 0;
  if (head >>> 29 !== 0b001) return false;
  if (groups[0] === 0x2620 && groups[1] === 0x4f && groups[2] === 0x8000) return false; // AS112
  return !SPECIAL_V6.some(([prefix, bits]) => head >>> (32 - bits) === prefix >>> (32 - bits));
}

const octet = fc.integer({ min: 0, max: 255 });
// Biased towards the interesting neighbourhoods: each special range's first octet, plus anything.
const firstOctet = fc.oneof(octet, fc.constantFrom(0, 10, 100, 127, 169, 172, 192, 198, 203, 224, 240, 255));
const ipv4 = fc.tuple(firstOctet, octet, octet, octet);
const hex = (n: number) => n.toString(16);

/** Every way of writing one IPv4 address that URL parsers, inet_aton or resolvers accept. */
function v4Forms([a, b, c, d]: number[]): string[] {
  const n = toInt([a ?? 0, b ?? 0, c ?? 0, d ?? 0]);
  const hi = hex(n >>> 16);
  const lo = hex(n & 0xffff);
  return [
    `${a}.${b}.${c}.${d}`,
    `${a}.${b}.${c}.${d}.`,
    `${n}`,
    `0x${hex(n)}`,
    `0${(a ?? 0).toString(8)}.0${(b ?? 0).toString(8)}.0${(c ?? 0).toString(8)}.0${(d ?? 0).toString(8)}`,
    `0x${hex(a ?? 0)}.0x${hex(b ?? 0)}.0x${hex(c ?? 0)}.0x${hex(d ?? 0)}`,
    `${a}.${n & 0xffffff}`,
    `${a}.${b}.${n & 0xffff}`,
    `[::ffff:${a}.${b}.${c}.${d}]`,
    `[::ffff:${hi}:${lo}]`,
    `[0:0:0:0:0:FFFF:${hi}:${lo}]`,
    `[64:ff9b::${a}.${b}.${c}.${d}]`,
  ];
}

/** IPv6 forms that carry an IPv4 address but lead somewhere else: always refused. */
function tunnelForms([a, b, c, d]: number[]): string[] {
  const n = toInt([a ?? 0, b ?? 0, c ?? 0, d ?? 0]);
  const hi = hex(n >>> 16);
  const lo = hex(n & 0xffff);
  return [
    `[::${a}.${b}.${c}.${d}]`, // IPv4-compatible (deprecated)
    `[::ffff:0:${a}.${b}.${c}.${d}]`, // SIIT (RFC 6145)
    `[64:ff9b:1::${hi}:${lo}]`, // local-use NAT64
    `[2002:${hi}:${lo}::1]`, // 6to4
    `[2001:0:${hi}:${lo}::1]`, // Teredo
  ];
}

const guard = new Outbound({
  allowPrivate: [],
  resolve: () => Promise.reject(new Error('no DNS in this test')),
});
const refusedUrl = (url: string) => {
  try {
    guard.checkUrl(url);
    return false;
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenTargetError);
    return true;
  }
};

describe('outbound address classification', () => {
  it('judges every IPv4 address the same in every notation, public only outside the special ranges', () => {
    fc.assert(
      fc.property(ipv4, (octets) => {
        const expected = publicV4(octets);
        for (const form of v4Forms(octets)) {
          expect(judgeAddressText(form).public, form).toBe(expected);
          expect(refusedUrl(`http://${form}/hook`), form).toBe(!expected);
          expect(refusedUrl(`https://${form}:8443/hook`), form).toBe(!expected);
        }
        for (const form of tunnelForms(octets)) {
          expect(judgeAddressText(form).public, form).toBe(false);
          expect(refusedUrl(`http://${form}/`), form).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('accepts IPv6 only in global unicast outside its special blocks', () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    const head = fc.oneof(
      group,
      fc.integer({ min: 0x2000, max: 0x3fff }),
      fc.constantFrom(0, 0x64, 0x100, 0x2001, 0x2002, 0x2620, 0x3fff, 0xfc00, 0xfd00, 0xfe80, 0xfec0, 0xff02),
    );
    const second = fc.oneof(group, fc.constantFrom(0, 0x2, 0x3, 0x4, 0x10, 0x20, 0x4f, 0xdb8, 0xff9b));
    fc.assert(
      fc.property(head, second, fc.array(group, { minLength: 6, maxLength: 6 }), (first, next, rest) => {
        // ::/16 (mapped, compatible) and NAT64 carry an IPv4 address: judged by it, above.
        if (first === 0 || (first === 0x64 && next === 0xff9b)) return;
        const groups = [first, next, ...rest];
        const text = groups.map(hex).join(':');
        const expected = publicV6(groups);
        expect(judgeAddressText(text).public, text).toBe(expected);
        expect(refusedUrl(`http://[${text}]/`), text).toBe(!expected);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses loopback, unspecified, link-local, unique-local, multicast and documentation IPv6', () => {
    for (const address of [
      '::1',
      '::',
      '0:0:0:0:0:0:0:1',
      'fe80::1',
      'febf::1',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      'ff05::2',
      '2001:db8::1',
      '3fff::1',
      '100::1',
      'fec0::1',
    ]) {
      expect(judgeAddressText(address).public, address).toBe(false);
      expect(refusedUrl(`http://[${address}]/`), address).toBe(true);
    }
    for (const address of [
      '2606:4700:4700::1111',
      '2a00:1450:4001:80b::200e',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
    ])
      expect(judgeAddressText(address).public, address).toBe(true);
  });

  it('refuses names of this machine and of internal networks, however they are spelled', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const internalTld = fc.constantFrom(
      'localhost',
      'local',
      'internal',
      'lan',
      'home.arpa',
      'localdomain',
      'test',
    );
    const spelled = (name: string, upper: boolean, dots: number) =>
      `${upper ? name.toUpperCase() : name}${'.'.repeat(dots)}`;
    fc.assert(
      fc.property(
        label,
        internalTld,
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        (name, tld, upper, dots) => {
          expect(refusedUrl(`http://${spelled(`${name}.${tld}`, upper, dots)}/`)).toBe(true);
          // Single-label names are completed by the resolver's search domains: refused too.
          expect(refusedUrl(`http://${spelled(name, upper, dots)}:8080/`)).toBe(true);
          expect(refusedUrl(`http://${spelled('localhost', upper, dots)}/`)).toBe(true);
          // An ordinary public name passes the static check (its addresses are checked at connect).
          expect(refusedUrl(`https://${spelled(`${name}.example.com`, upper, dots)}/hook`)).toBe(false);
        },
      ),
    );
    for (const url of [
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://printer.local/',
      'http://instance-data/latest/meta-data/',
      'ftp://example.com/',
      'file:///etc/passwd',
      'http://user:secret@example.com/',
      'gopher://example.com:6379/',
      'not a url',
    ])
      expect(refusedUrl(url), url).toBe(true);
  });
});
