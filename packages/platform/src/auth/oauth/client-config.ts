import * as client from 'openid-client';
import type { Config } from '../../config/index.js';
import { outboundFor } from '../../outbound/index.js';

/** A provider's fixed endpoints (plain OAuth 2, no discovery). */
export interface OAuth2Endpoints {
  readonly authorize: string;
  readonly token: string;
  /** RFC 7009 token revocation, where the provider has one. */
  readonly revocation?: string | undefined;
}

/** Client credentials at a provider. */
export interface OAuth2Credentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * openid-client's `fetch`: every provider request (discovery, token, JWKS, userinfo, revocation,
 * URLs a discovery document may point anywhere) goes through the SSRF-guarded outbound client.
 */
export function guardedFetch(config: Pick<Config, 'outbound'>): client.CustomFetch {
  const outbound = outboundFor(config);
  return (url, options) => outbound.fetch(url, options);
}

/** Plain-HTTP provider endpoints are allowed only outside production (local test servers). */
export function allowsInsecure(config: Pick<Config, 'isProduction'>, url: string): boolean {
  return !config.isProduction && new URL(url).protocol === 'http:';
}

/**
 * An openid-client configuration for a plain OAuth 2 server with fixed endpoints: the client
 * authenticates with `client_secret_post`, requests go through the outbound guard.
 */
export function oauth2Configuration(
  config: Pick<Config, 'outbound' | 'isProduction'>,
  endpoints: OAuth2Endpoints,
  credentials: OAuth2Credentials,
): client.Configuration {
  const configuration = new client.Configuration(
    {
      issuer: new URL(endpoints.authorize).origin,
      authorization_endpoint: endpoints.authorize,
      token_endpoint: endpoints.token,
      ...(endpoints.revocation ? { revocation_endpoint: endpoints.revocation } : {}),
    },
    credentials.clientId,
    { client_secret: credentials.clientSecret },
    client.ClientSecretPost(credentials.clientSecret),
  );
  configuration[client.customFetch] = guardedFetch(config);
  if (allowsInsecure(config, endpoints.token)) client.allowInsecureRequests(configuration);
  return configuration;
}
