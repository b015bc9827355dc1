import fc from 'fast-check';

/** Deep nesting past any schema (and past the kernel's depth limit). */
const deep = (levels: number) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

/** Strings PostgreSQL refuses or mangles, and strings that tend to break code that trusts them. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 8 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom('\u0000', '\ud800', 'a\udfffb', '\udc00\ud800', 'x\ud83d'),
  fc.constantFrom(
    '',
    ' ',
    '-1',
    '0',
    '1e30',
    '99999999999999999999',
    'NaN',
    'Infinity',
    'null',
    'true',
    '__proto__',
    'constructor',
    '../../etc/passwd',
    "'; drop table platform.users; --",
    '%00',
    '\u202e\u0301\u200b',
    'not-a-uuid',
    '00000000-0000-0000-0000-00000000000g',
    '0190a0b0-0000-7000-8000-00000000000',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    '2026-02-30T25:61:00Z',
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
  ),
  // Long text: past typical field limits and PostgreSQL's btree row limit (2704 bytes), in
  // multi-byte characters too. Bodies near the size limit are whole requests of their own (routes.ts).
  fc.constantFrom('x', '가', '😀').map((c) => c.repeat(3_000)),
);

/** Numbers past every column type, and the odd ones JSON allows. */
const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    1e30,
    -1e30,
    1e308,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    0.5,
    -0,
    -1,
  ),
  fc.integer({ min: -1_000_000_000, max: -1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value of the wrong kind, or garbage of any shape. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': null }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(deep(80), JSON.parse('{"__proto__":{"admin":true}}'), { 'k\u0000': 1 }),
  },
);

/** JSON bodies just under and just over the default body limit (1 MiB). */
export const oversizedBodies = [
  JSON.stringify({ text: '가'.repeat(340_000) }),
  JSON.stringify({ text: 'x'.repeat(1_100_000) }),
];
