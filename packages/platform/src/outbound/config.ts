import type { Resolver } from './guard.js';

/** Settings of the outbound client (config.outbound). */
export interface OutboundConfig {
  /** Allow-list entries (IP, CIDR or name, optional :port) that may be private: dev, tests, intranet. */
  readonly allowPrivate: readonly string[];
  /** Replaces the system resolver (tests: a fake one, so no lookup leaves the machine). */
  readonly resolve?: Resolver;
}
