import { type Config, ConfigError, loadConfig } from '@app/platform/bootstrap';
import { parseHostArgs } from './args.js';

/**
 * Parses the environment (and `--role` among `argv`) for a host command; a bad value prints the
 * message naming the variable and exits with 2, the code process managers and CI read as a
 * configuration error. Imports nothing that tracing needs to instrument.
 */
export function loadConfigOrExit(argv: readonly string[] = []): Config {
  try {
    return loadConfig(process.env, parseHostArgs(argv));
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
