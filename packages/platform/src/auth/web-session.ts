import { type TokenPair, userSchema } from '@app/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config/index.js';

/**
 * The web's refresh-token transport (docs/decisions/005). API clients get the refresh token in
 * the JSON body as before. A browser app opts in with `X-Auth-Transport: cookie`: the refresh token
 * then travels only in an httpOnly, SameSite=Strict cookie scoped to the auth routes, so no script
 * on the page can read it, and the body carries the access token alone.
 */
export const REFRESH_COOKIE = 'campus_refresh';
/**
 * A companion cookie the page can read, holding no secret: "a refresh cookie was set". A page load
 * without it knows it is signed out without asking the server (and without a 401 in the console).
 */
export const SESSION_HINT_COOKIE = 'campus_signed_in';
export const AUTH_TRANSPORT_HEADER = 'x-auth-transport';
const COOKIE_PATH = '/api/v1/auth';

/** The token pair as a cookie client receives it: no refresh token in the body. */
export const webTokenPairSchema = z
  .object({
    accessToken: z.string(),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
    user: userSchema,
    refreshIn: z.literal('cookie').describe('The refresh token was set as an httpOnly cookie'),
  })
  .meta({ id: 'WebTokenPair' });
export type WebTokenPair = z.infer<typeof webTokenPairSchema>;

/** True when the caller asked for the cookie transport. */
export function wantsCookie(request: FastifyRequest): boolean {
  return request.headers[AUTH_TRANSPORT_HEADER] === 'cookie';
}

/**
 * Answers a sign-in or refresh: the pair as is for API clients; for cookie clients the refresh
 * token goes into the cookie and is removed from the body. Challenges pass through untouched.
 */
export function deliverTokens<T extends object>(
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  result: T,
): T | WebTokenPair {
  if (!wantsCookie(request) || !('refreshToken' in result)) return result;
  const { refreshToken, ...rest } = result as unknown as TokenPair;
  const secure = config.server.publicUrl.startsWith('https:');
  const maxAge = config.auth.refreshTtlS;
  reply.setCookie(REFRESH_COOKIE, refreshToken, {
    httpOnly: true,
    secure,
    sameSite: 'strict',
    path: COOKIE_PATH,
    maxAge,
  });
  reply.setCookie(SESSION_HINT_COOKIE, '1', {
    httpOnly: false,
    secure,
    sameSite: 'strict',
    path: '/',
    maxAge,
  });
  return { ...rest, refreshIn: 'cookie' };
}

/** The refresh token of a request: the body's (API clients) or, for cookie clients, the cookie's. */
export function presentedRefreshToken(
  request: FastifyRequest,
  fromBody: string | undefined,
): string | undefined {
  if (fromBody) return fromBody;
  if (!wantsCookie(request)) return undefined;
  return request.cookies[REFRESH_COOKIE];
}

/** Removes the refresh cookie and its hint (sign-out, or a refresh that failed for good). */
export function clearRefreshCookie(config: Config, reply: FastifyReply): void {
  const secure = config.server.publicUrl.startsWith('https:');
  reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure, sameSite: 'strict', path: COOKIE_PATH });
  reply.clearCookie(SESSION_HINT_COOKIE, { httpOnly: false, secure, sameSite: 'strict', path: '/' });
}
