import { sql } from 'kysely';
import * as client from 'openid-client';
import type { OAuthProviderId } from '../../config/index.js';
import { AppError } from '../../http/app-error.js';
import { outboundFor } from '../../outbound/index.js';
import { recordLogin } from '../audit.js';
import type { AuthDeps } from '../deps.js';
import { completeFirstFactor, type LoginResult } from '../login.js';
import { randomToken, tokenHash } from '../secrets.js';
import type { RequestMeta } from '../sessions.js';
import { findUserById } from '../users.js';
import { allowsInsecure, guardedFetch, oauth2Configuration } from './client-config.js';
import { linkOrCreateUser } from './link.js';
import { type ExternalProfile, type ProviderSpec, providerSpec } from './providers.js';
import { rememberAuthorization, takeAuthorization } from './states.js';

const HANDOFF_TTL_S = 60;

/** Sign-in with the providers whose keys are configured (authorization code + PKCE, state, nonce). */
export class OAuthSignIn {
  private readonly configurations = new Map<OAuthProviderId, Promise<client.Configuration>>();

  constructor(private readonly deps: AuthDeps) {}

  /** Providers offered on the sign-in page. */
  enabled(): { id: OAuthProviderId; label: string; kind: 'oidc' | 'oauth2' }[] {
    return this.specs().map((spec) => ({ id: spec.id, label: spec.label, kind: spec.kind }));
  }

  /** Starts a sign-in: remembers state, PKCE verifier and nonce, returns the provider's URL. */
  async start(id: OAuthProviderId, redirectPath: string): Promise<string> {
    const spec = this.spec(id);
    const configuration = await this.configuration(spec);
    const nonce = spec.kind === 'oidc' ? client.randomNonce() : null;
    const { state, codeVerifier: verifier } = await rememberAuthorization(this.deps.db, {
      provider: id,
      nonce,
      redirectPath,
      userId: null,
      context: null,
    });
    const params: Record<string, string> = {
      redirect_uri: this.callbackUrl(id),
      state,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    };
    if (spec.scope) params.scope = spec.scope;
    if (nonce) params.nonce = nonce;
    return client.buildAuthorizationUrl(configuration, params).href;
  }

  /**
   * Completes the provider's redirect: checks state (single use), exchanges the code with the PKCE
   * verifier, checks the ID token's nonce (OIDC), reads the profile, links or creates the account,
   * and returns where to send the browser: the app page with a one-minute hand-off code.
   */
  async callback(id: OAuthProviderId, query: Record<string, string>, meta: RequestMeta): Promise<string> {
    const spec = this.spec(id);
    const state = query.state ?? '';
    const pending = await takeAuthorization(this.deps.db, id, state);
    if (!pending)
      throw new AppError('INVALID_TOKEN', 'This sign-in request is unknown or expired. Start again.');
    const back = (fragment: string) =>
      `${this.deps.config.server.publicUrl}${pending.redirectPath}#${fragment}`;
    if (query.error) return back(`oauth_error=${encodeURIComponent(query.error.slice(0, 64))}`);

    let profile: ExternalProfile;
    try {
      const configuration = await this.configuration(spec);
      const currentUrl = new URL(`${this.callbackUrl(id)}?${new URLSearchParams(query).toString()}`);
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        ...(pending.nonce ? { expectedNonce: pending.nonce } : {}),
        idTokenExpected: spec.kind === 'oidc',
      });
      profile =
        spec.kind === 'oidc'
          ? await this.oidcProfile(configuration, tokens.claims(), tokens.access_token)
          : await this.oauth2Profile(spec, tokens.access_token);
    } catch (error) {
      this.deps.logger.warn({ err: error, provider: id }, 'provider sign-in failed');
      await recordLogin(this.deps.db, {
        userId: null,
        email: null,
        method: `oauth:${id}`,
        outcome: 'failure',
        ...meta,
      });
      return back('oauth_error=provider_error');
    }
    let userId: string;
    try {
      userId = (await linkOrCreateUser(this.deps, id, profile, meta.ip)).id;
    } catch (error) {
      if (error instanceof AppError) return back(`oauth_error=${error.code.toLowerCase()}`);
      throw error;
    }
    const code = randomToken('oh_');
    await this.deps.db
      .insertInto('platform.oauth_handoffs')
      .values({
        code_hash: tokenHash(code),
        user_id: userId,
        method: `oauth:${id}`,
        ip: meta.ip,
        user_agent: meta.userAgent,
        expires_at: sql<Date>`now() + make_interval(secs => ${HANDOFF_TTL_S})`,
      })
      .execute();
    return back(`oauth_code=${code}`);
  }

  /** Trades a hand-off code for tokens, or a 2FA challenge when the account needs one. */
  async exchange(code: string, meta: RequestMeta): Promise<LoginResult> {
    const handoff = await this.deps.db
      .updateTable('platform.oauth_handoffs')
      .set({ used_at: sql<Date>`now()` })
      .where('code_hash', '=', tokenHash(code))
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning(['user_id', 'method'])
      .executeTakeFirst();
    if (!handoff) throw new AppError('INVALID_TOKEN', 'This sign-in has expired. Start again.');
    const user = await findUserById(this.deps.db, handoff.user_id);
    if (!user) throw new AppError('INVALID_TOKEN');
    return completeFirstFactor(this.deps, user, handoff.method, meta);
  }

  private specs(): ProviderSpec[] {
    const clients = this.deps.config.auth.oauth;
    return (Object.keys(clients) as OAuthProviderId[]).flatMap((id) => {
      const config = clients[id];
      return config ? [providerSpec(id, config)] : [];
    });
  }

  private spec(id: OAuthProviderId): ProviderSpec {
    const spec = this.specs().find((s) => s.id === id);
    if (!spec) throw new AppError('NOT_FOUND', `Sign-in with ${id} is not enabled.`);
    return spec;
  }

  private callbackUrl(id: OAuthProviderId): string {
    return `${this.deps.config.server.publicUrl}/api/v1/auth/oauth/${id}/callback`;
  }

  private configuration(spec: ProviderSpec): Promise<client.Configuration> {
    let pending = this.configurations.get(spec.id);
    if (!pending) {
      pending = this.createConfiguration(spec);
      // A failed discovery is retried on the next sign-in instead of being cached.
      pending.catch(() => this.configurations.delete(spec.id));
      this.configurations.set(spec.id, pending);
    }
    return pending;
  }

  private async createConfiguration(spec: ProviderSpec): Promise<client.Configuration> {
    const credentials = this.deps.config.auth.oauth[spec.id];
    if (!credentials) throw new AppError('NOT_FOUND', `Sign-in with ${spec.id} is not enabled.`);
    if (spec.kind === 'oidc') {
      const url = new URL(spec.issuer);
      return client.discovery(url, credentials.clientId, credentials.clientSecret, undefined, {
        [client.customFetch]: guardedFetch(this.deps.config),
        ...(allowsInsecure(this.deps.config, spec.issuer) ? { execute: [client.allowInsecureRequests] } : {}),
      });
    }
    return oauth2Configuration(this.deps.config, spec, credentials);
  }

  /**
   * Profile from the ID token; providers that keep email out of the ID token (as the spec allows)
   * are asked at their userinfo endpoint, whose subject must match.
   */
  private async oidcProfile(
    configuration: client.Configuration,
    claims: client.IDToken | undefined,
    accessToken: string,
  ): Promise<ExternalProfile> {
    if (!claims) throw new Error('no ID token');
    const fromToken = profileFromClaims(claims);
    if (fromToken.email) return fromToken;
    const info = await client.fetchUserInfo(configuration, accessToken, claims.sub);
    return {
      ...profileFromClaims({ ...info, sub: claims.sub }),
      name: fromToken.name ?? profileFromClaims(info).name,
    };
  }

  private async oauth2Profile(
    spec: Extract<ProviderSpec, { kind: 'oauth2' }>,
    accessToken: string,
  ): Promise<ExternalProfile> {
    const get = async (url: string) => {
      const res = await outboundFor(this.deps.config).fetch(url, {
        headers: {
          authorization: `Bearer ${accessToken}`,
          accept: 'application/json',
          'user-agent': 'campus-platform',
        },
        timeoutMs: 10_000,
      });
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      return (await res.json()) as unknown;
    };
    const user = await get(spec.userinfo);
    const emails = spec.emails ? await get(spec.emails(spec.userinfo)) : undefined;
    return spec.profile(user, emails);
  }
}

function profileFromClaims(claims: { sub: string; [claim: string]: unknown }): ExternalProfile {
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  return {
    subject: claims.sub,
    email,
    emailVerified: email !== undefined && claims.email_verified === true,
    name: typeof claims.name === 'string' ? claims.name : undefined,
  };
}
