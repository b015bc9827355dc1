import Stripe from 'stripe';
import type { StripeConfig } from './env.js';

/**
 * The official SDK, pointed at Stripe (or, when STRIPE_API_BASE is set, at that origin: tests use a
 * local stand-in, so no request leaves the machine).
 */
export function createStripeClient(config: StripeConfig): Stripe {
  const base = config.apiBase;
  const protocol = base?.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(config.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(base ? { host: base.hostname, port: base.port || (protocol === 'http' ? 80 : 443), protocol } : {}),
  });
}
