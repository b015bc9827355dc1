import { z } from 'zod';

/** `GET /stores/:storeId/google`: the store's connection, without any token. */
export const googleConnectionSchema = z
  .object({
    configured: z
      .boolean()
      .describe('Whether this server has a Google OAuth client (GOOGLE_BUSINESS_CLIENT_ID)'),
    connected: z.boolean(),
    accountName: z.string().nullable().describe('accounts/...'),
    locationName: z.string().nullable().describe('locations/...'),
    connectedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'StorehelperGoogleConnection' });

/** One location the connected Google user manages. */
export const googleLocationSchema = z
  .object({
    accountName: z.string().describe('accounts/...'),
    accountTitle: z.string(),
    locationName: z.string().describe('locations/...'),
    title: z.string(),
    address: z.string(),
  })
  .meta({ id: 'StorehelperGoogleLocation' });

/** `PUT /stores/:storeId/google/location`. */
export const chooseLocationBodySchema = z.object({
  locationName: z
    .string()
    .trim()
    .regex(/^locations\/[^/\s]{1,100}$/, 'A location name such as locations/123'),
  accountName: z
    .string()
    .trim()
    .regex(/^accounts\/[^/\s]{1,100}$/, 'An account name such as accounts/123')
    .optional()
    .describe('The account holding the location; found from the list when omitted'),
});

/** `GET /stores/:storeId/google/connect`. */
export const connectQuerySchema = z.object({
  as: z
    .enum(['redirect', 'json'])
    .default('redirect')
    .describe('redirect: 302 to Google; json: `{ url }` for a page that navigates itself'),
});

/** Google's redirect to `GET /google/callback` (code, state, scope, or error). */
export const callbackQuerySchema = z.record(z.string().max(64), z.string().max(4096));
