import { z } from 'zod';
import type { OutboundConfig } from './config.js';
import { isAllowEntry } from './hosts.js';

const allowList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(
    z.array(
      z
        .string()
        .refine(isAllowEntry, 'each entry: an IP, a CIDR range or a host name, optionally with :port'),
    ),
  );

/** Environment variables of outgoing requests to URLs the server did not write (documented in .env.example). */
export const outboundEnvShape = {
  OUTBOUND_ALLOWED_PRIVATE_HOSTS: allowList
    .optional()
    .describe('comma-separated IPs, CIDR ranges or host names, each optionally with :port'),
  WEBHOOK_ALLOWED_PRIVATE_HOSTS: allowList
    .optional()
    .describe('deprecated name of OUTBOUND_ALLOWED_PRIVATE_HOSTS'),
};

type OutboundEnv = z.infer<z.ZodObject<typeof outboundEnvShape>>;

export function toOutboundConfig(env: OutboundEnv): OutboundConfig {
  return {
    allowPrivate: [
      ...(env.OUTBOUND_ALLOWED_PRIVATE_HOSTS ?? []),
      ...(env.WEBHOOK_ALLOWED_PRIVATE_HOSTS ?? []),
    ],
  };
}
