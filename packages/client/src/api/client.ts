import createClient, { type Client } from 'openapi-fetch';
import { ApiError, toApiError } from './errors.js';
import type { paths } from './schema.generated.js';
import { DEFAULT_TIMEOUT_MS, isTimeout, timeoutSignal } from './timeout.js';

/**
 * The platform's typed API: `api.GET('/api/v1/me')`, paths and bodies checked against the OpenAPI
 * document. It has no app's paths: those are in each app's contracts (`<App>Paths`), see AppApi.
 */
export type Api = Client<paths>;

/**
 * An app's typed API: the platform's paths and the app's own (`AppApi<EduforumPaths>`, the paths
 * generated into the app's contracts), and no other app's. Types only: the same client at runtime.
 */
export type AppApi<AppPaths> = Client<paths & AppPaths>;

export interface ApiClientOptions {
  /** Origin of the API; '' (default) means the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The bearer token to send, if any (the web session's access token). */
  accessToken?: () => Promise<string | undefined> | string | undefined;
  /** Ask auth routes for the httpOnly refresh cookie instead of a refresh token in the body. */
  cookieTransport?: boolean;
  /** Called when a request that carried a token is answered 401 (the session ended elsewhere). */
  onUnauthorized?: () => void;
  /**
   * Milliseconds a request may take, answer body included, before it fails with code TIMEOUT
   * (default 30 s; 0: no limit). A caller's own `signal` still cancels earlier.
   */
  timeoutMs?: number;
}

/**
 * Creates the typed client over openapi-fetch with the session's token and transport: the
 * platform's API, or an app's with its paths (`createApiClient<EduforumPaths>(...)`).
 */
export function createApiClient(options?: ApiClientOptions): Api;
export function createApiClient<AppPaths>(options?: ApiClientOptions): AppApi<AppPaths>;
export function createApiClient<AppPaths>(options: ApiClientOptions = {}): AppApi<AppPaths> {
  const baseFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = createClient<paths & AppPaths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    // Every request gets a deadline; openapi-fetch reads the body under the same signal.
    fetch: (request: Request) =>
      baseFetch(request, { signal: timeoutSignal(timeoutMs, request.signal) ?? null }),
  });
  const sentToken = new WeakSet<Request>();
  client.use({
    async onRequest({ request }) {
      if (options.cookieTransport) request.headers.set('x-auth-transport', 'cookie');
      if (request.headers.has('authorization')) return request;
      const token = await options.accessToken?.();
      if (token) {
        request.headers.set('authorization', `Bearer ${token}`);
        sentToken.add(request);
      }
      return request;
    },
    async onResponse({ request, response }) {
      if (response.status !== 401 || !sentToken.has(request)) return response;
      // Only a refused token counts; a 401 for a wrong 2FA code (INVALID_CODE) does not.
      const body = (await response
        .clone()
        .json()
        .catch(() => undefined)) as { error?: { code?: string } } | undefined;
      const code = body?.error?.code;
      if (code === 'UNAUTHENTICATED' || code === 'INVALID_TOKEN') options.onUnauthorized?.();
      return response;
    },
  });
  return client;
}

type Result = { data?: unknown; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError carrying the
 * catalogue code, message, details and Retry-After of the error body (NETWORK when no answer,
 * TIMEOUT when the answer took longer than the client's `timeoutMs`).
 */
export async function call<R extends Result>(request: Promise<R>): Promise<Exclude<R['data'], undefined>> {
  let result: R;
  try {
    result = await request;
  } catch (error) {
    if (isTimeout(error)) throw new ApiError(0, 'TIMEOUT', 'The server took too long to answer.');
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : 'Network error');
  }
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.response.status, result.error, result.response.headers.get('retry-after'));
  }
  return result.data as Exclude<R['data'], undefined>;
}
