import * as client from 'openid-client';
import type { Config } from '../../config/index.js';
import type { PlatformDb } from '../../db/pool.js';
import { AppError } from '../../http/app-error.js';
import type { Logger } from '../../observability/logger.js';
import { type OAuth2Credentials, type OAuth2Endpoints, oauth2Configuration } from './client-config.js';
import { rememberAuthorization, takeAuthorization } from './states.js';

/** A provider's client for access to its API on a user's behalf. */
export interface ApiGrantClient extends OAuth2Endpoints, OAuth2Credentials {
  /** Names the grant in the state table, e.g. `storehelper.google` (stored as `grant:<key>`). */
  readonly key: string;
  /** Space-separated scopes to ask for. */
  readonly scope: string;
  /** Our callback URL, registered at the provider. */
  readonly redirectUri: string;
  /** More authorization parameters; Google's offline access: `{ access_type: 'offline', prompt: 'consent' }`. */
  readonly authorizationParams?: Readonly<Record<string, string>>;
}

/** What a token endpoint granted. */
export interface GrantTokens {
  readonly accessToken: string;
  /** Present on the first grant with offline access; most providers keep it on refresh (then undefined). */
  readonly refreshToken: string | undefined;
  readonly expiresAt: Date | undefined;
  /** The scopes granted, when the provider says (users may grant fewer than asked for). */
  readonly scope: string | undefined;
}

/** The provider's answer at our callback, for the user and context that started the request. */
export type ApiGrantResult = {
  readonly userId: string;
  readonly context: unknown;
} & (
  | { readonly ok: true; readonly tokens: GrantTokens }
  /** The user refused (`access_denied`) or the exchange failed; `error` is a short code. */
  | { readonly ok: false; readonly error: string }
);

/** The provider no longer honours the refresh token (revoked by the user, expired): connect again. */
export class ApiGrantRevokedError extends Error {
  constructor(message = 'the provider no longer accepts this grant') {
    super(message);
    this.name = 'ApiGrantRevokedError';
  }
}

/**
 * The authorization code grant for API access (not sign-in): an app sends a signed-in user to the
 * provider's consent page to let the server act on their data there, e.g. a store's Google
 * Business Profile. The same pieces as sign-in (auth/oauth/flow.ts): state in
 * `platform.oauth_states` (single use, ten minutes, bound to the user and the app's context),
 * PKCE S256, openid-client over the SSRF-guarded outbound client. Tokens are returned to the app,
 * which keeps them sealed (`platform.secretBox`).
 */
export class ApiGrant {
  private configuration: client.Configuration | undefined;

  constructor(
    private readonly deps: {
      db: PlatformDb;
      config: Pick<Config, 'outbound' | 'isProduction'>;
      logger: Logger;
    },
    private readonly client: ApiGrantClient,
  ) {}

  /** Remembers the request (who, for what) and returns the provider's consent URL. */
  async start(userId: string, context: unknown): Promise<string> {
    const { state, codeVerifier } = await rememberAuthorization(this.deps.db, {
      provider: this.stateKey(),
      nonce: null,
      redirectPath: '',
      userId,
      context: context ?? null,
    });
    return client.buildAuthorizationUrl(this.config(), {
      ...this.client.authorizationParams,
      redirect_uri: this.client.redirectUri,
      scope: this.client.scope,
      state,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    }).href;
  }

  /**
   * Completes the provider's redirect to our callback: takes the state (single use; unknown,
   * expired or already used: 401 INVALID_TOKEN) and exchanges the code with the PKCE verifier.
   */
  async complete(query: Readonly<Record<string, string>>): Promise<ApiGrantResult> {
    const state = query.state ?? '';
    const pending = await takeAuthorization(this.deps.db, this.stateKey(), state);
    if (!pending?.userId)
      throw new AppError('INVALID_TOKEN', 'This connection request is unknown or expired. Start again.');
    const who = { userId: pending.userId, context: pending.context };
    if (query.error) return { ...who, ok: false, error: query.error.slice(0, 64) };
    try {
      const currentUrl = new URL(this.client.redirectUri);
      for (const [name, value] of Object.entries(query)) currentUrl.searchParams.set(name, value);
      const tokens = await client.authorizationCodeGrant(this.config(), currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        idTokenExpected: false,
      });
      return { ...who, ok: true, tokens: toGrantTokens(tokens) };
    } catch (error) {
      this.deps.logger.warn({ err: error, grant: this.client.key }, 'API access grant: code exchange failed');
      return { ...who, ok: false, error: errorCode(error) };
    }
  }

  /** A fresh access token; throws `ApiGrantRevokedError` when the provider refuses the refresh token. */
  async refresh(refreshToken: string): Promise<GrantTokens> {
    try {
      return toGrantTokens(await client.refreshTokenGrant(this.config(), refreshToken));
    } catch (error) {
      if (errorCode(error) === 'invalid_grant') throw new ApiGrantRevokedError();
      throw error;
    }
  }

  /** Revokes a token at the provider (RFC 7009), when it has a revocation endpoint. */
  async revoke(token: string): Promise<void> {
    if (!this.client.revocation) return;
    await client.tokenRevocation(this.config(), token);
  }

  private stateKey(): string {
    return `grant:${this.client.key}`;
  }

  private config(): client.Configuration {
    this.configuration ??= oauth2Configuration(this.deps.config, this.client, this.client);
    return this.configuration;
  }
}

function toGrantTokens(tokens: client.TokenEndpointResponse): GrantTokens {
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt:
      typeof tokens.expires_in === 'number' ? new Date(Date.now() + tokens.expires_in * 1000) : undefined,
    scope: tokens.scope,
  };
}

/** The OAuth error code of a failed exchange (`invalid_grant`, ...), else `exchange_failed`. */
function errorCode(error: unknown): string {
  const code = (error as { error?: unknown } | null)?.error;
  return typeof code === 'string' ? code.slice(0, 64) : 'exchange_failed';
}
