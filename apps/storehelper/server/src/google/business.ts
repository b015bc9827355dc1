import { ApiGrant, AppError, outboundFor } from '@app/platform';
import type { StorehelperDeps } from '../deps.js';
import { GoogleBusinessApi } from './api.js';
import { GOOGLE_CREDENTIAL_VARIABLES, type GoogleConfig } from './config.js';
import { type GoogleConnectionRow, GoogleConnections } from './connections.js';

/** The scope of the Business Profile APIs (accounts, locations, reviews, replies). */
export const BUSINESS_MANAGE_SCOPE = 'https://www.googleapis.com/auth/business.manage';
/** Our OAuth callback below PUBLIC_URL (register it as an authorized redirect URI at Google). */
export const CALLBACK_PATH = '/api/v1/storehelper/google/callback';

/**
 * storehelper's Google Business Profile connector, built once at boot: configuration, the stores'
 * connections, the OAuth grant and API clients. Routes, the review source and the reply poster are
 * made from it (google/index.ts).
 */
export class GoogleBusiness {
  readonly connections: GoogleConnections;
  private apiGrant: ApiGrant | undefined;

  constructor(
    readonly deps: StorehelperDeps,
    readonly config: GoogleConfig,
  ) {
    this.connections = new GoogleConnections(deps, () => this.grant());
  }

  /** Whether the OAuth client is configured (GOOGLE_BUSINESS_CLIENT_ID and _SECRET). */
  get configured(): boolean {
    return this.config.client !== undefined;
  }

  /** The OAuth grant; 409 naming the variables to set when the connector is not configured. */
  grant(): ApiGrant {
    const client = this.config.client;
    if (!client)
      throw new AppError(
        'CONFLICT',
        `Google Business Profile is not set up on this server: set ${GOOGLE_CREDENTIAL_VARIABLES.join(' and ')} (docs/storehelper.md).`,
        { missing: GOOGLE_CREDENTIAL_VARIABLES },
      );
    this.apiGrant ??= new ApiGrant(this.deps.platform, {
      key: 'storehelper.google',
      clientId: client.id,
      clientSecret: client.secret,
      authorize: this.config.oauth.authorize,
      token: this.config.oauth.token,
      revocation: this.config.oauth.revoke,
      scope: BUSINESS_MANAGE_SCOPE,
      redirectUri: `${this.deps.platform.config.server.publicUrl}${CALLBACK_PATH}`,
      // A refresh token (offline), and always the consent page: Google sends a refresh token only
      // on consent, and a store connected again must get one.
      authorizationParams: { access_type: 'offline', prompt: 'consent' },
    });
    return this.apiGrant;
  }

  /** An API client acting for one store's connection; `signal` stops its retries (worker shutdown). */
  api(storeId: string, signal?: AbortSignal): GoogleBusinessApi {
    this.grant();
    return new GoogleBusinessApi(
      outboundFor(this.deps.platform.config),
      this.config,
      this.connections.tokens(storeId),
      signal,
    );
  }
}

/**
 * The v4 parent of a connection's reviews, `accounts/{a}/locations/{l}`; undefined until an
 * account and location are chosen (the store's own `google_location` stands in for the location).
 */
export function reviewsParent(
  connection: GoogleConnectionRow,
  storeLocation: string | null,
): string | undefined {
  const location = connection.location_name ?? storeLocation;
  if (!location) return undefined;
  if (location.startsWith('accounts/')) return location;
  return connection.account_name ? `${connection.account_name}/${location}` : undefined;
}
