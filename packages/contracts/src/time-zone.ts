import { z } from 'zod';

/**
 * An IANA time zone name the runtime knows (e.g. `Asia/Seoul`, `America/Argentina/Buenos_Aires`,
 * `UTC`): Intl must accept it, and it must have the shape of a zone name, so that it is safe
 * wherever a zone goes (PostgreSQL's `at time zone`, cron, Intl).
 */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'An IANA time zone such as Asia/Seoul');
