import { z } from 'zod';

/**
 * An app's name: a lowercase slug (`eduforum`, `studymate`, ...). It names the app's PostgreSQL
 * schema, its API prefix `/api/v1/<name>` and its web path `/<name>/`. Which apps exist is decided by
 * the host's list of app definitions (and the `platform.apps` table), not by this package.
 */
export const appNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]{1,30}$/, 'an app name: lowercase letters and digits, starting with a letter');

export type AppName = string;

/** Text in the two languages every product ships (Korean users come first). */
export const localizedSchema = z.object({ ko: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof localizedSchema>;

/**
 * An API key scope, `<area>:<what>`: the kernel's (`profile:read`) or an app's, named after the app
 * (`storehelper:read`). Each route that accepts keys names the scope it needs.
 */
export const apiKeyScopeSchema = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9]*:[a-z][a-z0-9.-]*$/, 'a scope such as storehelper:read');
export type ApiKeyScope = `${string}:${string}`;

/** A scope a person may give a key, with what it allows in their words. */
export const apiKeyScopeInfoSchema = z
  .object({ scope: apiKeyScopeSchema, label: localizedSchema })
  .meta({ id: 'ApiKeyScopeInfo' });
export type ApiKeyScopeInfo = z.infer<typeof apiKeyScopeInfoSchema>;

/**
 * What the portal and the UI kit show of an app: its names, tagline and colour. Declared once in the
 * app's contracts (`defineManifest`), served by `GET /api/v1/apps`, and passed to the web shell.
 */
export const appManifestSchema = z
  .object({
    name: appNameSchema,
    title: localizedSchema.describe('Product name'),
    tagline: localizedSchema.describe('A few words under the name'),
    description: localizedSchema.describe('One or two sentences on what it does'),
    accent: z
      .string()
      .regex(/^#[0-9a-f]{6}$/i)
      .describe('Brand colour (buttons, focus); dark enough for white text'),
    icon: z.string().min(1).max(4).describe('A short mark drawn on the accent colour (a letter or an emoji)'),
    apiKeyScopes: z
      .array(apiKeyScopeInfoSchema)
      .max(10)
      .optional()
      .describe("Scopes of the app's routes that accept API keys, each named `<app>:<what>`"),
    appRoles: z
      .array(z.object({ role: z.string().regex(/^[a-z][a-z_]{0,30}$/), label: localizedSchema }))
      .max(10)
      .optional()
      .describe(
        'App-wide roles a platform admin may grant (`platform.memberships`); undeclared: only `admin`',
      ),
    adminPath: z
      .string()
      .regex(/^\/[a-z0-9/_-]{0,100}$/)
      .optional()
      .describe("The app's own admin page, under its web path (`/admin` opens `/<app>/admin`)"),
  })
  .meta({ id: 'AppManifest' });

export type AppManifest = z.infer<typeof appManifestSchema>;

/**
 * Declares an app's manifest. No validation here, so a web bundle that imports it takes no zod
 * along; `defineApp` validates it on the server when the app is defined.
 */
export function defineManifest<const M extends AppManifest>(manifest: M): M {
  return Object.freeze(manifest);
}
