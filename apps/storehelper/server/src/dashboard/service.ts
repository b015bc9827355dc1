import { rankKeywordTrends } from '@app/nlp';
import type { Dashboard } from '@app/storehelper-contracts';
import { reviewFilterSchema } from '@app/storehelper-contracts';
import { sql } from 'kysely';
import { APP, type StorehelperDeps } from '../deps.js';
import { type ReviewFilter, reviewConditions } from '../reviews/filters.js';

/** The default range: the last 12 weeks. */
const DEFAULT_DAYS = 84;
/** Complaints need this many reviews about an aspect to count as recurring. */
const RECURRING = 2;

type Aspect = NonNullable<Dashboard['aspects']>[number]['aspect'];

/**
 * A store's dashboard for the filtered reviews (platform, sentiment, rating, dates): weekly rating
 * and sentiment, keyword trends (this week against the last), response rate and time, platforms;
 * with advanced analytics (Premium and up) aspects, recurring complaints with examples and the
 * competitors side by side; and what to do next. Every number is one SQL aggregate over the
 * store's reviews (index on store and date).
 */
export class DashboardService {
  constructor(private readonly deps: StorehelperDeps) {}

  async get(storeId: string, rawFilter: unknown): Promise<Dashboard> {
    const filter = reviewFilterSchema.parse(rawFilter);
    const store = await this.deps.db
      .selectFrom('storehelper.stores')
      .selectAll()
      .where('id', '=', storeId)
      .executeTakeFirstOrThrow();
    const zone = store.time_zone;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    const range = { from: filter.from ?? shift(today, -(DEFAULT_DAYS - 1)), to: filter.to ?? today };
    const scoped: ReviewFilter = { ...filter, ...range };
    const base = () =>
      this.deps.db
        .selectFrom('storehelper.reviews as r')
        .where('r.store_id', '=', storeId)
        .where((eb) => reviewConditions(eb, scoped, zone));
    // Week starts (Mondays, in the store's zone) from the one on or before the range's first day:
    // each review falls in a week by a binary search over these instants (width_bucket), cheaper
    // per row than truncating its local time and far cheaper than formatting it.
    const mondays = weekStarts(range.from, range.to);
    const weekOf = sql<number>`width_bucket(r.reviewed_at, w.starts)`;
    const starts = sql<
      Date[]
    >`(select array_agg((d::date)::timestamp at time zone ${zone} order by d) as starts
      from unnest(${mondays}::date[]) d)`.as('w');
    const [{ features }, groups, median, keywordRows] = await Promise.all([
      this.deps.platform.billing.entitlements(store.owner_id, APP),
      // One pass over the range, from the covering index alone: the totals, each week and each
      // platform (grouping sets, hashed).
      base()
        .crossJoin(starts)
        .select((eb) => [
          sql<number>`grouping(${weekOf})`.as('by_week'),
          sql<number>`grouping(r.platform)`.as('by_platform'),
          weekOf.as('week'),
          'r.platform',
          eb.fn.countAll<number>().as('reviews'),
          sql<number | null>`avg(r.rating)::float8`.as('rating'),
          sql<number | null>`avg(r.sentiment)::float8`.as('sentiment'),
          eb.fn.countAll<number>().filterWhere('r.sentiment_label', '=', 'negative').as('negative'),
          eb.fn.countAll<number>().filterWhere('r.answered', '=', false).as('unanswered'),
          eb.fn
            .countAll<number>()
            .filterWhere((w) => w.and([w('r.urgent', '=', true), w('r.answered', '=', false)]))
            .as('urgent'),
        ])
        .groupBy(sql`grouping sets ((), (${weekOf}), (r.platform))`)
        .execute(),
      // The median time to answer, over the answered reviews only.
      base()
        .leftJoin('storehelper.replies as p', 'p.review_id', 'r.id')
        .where(sql<boolean>`coalesce(p.posted_at, r.owner_replied_at) is not null`)
        .select(
          sql<
            number | null
          >`percentile_cont(0.5) within group (order by extract(epoch from (coalesce(p.posted_at, r.owner_replied_at) - r.reviewed_at)) / 3600)`.as(
            'median',
          ),
        )
        .executeTakeFirst(),
      // Keywords of the last 14 days of the range, counted once per review: this week and the one before.
      sql<{ keyword: string; recent: number; before: number }>`
        select k.keyword, count(*) filter (where r.reviewed_at >= ((${shift(range.to, -6)}::date)::timestamp at time zone ${zone}))::int as recent,
          count(*) filter (where r.reviewed_at < ((${shift(range.to, -6)}::date)::timestamp at time zone ${zone}))::int as before
        from storehelper.reviews r,
          lateral (select distinct lower(btrim(u.k)) as keyword from unnest(r.keywords) as u(k) where btrim(u.k) <> '') k
        where r.store_id = ${storeId}
          and r.reviewed_at >= ((${shift(range.to, -13)}::date)::timestamp at time zone ${zone})
          and r.reviewed_at < ((${shift(range.to, 1)}::date)::timestamp at time zone ${zone})
          ${filter.platform ? sql`and r.platform = ${filter.platform}` : sql``}
        group by k.keyword`.execute(this.deps.db),
    ]);
    const advanced = features.includes('advancedAnalytics');
    const totalsRow = groups.find((g) => Number(g.by_week) === 1 && Number(g.by_platform) === 1);
    const totals = totalsRow ?? {
      reviews: 0,
      rating: null,
      sentiment: null,
      negative: 0,
      unanswered: 0,
      urgent: 0,
    };
    const weeks = groups
      .filter((g) => Number(g.by_week) === 0)
      .map((g) => ({ ...g, week: mondays[Number(g.week) - 1] ?? '' }))
      .sort((a, b) => (a.week < b.week ? -1 : 1));
    const platforms = groups
      .filter((g) => Number(g.by_platform) === 0)
      .sort((a, b) => (a.platform < b.platform ? -1 : 1));
    const response = {
      reviews: totals.reviews,
      answered: Number(totals.reviews) - Number(totals.unanswered),
      median: median?.median ?? null,
    };

    const keywords = rankKeywordTrends(
      new Map(keywordRows.rows.filter((row) => row.recent > 0).map((row) => [row.keyword, row.recent])),
      new Map(keywordRows.rows.filter((row) => row.before > 0).map((row) => [row.keyword, row.before])),
      { limit: 15 },
    ).map((t) => ({
      keyword: t.keyword,
      count: t.current,
      previous: t.previous,
      trend: t.trend,
    }));

    let aspects: Dashboard['aspects'] = null;
    let complaints: Dashboard['complaints'] = null;
    let competitors: Dashboard['competitors'] = null;
    if (advanced) {
      const [aspectRows, rivals] = await Promise.all([
        sql<{
          aspect: Aspect;
          label: string;
          n: number;
          examples: { reviewId: string; evidence: string }[];
        }>`
        select a.value->>'aspect' as aspect, a.value->>'label' as label, count(*)::int as n,
          (array_agg(jsonb_build_object('reviewId', r.id, 'evidence', a.value->>'evidence') order by r.reviewed_at desc))[1:2] as examples
        from storehelper.reviews r, jsonb_array_elements(coalesce(r.aspects, '[]'::jsonb)) as a(value)
        where r.store_id = ${storeId}
          and r.reviewed_at >= ((${range.from}::date)::timestamp at time zone ${zone})
          and r.reviewed_at < ((${shift(range.to, 1)}::date)::timestamp at time zone ${zone})
          ${filter.platform ? sql`and r.platform = ${filter.platform}` : sql``}
        group by 1, 2`.execute(this.deps.db),
        sql<{
          id: string;
          name: string;
          reviews: number;
          rating: number | null;
          sentiment: number | null;
        }>`
        select s.id, s.name, count(r.id)::int as reviews, avg(r.rating)::float8 as rating, avg(r.sentiment)::float8 as sentiment
        from storehelper.stores s
        left join storehelper.reviews r on r.store_id = s.id
          and r.reviewed_at >= ((${range.from}::date)::timestamp at time zone ${zone})
          and r.reviewed_at < ((${shift(range.to, 1)}::date)::timestamp at time zone ${zone})
        where s.competitor_of = ${storeId}
        group by s.id, s.name order by s.name`.execute(this.deps.db),
      ]);
      const byAspect = new Map<Aspect, { positive: number; negative: number; neutral: number }>();
      for (const row of aspectRows.rows) {
        const entry = byAspect.get(row.aspect) ?? { positive: 0, negative: 0, neutral: 0 };
        entry[row.label as 'positive' | 'negative' | 'neutral'] = row.n;
        byAspect.set(row.aspect, entry);
      }
      aspects = [...byAspect]
        .map(([aspect, counts]) => ({ aspect, ...counts }))
        .sort((a, b) => b.negative + b.positive - (a.negative + a.positive));
      complaints = aspectRows.rows
        .filter((row) => row.label === 'negative' && row.n >= RECURRING)
        .sort((a, b) => b.n - a.n)
        .map((row) => ({ aspect: row.aspect, count: row.n, examples: row.examples }));
      competitors = rivals.rows.map((row) => ({
        storeId: row.id,
        name: row.name,
        reviews: row.reviews,
        averageRating: round(row.rating),
        averageSentiment: round(row.sentiment),
      }));
    }

    const reviewCount = Number(totals.reviews);
    const dashboard: Dashboard = {
      range,
      totals: {
        reviews: reviewCount,
        averageRating: round(totals.rating),
        averageSentiment: round(totals.sentiment),
        negative: Number(totals.negative),
        unanswered: Number(totals.unanswered),
        urgentOpen: Number(totals.urgent),
      },
      weeks: weeks.map((w) => ({
        week: w.week,
        reviews: Number(w.reviews),
        averageRating: round(w.rating),
        averageSentiment: round(w.sentiment),
        negative: Number(w.negative),
      })),
      keywords,
      response: {
        rate:
          Number(response.reviews) === 0 ? null : round(Number(response.answered) / Number(response.reviews)),
        medianHours: round(response.median),
      },
      platforms: platforms.map((p) => ({
        platform: p.platform as Dashboard['platforms'][number]['platform'],
        reviews: Number(p.reviews),
        averageRating: round(p.rating),
      })),
      advanced,
      aspects,
      complaints,
      competitors,
      recommendations: [],
    };
    dashboard.recommendations = recommend(dashboard, store);
    return dashboard;
  }
}

function recommend(
  d: Dashboard,
  store: { google_location: string | null; naver_place_id: string | null; kakao_place_id: string | null },
): Dashboard['recommendations'] {
  const out: Dashboard['recommendations'] = [];
  if (d.totals.urgentOpen > 0) out.push({ kind: 'answer-urgent', aspect: null, count: d.totals.urgentOpen });
  if (d.totals.unanswered > 0)
    out.push({ kind: 'answer-unanswered', aspect: null, count: d.totals.unanswered });
  const worst = d.complaints?.[0];
  if (worst) out.push({ kind: 'fix-aspect', aspect: worst.aspect, count: worst.count });
  const best = d.aspects
    ?.filter((a) => a.positive > a.negative * 2)
    .sort((a, b) => b.positive - a.positive)[0];
  if (best) out.push({ kind: 'praise-aspect', aspect: best.aspect, count: best.positive });
  if (!store.google_location && !store.naver_place_id && !store.kakao_place_id)
    out.push({ kind: 'connect', aspect: null, count: null });
  else if (d.totals.reviews === 0) out.push({ kind: 'collect', aspect: null, count: null });
  return out;
}

function round(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return Math.round(Number(value) * 100) / 100;
}

/** The Mondays from the one on or before `from` up to `to` (ISO days). */
export function weekStarts(from: string, to: string): string[] {
  const weekday = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7;
  const out: string[] = [];
  for (let day = shift(from, -weekday); day <= to; day = shift(day, 7)) out.push(day);
  return out;
}

/** An ISO day `days` later (negative: earlier). */
export function shift(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
