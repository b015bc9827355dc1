import { ForbiddenTargetError, type Outbound } from '@app/platform';
import type { z } from 'zod';
import type { GoogleConfig } from './config.js';
import { retryDelay, sleep } from './retry.js';
import {
  accountsPageSchema,
  type GoogleAccount,
  type GoogleLocation,
  type GoogleReviewsPage,
  googleErrorSchema,
  locationsPageSchema,
  reviewReplySchema,
  reviewsPageSchema,
} from './shapes.js';

/** Access tokens of one connection. */
export interface AccessTokens {
  /** A usable access token (refreshed first when it is about to expire). */
  get(): Promise<string>;
  /** A new access token, after the API refused the last one (401). */
  renew(): Promise<string>;
}

/** A Google API request that failed for good; `status` is Google's last answer (null: none). */
export class GoogleApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'GoogleApiError';
  }
}

/** Reviews per page (the API's maximum). */
const REVIEWS_PAGE_SIZE = 50;
/** Locations per page (the API's maximum). */
const LOCATIONS_PAGE_SIZE = 100;
/** Pages of accounts or locations read at most (a safety stop against a paging loop). */
const MAX_LIST_PAGES = 20;
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * The Google Business Profile endpoints storehelper uses: accounts (Account Management v1),
 * locations (Business Information v1), reviews and replies (v4). Every request goes through the
 * platform's SSRF-guarded outbound client with a timeout; 429, 5xx and requests that got no answer
 * are retried with backoff (Retry-After honoured) up to `maxAttempts`, then fail with a clear
 * error; a 401 renews the access token once; any other 4xx fails at once.
 */
export class GoogleBusinessApi {
  constructor(
    private readonly http: Outbound,
    private readonly config: GoogleConfig,
    private readonly tokens: AccessTokens,
    private readonly signal?: AbortSignal,
  ) {}

  /** Every account the signed-in Google user can manage. */
  async accounts(): Promise<GoogleAccount[]> {
    const out: GoogleAccount[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const url = new URL(`${this.config.api.accounts}/accounts`);
      url.searchParams.set('pageSize', '20');
      if (pageToken) url.searchParams.set('pageToken', pageToken);
      const answer = await this.call('GET', url, accountsPageSchema);
      out.push(...answer.accounts);
      pageToken = answer.nextPageToken;
      if (!pageToken) break;
    }
    return out;
  }

  /** The locations of an account (`accounts/123`): name (`locations/456`), title, address. */
  async locations(accountName: string): Promise<GoogleLocation[]> {
    const out: GoogleLocation[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const url = new URL(`${this.config.api.businessInformation}/${accountName}/locations`);
      url.searchParams.set('readMask', 'name,title,storefrontAddress');
      url.searchParams.set('pageSize', String(LOCATIONS_PAGE_SIZE));
      if (pageToken) url.searchParams.set('pageToken', pageToken);
      const answer = await this.call('GET', url, locationsPageSchema);
      out.push(...answer.locations);
      pageToken = answer.nextPageToken;
      if (!pageToken) break;
    }
    return out;
  }

  /** One page of a location's reviews, most recently updated first (`parent`: accounts/a/locations/l). */
  reviews(parent: string, pageToken?: string): Promise<GoogleReviewsPage> {
    const url = new URL(`${this.config.api.reviews}/${parent}/reviews`);
    url.searchParams.set('pageSize', String(REVIEWS_PAGE_SIZE));
    if (pageToken) url.searchParams.set('pageToken', pageToken);
    return this.call('GET', url, reviewsPageSchema);
  }

  /** Creates or replaces the owner's reply (`reviewName`: accounts/a/locations/l/reviews/r). */
  async putReply(reviewName: string, comment: string): Promise<void> {
    await this.call('PUT', new URL(`${this.config.api.reviews}/${reviewName}/reply`), reviewReplySchema, {
      comment,
    });
  }

  /** Deletes the owner's reply. */
  async deleteReply(reviewName: string): Promise<void> {
    await this.call('DELETE', new URL(`${this.config.api.reviews}/${reviewName}/reply`), undefined);
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'PUT' | 'DELETE',
    url: URL,
    schema: S | undefined,
    body?: unknown,
  ): Promise<z.output<S>> {
    const what = `${method} ${url.pathname}`;
    let token = await this.tokens.get();
    let renewed = false;
    let attempt = 0;
    for (;;) {
      attempt++;
      let response: Response | undefined;
      let failure = '';
      try {
        response = await this.http.fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          redirect: 'error',
          timeoutMs: this.config.timeoutMs,
          maxResponseBytes: MAX_RESPONSE_BYTES,
          signal: this.signal ?? null,
        });
      } catch (error) {
        if (this.signal?.aborted || error instanceof ForbiddenTargetError) throw error;
        failure = `no answer: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (response) {
        if (response.ok) return parse(schema, await response.text(), what);
        const detail = await googleMessage(response);
        if (response.status === 401 && !renewed) {
          // The access token expired or was revoked early: one renewal, then the same request again.
          renewed = true;
          attempt--;
          token = await this.tokens.renew();
          continue;
        }
        if (response.status !== 429 && response.status < 500)
          throw new GoogleApiError(`Google answered ${response.status} to ${what}${detail}`, response.status);
        failure = `${response.status}${detail}`;
      }
      const status = response?.status ?? null;
      if (attempt >= this.config.maxAttempts)
        throw new GoogleApiError(
          `Google did not complete ${what} after ${attempt} attempts (last: ${failure}); giving up until the next run.`,
          status,
        );
      const wait = retryDelay(
        attempt,
        response?.headers.get('retry-after'),
        this.config.retryBaseMs,
        this.config.retryMaxMs,
      );
      if (wait === undefined)
        throw new GoogleApiError(
          `Google asked to wait longer than ${this.config.retryMaxMs} ms before retrying ${what} (${failure}); giving up until the next run.`,
          status,
        );
      await sleep(wait, this.signal);
    }
  }
}

function parse<S extends z.ZodType>(schema: S | undefined, text: string, what: string): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  let json: unknown;
  try {
    json = text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new GoogleApiError(`Google answered ${what} with something that is not JSON`, null);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new GoogleApiError(
      `Google answered ${what} in an unexpected shape (${parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
        .join('; ')})`,
      null,
    );
  return parsed.data;
}

/** `: <Google's message>` from an error body, or nothing. */
async function googleMessage(response: Response): Promise<string> {
  try {
    const parsed = googleErrorSchema.safeParse(JSON.parse(await response.text()));
    const message = parsed.success ? parsed.data.error.message : undefined;
    return message ? `: ${message.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}
