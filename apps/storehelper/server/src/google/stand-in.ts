import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerBusinessApi, STARS, type StandInReview } from './stand-in-api.js';

export type { StandInReview } from './stand-in-api.js';

/** What a test says about a review; everything but the stars has a default. */
export interface StandInReviewInput {
  id?: string;
  stars: 1 | 2 | 3 | 4 | 5;
  comment?: string;
  author?: string;
  anonymous?: boolean;
  createTime?: Date;
  updateTime?: Date;
  reply?: string;
  photos?: number;
}

/** Answer `status` to the next `times` API requests whose path contains `path` (default: any API request). */
export interface StandInFailure {
  status: number;
  times: number;
  path?: string;
  /** A `Retry-After` header to send with it (seconds or an HTTP date). */
  retryAfter?: string;
}

/** How the consent page answers the next authorization request. */
export interface StandInConsent {
  /** The user clicks "Cancel": `error=access_denied`. */
  deny?: boolean;
  /** The scopes the user leaves ticked (default: every scope asked for). */
  scope?: string;
}

/** A local server answering like Google's OAuth and Business Profile endpoints (docs: docs/storehelper.md (Google Business Profile)). */
export interface GoogleStandIn {
  readonly url: string;
  /** GOOGLE_BUSINESS_* pointing at it, and the outbound allow-list entry that lets the server reach it. */
  readonly env: Readonly<Record<string, string>>;
  /** The account and its two locations; `location` holds the initial reviews. */
  readonly account: string;
  readonly location: string;
  readonly otherLocation: string;
  /** The reviews of `location`, as stored (mutate through addReview/updateReview). */
  readonly reviews: StandInReview[];
  /** Query parameters of every authorization request (scope, access_type, prompt, PKCE...). */
  readonly authorizations: URLSearchParams[];
  /** Replies written with PUT, in order. */
  readonly replies: { review: string; comment: string }[];
  readonly deletedReplies: string[];
  /** Tokens revoked at the revocation endpoint. */
  readonly revoked: string[];
  /** Refresh tokens issued (the raw values, to check they are not stored in the clear). */
  readonly refreshTokens: ReadonlySet<string>;
  /** Every API request: method, path (no query), status answered. */
  readonly requests: { method: string; path: string; status: number }[];
  /** The answer of the next consent page. */
  nextConsent: StandInConsent;
  addReview(input: StandInReviewInput): StandInReview;
  /** Edits a review as its author would: a new updateTime, first in the list again. */
  updateReview(reviewId: string, change: { comment?: string; stars?: StandInReviewInput['stars'] }): void;
  fail(failure: StandInFailure): void;
  /** Makes every access token handed out so far expire (the next API call gets 401). */
  expireAccessTokens(): void;
  /** The user removes the app's access in their Google account: refresh tokens stop working. */
  revokeGrants(): void;
  close(): Promise<void>;
}

const API_PREFIXES = ['/accountmanagement/', '/businessinformation/', '/mybusiness/'];
const CLIENT_ID = 'standin-client.apps.googleusercontent.com';
const CLIENT_SECRET = 'standin-client-secret';

/**
 * Starts a stand-in for Google on 127.0.0.1 (a random port): the OAuth consent page (approves at
 * once, or as `nextConsent` says) and token endpoint (authorization_code with PKCE S256 and
 * refresh_token grants, client_secret_post or Basic), token revocation, Account Management v1
 * `accounts`, Business Information v1 `locations` (readMask required) and v4 reviews (paged with
 * nextPageToken, most recently updated first) and replies, with Google's documented shapes and
 * error bodies. It can answer 429/500 a number of times (`failures`, `fail`).
 */
export async function startGoogleStandIn(
  options: { reviews?: readonly StandInReviewInput[]; failures?: readonly StandInFailure[] } = {},
): Promise<GoogleStandIn> {
  const account = 'accounts/1001';
  const location = 'locations/2001';
  const otherLocation = 'locations/2002';
  const reviewsByLocation = new Map<string, StandInReview[]>([
    [`${account}/${location}`, []],
    [`${account}/${otherLocation}`, []],
  ]);
  const codes = new Map<string, { challenge: string; redirectUri: string; scope: string }>();
  const refreshTokens = new Map<string, string>(); // token -> scope
  const accessTokens = new Map<string, { expiresAt: number; refresh: string }>();
  const failures: StandInFailure[] = [...(options.failures ?? [])];
  let counter = 0;
  let clock = Date.parse('2025-01-01T00:00:00Z');

  const main = reviewsByLocation.get(`${account}/${location}`) as StandInReview[];
  const addTo = (list: StandInReview[], parent: string, input: StandInReviewInput): StandInReview => {
    counter++;
    const id = input.id ?? `AbFvOq${counter.toString(36).padStart(6, '0')}${randomBytes(4).toString('hex')}`;
    const created = (input.createTime ?? new Date(clock + counter * 60_000)).toISOString();
    const review: StandInReview = {
      name: `${parent}/reviews/${id}`,
      reviewId: id,
      reviewer: input.anonymous
        ? { displayName: 'A Google user', isAnonymous: true }
        : { displayName: input.author ?? `손님 ${counter}`, isAnonymous: false },
      starRating: STARS[input.stars - 1] ?? 'FIVE',
      ...(input.comment === undefined ? {} : { comment: input.comment }),
      createTime: created,
      updateTime: (input.updateTime ?? new Date(created)).toISOString(),
      ...(input.reply ? { reviewReply: { comment: input.reply, updateTime: created } } : {}),
      ...(input.photos
        ? {
            reviewMediaItems: Array.from({ length: input.photos }, (_, i) => ({
              name: `${parent}/media/${id}-${i}`,
              mediaFormat: 'PHOTO' as const,
            })),
          }
        : {}),
    };
    list.push(review);
    return review;
  };
  for (const input of options.reviews ?? []) addTo(main, `${account}/${location}`, input);

  const stand = {
    url: '',
    env: {} as Record<string, string>,
    account,
    location,
    otherLocation,
    reviews: main,
    authorizations: [] as URLSearchParams[],
    replies: [] as { review: string; comment: string }[],
    deletedReplies: [] as string[],
    revoked: [] as string[],
    refreshTokens: new Set<string>(),
    requests: [] as { method: string; path: string; status: number }[],
    nextConsent: {} as StandInConsent,
    addReview: (input: StandInReviewInput) => addTo(main, `${account}/${location}`, input),
    updateReview(reviewId: string, change: { comment?: string; stars?: StandInReviewInput['stars'] }) {
      const review = main.find((r) => r.reviewId === reviewId);
      if (!review) throw new Error(`no review ${reviewId}`);
      if (change.comment !== undefined) review.comment = change.comment;
      if (change.stars) review.starRating = STARS[change.stars - 1] ?? review.starRating;
      clock = Math.max(clock, Date.now()) + 1000;
      review.updateTime = new Date(clock).toISOString();
    },
    fail: (failure: StandInFailure) => void failures.push({ ...failure }),
    expireAccessTokens() {
      for (const token of accessTokens.values()) token.expiresAt = 0;
    },
    revokeGrants() {
      refreshTokens.clear();
      accessTokens.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) googleError(res, 500, 'INTERNAL', String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', stand.url);
    const body = await readBody(req);
    const path = url.pathname;
    if (path === '/o/oauth2/v2/auth' && req.method === 'GET') return consent(url, res);
    if (path === '/token' && req.method === 'POST') {
      const answer = token(req, new URLSearchParams(body));
      return json(res, answer.status, answer.body);
    }
    if (path === '/revoke' && req.method === 'POST') {
      const value = new URLSearchParams(body).get('token') ?? url.searchParams.get('token') ?? '';
      stand.revoked.push(value);
      const known = refreshTokens.delete(value) || accessTokens.delete(value);
      // Revoking a refresh token ends the access tokens it gave too.
      for (const [access, grant] of accessTokens) if (grant.refresh === value) accessTokens.delete(access);
      return json(res, known ? 200 : 400, known ? {} : { error: 'invalid_token' });
    }
    if (!API_PREFIXES.some((prefix) => path.startsWith(prefix)))
      return googleError(res, 404, 'NOT_FOUND', 'Not found');
    const record = (status: number) => stand.requests.push({ method: req.method ?? 'GET', path, status });
    const failure = failures.find((f) => f.times > 0 && (f.path === undefined || path.includes(f.path)));
    if (failure) {
      failure.times--;
      record(failure.status);
      if (failure.retryAfter !== undefined) res.setHeader('retry-after', failure.retryAfter);
      return failure.status === 429
        ? googleError(res, 429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).')
        : googleError(res, failure.status, 'INTERNAL', 'Internal error encountered.');
    }
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const access = accessTokens.get(bearer);
    if (!access || access.expiresAt <= Date.now()) {
      record(401);
      return googleError(
        res,
        401,
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token.',
      );
    }
    const answer = answerBusinessApi(
      {
        account,
        location,
        otherLocation,
        reviewsByLocation,
        replies: stand.replies,
        deletedReplies: stand.deletedReplies,
      },
      req.method ?? 'GET',
      path,
      url.searchParams,
      body,
    );
    record(answer.status);
    return answer.status >= 400
      ? googleError(res, answer.status, answer.reason ?? 'INVALID_ARGUMENT', answer.message ?? '')
      : json(res, answer.status, answer.body);
  }

  function consent(url: URL, res: ServerResponse): void {
    stand.authorizations.push(url.searchParams);
    const back = new URL(url.searchParams.get('redirect_uri') ?? '');
    back.searchParams.set('state', url.searchParams.get('state') ?? '');
    const answer = stand.nextConsent;
    stand.nextConsent = {};
    if (url.searchParams.get('client_id') !== CLIENT_ID) {
      back.searchParams.set('error', 'invalid_client');
    } else if (answer.deny) {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = `4/${randomBytes(12).toString('base64url')}`;
      const scope = answer.scope ?? url.searchParams.get('scope') ?? '';
      codes.set(code, {
        challenge: url.searchParams.get('code_challenge') ?? '',
        redirectUri: url.searchParams.get('redirect_uri') ?? '',
        scope,
      });
      back.searchParams.set('code', code);
      back.searchParams.set('scope', scope);
    }
    res.writeHead(302, { location: back.href }).end();
  }

  function token(req: IncomingMessage, form: URLSearchParams): { status: number; body: unknown } {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [basicId, basicSecret] = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent)
      : [];
    const clientId = form.get('client_id') ?? basicId;
    const clientSecret = form.get('client_secret') ?? basicSecret;
    if (clientId !== CLIENT_ID || clientSecret !== CLIENT_SECRET)
      return { status: 401, body: { error: 'invalid_client', error_description: 'Unauthorized' } };
    const issue = (
      refresh: string,
      scope: string,
      withRefresh: boolean,
    ): { status: number; body: unknown } => {
      const access = `ya29.${randomBytes(18).toString('base64url')}`;
      accessTokens.set(access, { expiresAt: Date.now() + 3599_000, refresh });
      return {
        status: 200,
        body: {
          access_token: access,
          expires_in: 3599,
          scope,
          token_type: 'Bearer',
          ...(withRefresh ? { refresh_token: refresh } : {}),
        },
      };
    };
    if (form.get('grant_type') === 'authorization_code') {
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const s256 = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (!grant || grant.challenge !== s256 || grant.redirectUri !== form.get('redirect_uri'))
        return { status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request' } };
      const refresh = `1//0${randomBytes(24).toString('base64url')}`;
      refreshTokens.set(refresh, grant.scope);
      stand.refreshTokens.add(refresh);
      return issue(refresh, grant.scope, true);
    }
    if (form.get('grant_type') === 'refresh_token') {
      const refresh = form.get('refresh_token') ?? '';
      const scope = refreshTokens.get(refresh);
      if (scope === undefined)
        return {
          status: 400,
          body: {
            error: 'invalid_grant',
            error_description: 'Token has been expired or revoked.',
          },
        };
      return issue(refresh, scope, false);
    }
    return { status: 400, body: { error: 'unsupported_grant_type' } };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  stand.url = `http://127.0.0.1:${port}`;
  stand.env = {
    GOOGLE_BUSINESS_CLIENT_ID: CLIENT_ID,
    GOOGLE_BUSINESS_CLIENT_SECRET: CLIENT_SECRET,
    GOOGLE_BUSINESS_AUTHORIZE_URL: `${stand.url}/o/oauth2/v2/auth`,
    GOOGLE_BUSINESS_TOKEN_URL: `${stand.url}/token`,
    GOOGLE_BUSINESS_REVOKE_URL: `${stand.url}/revoke`,
    GOOGLE_BUSINESS_ACCOUNTS_API_BASE: `${stand.url}/accountmanagement/v1`,
    GOOGLE_BUSINESS_INFORMATION_API_BASE: `${stand.url}/businessinformation/v1`,
    GOOGLE_BUSINESS_API_BASE: `${stand.url}/mybusiness/v4`,
    OUTBOUND_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${port}`,
  };
  return stand;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' }).end(JSON.stringify(body));
}

/** Google's error body: `{ error: { code, message, status } }`. */
function googleError(res: ServerResponse, status: number, reason: string, message: string): void {
  json(res, status, { error: { code: status, message, status: reason } });
}
