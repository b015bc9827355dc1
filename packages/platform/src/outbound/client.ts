import { Agent, buildConnector, request } from 'undici';
import type { Config } from '../config/index.js';
import type { OutboundConfig } from './config.js';
import { ForbiddenTargetError, systemResolver, TargetGuard } from './guard.js';
import { AllowList } from './hosts.js';

export type { OutboundConfig } from './config.js';

/** `fetch` options the outbound client understands (openid-client's `customFetch` options fit). */
export interface OutboundInit {
  method?: string;
  headers?: RequestInit['headers'];
  body?: RequestInit['body'];
  /** `follow` (default) re-checks every hop, at most MAX_REDIRECTS; `manual` returns the 3xx. */
  redirect?: 'follow' | 'manual' | 'error';
  signal?: AbortSignal | null;
  /** Whole request, redirects included (default 10 s). */
  timeoutMs?: number;
  /** Bytes of response body kept (default 1 MiB). */
  maxResponseBytes?: number;
  /** What a longer body does: `error` (default) fails the request, `truncate` keeps the first bytes. */
  overflow?: 'error' | 'truncate';
}

const MAX_REDIRECTS = 5;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 1024 * 1024;
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * The one HTTP client for URLs the server did not write itself: webhook endpoints, push services,
 * OAuth/OIDC providers (and whatever their discovery documents point to), and any later fetch of
 * a user-given URL. Every connection resolves its host through the `TargetGuard`, checks every
 * address, and connects to a checked address (IP literals included); redirects are followed by
 * hand, each hop checked again. Responses are buffered up to a size limit and returned as a
 * standard `Response`, so it can stand in for `fetch` (openid-client's `customFetch`).
 */
export class Outbound {
  readonly guard: TargetGuard;
  private readonly agent: Agent;

  constructor(config: OutboundConfig) {
    this.guard = new TargetGuard(new AllowList(config.allowPrivate), config.resolve ?? systemResolver);
    const connect = buildConnector({ timeout: DEFAULT_TIMEOUT_MS });
    this.agent = new Agent({
      keepAliveTimeout: 4_000,
      connections: 16,
      connect: (options, callback) => {
        const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
        this.guard.addresses(options.hostname, port).then(
          (addresses) => {
            // Connect to the checked address. Only `hostname` changes: undici still sends the URL's
            // name as TLS server name and the certificate is verified against it (checked by hand
            // with a self-signed stand-in: SNI was the name, a wrong name or IP was refused).
            const attempt = (index: number): void =>
              connect({ ...options, hostname: addresses[index] ?? '' }, (...result) => {
                if (result[0] && index + 1 < addresses.length) attempt(index + 1);
                else callback(...result);
              });
            attempt(0);
          },
          (error: Error) => callback(error, null),
        );
      },
    });
  }

  /** Throws `ForbiddenTargetError` when the URL can be refused without DNS (at creation time). */
  checkUrl(target: string | URL): URL {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new ForbiddenTargetError(String(target).slice(0, 100), 'not a URL');
    }
    this.guard.checkUrl(url);
    return url;
  }

  /** `fetch` over the guard. The body is buffered (bounded); redirects are re-checked hop by hop. */
  async fetch(target: string | URL, init: OutboundInit = {}): Promise<Response> {
    const timeoutMs = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const headers = new Headers(init.headers ?? undefined);
    let method = (init.method ?? 'GET').toUpperCase();
    let body: Buffer | undefined;
    if (init.body !== undefined && init.body !== null) {
      // Any fetch body (string, bytes, URLSearchParams, stream) as bytes, with its implied type.
      const wrapped = new Response(init.body);
      body = Buffer.from(await wrapped.arrayBuffer());
      const type = wrapped.headers.get('content-type');
      if (type && !headers.has('content-type')) headers.set('content-type', type);
    }
    let url = this.checkUrl(target);
    try {
      for (let hop = 0; ; hop++) {
        const response = await this.once(url, method, headers, body, signal, init);
        const location = response.headers.get('location');
        if (
          init.redirect === 'manual' ||
          location === null ||
          ![301, 302, 303, 307, 308].includes(response.status)
        )
          return response;
        if (init.redirect === 'error') throw new Error(`${url.host} redirected`);
        if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
        const next = this.checkUrl(new URL(location, url));
        if (next.origin !== url.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
        if (response.status === 303 ? method !== 'HEAD' : response.status <= 302 && method === 'POST') {
          method = 'GET';
          body = undefined;
          headers.delete('content-type');
        }
        url = next;
      }
    } catch (error) {
      if (timeout.aborted && !init.signal?.aborted) throw new Error(`no response within ${timeoutMs} ms`);
      throw error;
    }
  }

  /** Closes idle connections (the process can also just exit: idle sockets do not hold it). */
  close(): Promise<void> {
    return this.agent.close();
  }

  private async once(
    url: URL,
    method: string,
    headers: Headers,
    body: Buffer | undefined,
    signal: AbortSignal,
    init: OutboundInit,
  ): Promise<Response> {
    const answer = await request(url, {
      dispatcher: this.agent,
      method: method as 'GET',
      headers: Object.fromEntries(headers),
      body,
      signal,
    });
    const limit = init.maxResponseBytes ?? DEFAULT_MAX_BYTES;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of answer.body as AsyncIterable<Buffer>) {
      if (size + chunk.length > limit) {
        if (init.overflow !== 'truncate') throw new Error(`${url.host} answered more than ${limit} bytes`);
        chunks.push(chunk.subarray(0, limit - size));
        size = limit;
        break; // ends the stream: the rest is never read
      }
      chunks.push(chunk);
      size += chunk.length;
    }
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers))
      for (const item of Array.isArray(value) ? value : [value ?? '']) responseHeaders.append(name, item);
    const response = new Response(NULL_BODY_STATUSES.has(answer.statusCode) ? null : Buffer.concat(chunks), {
      status: answer.statusCode,
      headers: responseHeaders,
    });
    Object.defineProperty(response, 'url', { value: url.href });
    return response;
  }
}

const clients = new WeakMap<OutboundConfig, Outbound>();

/** The platform's outbound client for this configuration (one agent, one connection pool). */
export function outboundFor(config: Pick<Config, 'outbound'>): Outbound {
  let client = clients.get(config.outbound);
  if (!client) {
    client = new Outbound(config.outbound);
    clients.set(config.outbound, client);
  }
  return client;
}
