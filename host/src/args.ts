import { parseArgs } from 'node:util';
import type { Role } from '@app/platform';

const roles: readonly Role[] = ['web', 'worker', 'all'];

/** Parses `--role web|worker|all` (overrides ROLE). Throws with a usage line on anything else. */
export function parseHostArgs(argv: readonly string[]): { role?: Role } {
  const { values } = parseArgs({ args: [...argv], options: { role: { type: 'string' } }, strict: true });
  if (values.role === undefined) return {};
  if (!roles.includes(values.role as Role)) {
    throw new Error(`--role must be one of ${roles.join(', ')} (got "${values.role}")`);
  }
  return { role: values.role as Role };
}
