import type { ReviewPlatform, SentimentLabel } from '@app/storehelper-contracts';

export const platforms = ['google', 'naver', 'kakao', 'import'] as const satisfies readonly ReviewPlatform[];
export const sentiments = ['positive', 'neutral', 'negative'] as const satisfies readonly SentimentLabel[];
export const statuses = ['unanswered', 'drafted', 'answered', 'urgent'] as const;
export type ReviewStatus = (typeof statuses)[number];

/** The inbox's (and the dashboard's) filters, as kept in the page's address. */
export interface ReviewFilters {
  platform?: ReviewPlatform;
  sentiment?: SentimentLabel;
  rating?: number;
  from?: string;
  to?: string;
  q?: string;
  status?: ReviewStatus;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
/** `2024-02-29` yes, `2023-02-29` and `2024-13-01` no. */
const isRealDay = (day: string) => {
  if (!isoDay.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((candidate) => candidate === value);

/**
 * Reads the filters from the address's query (`?platform=naver&status=urgent`); values the API
 * would refuse (a rating of 9, a date that is not a day) are dropped instead of breaking the page.
 */
export function readFilters(params: URLSearchParams): ReviewFilters {
  const filters: ReviewFilters = {};
  const platform = pick(params.get('platform'), platforms);
  if (platform) filters.platform = platform;
  const sentiment = pick(params.get('sentiment'), sentiments);
  if (sentiment) filters.sentiment = sentiment;
  const rating = Number(params.get('rating'));
  if (Number.isInteger(rating) && rating >= 1 && rating <= 5) filters.rating = rating;
  for (const key of ['from', 'to'] as const) {
    const day = params.get(key);
    if (day && isRealDay(day)) filters[key] = day;
  }
  const q = params.get('q')?.trim().slice(0, 200);
  if (q) filters.q = q;
  const status = pick(params.get('status'), statuses);
  if (status) filters.status = status;
  return filters;
}

/**
 * The address's query with `changes` applied (undefined or '' removes a filter); other parameters
 * (the open review) are kept.
 */
export function withFilters(
  params: URLSearchParams,
  changes: Partial<Record<keyof ReviewFilters, string | number | undefined>>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

/** How many filters other than the status are set (for the phone's "Filters (2)"). */
export function countFilters(filters: ReviewFilters): number {
  return (['platform', 'sentiment', 'rating', 'from', 'to', 'q'] as const).filter(
    (key) => filters[key] !== undefined,
  ).length;
}

/**
 * The filters the inbox and the dashboard share, as a query to carry from one to the other
 * (`?platform=naver&from=2024-10-01`, or '' when none is set); the status and the open review stay.
 */
export function sharedQuery(params: URLSearchParams): string {
  const filters = readFilters(params);
  const shared = new URLSearchParams();
  for (const key of ['platform', 'sentiment', 'rating', 'from', 'to'] as const) {
    const value = filters[key];
    if (value !== undefined) shared.set(key, String(value));
  }
  const query = shared.toString();
  return query ? `?${query}` : '';
}
