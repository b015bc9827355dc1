/** A review as the v4 API returns it. */
export interface StandInReview {
  name: string;
  reviewId: string;
  reviewer: { displayName: string; isAnonymous: boolean };
  starRating: 'ONE' | 'TWO' | 'THREE' | 'FOUR' | 'FIVE';
  comment?: string;
  createTime: string;
  updateTime: string;
  reviewReply?: { comment: string; updateTime: string };
  reviewMediaItems?: { name: string; mediaFormat: 'PHOTO' }[];
}

export const STARS = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'] as const;

/** The stand-in's Google: one account with two locations and their reviews. */
export interface StandInWorld {
  readonly account: string;
  readonly location: string;
  readonly otherLocation: string;
  /** `accounts/a/locations/l` -> its reviews. */
  readonly reviewsByLocation: ReadonlyMap<string, StandInReview[]>;
  readonly replies: { review: string; comment: string }[];
  readonly deletedReplies: string[];
}

/** What the stand-in answers to one Business Profile API request. */
export interface ApiAnswer {
  status: number;
  body?: unknown;
  reason?: string;
  message?: string;
}

/**
 * The Business Profile endpoints of the stand-in (accounts, locations, reviews, replies) over its
 * state, with the documented shapes and Google's error reasons.
 */
export function answerBusinessApi(
  world: StandInWorld,
  method: string,
  path: string,
  query: URLSearchParams,
  body: string,
): ApiAnswer {
  const { account, location, otherLocation, reviewsByLocation } = world;
  if (method === 'GET' && path === '/accountmanagement/v1/accounts')
    return {
      status: 200,
      body: {
        accounts: [
          {
            name: account,
            accountName: '성수 본점 계정',
            type: 'PERSONAL',
            verificationState: 'VERIFIED',
            vettedState: 'NOT_VETTED',
          },
        ],
      },
    };
  const locations = /^\/businessinformation\/v1\/(accounts\/[^/]+)\/locations$/.exec(path);
  if (method === 'GET' && locations) {
    if (locations[1] !== account)
      return { status: 403, reason: 'PERMISSION_DENIED', message: 'The caller does not have permission' };
    if (!query.get('readMask'))
      return { status: 400, reason: 'INVALID_ARGUMENT', message: 'Request contains an invalid argument.' };
    const address = (line: string) => ({
      regionCode: 'KR',
      languageCode: 'ko',
      postalCode: '04778',
      administrativeArea: '서울특별시',
      locality: '성동구',
      addressLines: [line],
    });
    return {
      status: 200,
      body: {
        locations: [
          { name: location, title: '성수 본점', storefrontAddress: address('성수이로 1') },
          { name: otherLocation, title: '성수 2호점', storefrontAddress: address('성수이로 2') },
        ],
      },
    };
  }
  const list = /^\/mybusiness\/v4\/(accounts\/[^/]+\/locations\/[^/]+)\/reviews$/.exec(path);
  if (method === 'GET' && list) {
    const reviews = reviewsByLocation.get(list[1] ?? '');
    if (!reviews) return { status: 404, reason: 'NOT_FOUND', message: 'Requested entity was not found.' };
    const size = Math.min(50, Math.max(1, Number(query.get('pageSize') ?? 50) || 50));
    const token = query.get('pageToken');
    const offset = token ? Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^o:/, '')) : 0;
    if (!Number.isInteger(offset) || offset < 0)
      return { status: 400, reason: 'INVALID_ARGUMENT', message: 'Invalid page token.' };
    const sorted = [...reviews].sort((a, b) => b.updateTime.localeCompare(a.updateTime));
    const page = sorted.slice(offset, offset + size);
    const rated = reviews.map((r) => STARS.indexOf(r.starRating) + 1);
    return {
      status: 200,
      body: {
        reviews: page,
        averageRating: rated.length
          ? Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 10) / 10
          : 0,
        totalReviewCount: reviews.length,
        ...(offset + size < sorted.length
          ? { nextPageToken: Buffer.from(`o:${offset + size}`).toString('base64url') }
          : {}),
      },
    };
  }
  const reply = /^\/mybusiness\/v4\/(accounts\/[^/]+\/locations\/[^/]+)\/reviews\/([^/]+)\/reply$/.exec(path);
  if (reply && (method === 'PUT' || method === 'DELETE')) {
    const reviewId = decodeURIComponent(reply[2] ?? '');
    const review = reviewsByLocation.get(reply[1] ?? '')?.find((r) => r.reviewId === reviewId);
    if (!review) return { status: 404, reason: 'NOT_FOUND', message: 'Requested entity was not found.' };
    if (method === 'DELETE') {
      delete review.reviewReply;
      world.deletedReplies.push(review.name);
      return { status: 200, body: {} };
    }
    let comment: unknown;
    try {
      comment = (JSON.parse(body) as { comment?: unknown }).comment;
    } catch {
      comment = undefined;
    }
    if (typeof comment !== 'string' || !comment || Buffer.byteLength(comment) > 4096)
      return { status: 400, reason: 'INVALID_ARGUMENT', message: 'Request contains an invalid argument.' };
    review.reviewReply = { comment, updateTime: new Date().toISOString() };
    world.replies.push({ review: review.name, comment });
    return { status: 200, body: review.reviewReply };
  }
  return { status: 404, reason: 'NOT_FOUND', message: 'Requested entity was not found.' };
}
