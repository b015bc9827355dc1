import { readFileSync } from 'node:fs';
import { envSchema } from '@app/platform';
import { describe, expect, it } from 'vitest';
import { allApps } from './apps.js';

describe('.env.example', () => {
  it("documents exactly the kernel's variables and those every app declares", () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const read = new Set([...Object.keys(envSchema.shape), ...allApps.flatMap((app) => app.env)]);
    expect(
      [...read].filter((name) => !documented.has(name)),
      'read but not documented',
    ).toEqual([]);
    expect(
      [...documented].filter((name) => !read.has(name ?? '')),
      'documented but read by nobody',
    ).toEqual([]);
  });
});
