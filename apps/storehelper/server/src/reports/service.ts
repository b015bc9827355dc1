import { notificationType } from '@app/platform';
import { sql } from 'kysely';
import { type DashboardService, shift } from '../dashboard/service.js';
import { APP, type StorehelperDeps } from '../deps.js';

/** What a stored report holds. */
export interface ReportBody {
  from: string;
  to: string;
  reviews: number;
  averageRating: number | null;
  negative: number;
  unanswered: number;
  topKeywords: string[];
  complaints: string[];
}

const reportNotification = (kind: 'daily' | 'weekly') =>
  notificationType(
    `storehelper.${kind}-report`,
    {
      ko: {
        title: kind === 'daily' ? '{store} 어제의 리뷰' : '{store} 지난주 리뷰 분석',
        body: '새 리뷰 {reviews}개, 평점 {rating}, 부정 {negative}개, 미답변 {unanswered}개',
      },
      en: {
        title: kind === 'daily' ? '{store}: yesterday’s reviews' : '{store}: last week’s reviews',
        body: '{reviews} new reviews, rating {rating}, {negative} negative, {unanswered} unanswered',
      },
    },
    {
      app: APP,
      link: (data) => `/storehelper/stores/${String(data.storeId)}/reports`,
      defaults: { email: 'instant' },
    },
  );
export const dailyReportNotification = reportNotification('daily');
export const weeklyReportNotification = reportNotification('weekly');

/**
 * Reports in the store's time zone, driven by one hourly tick: at 09:00 local the daily report of
 * yesterday, and on Mondays also the weekly analysis of the week before; each stored once (also
 * shown in the app) and sent to the owner by email at once.
 */
export class Reports {
  constructor(
    private readonly deps: StorehelperDeps,
    private readonly dashboard: DashboardService,
  ) {}

  /** Stores (not competitors) whose local time is `hour` now; with `monday`, only where it is Monday. */
  async storesAt(now: Date, hour: number, monday = false): Promise<{ id: string; timeZone: string }[]> {
    const { rows } = await sql<{ id: string; time_zone: string }>`
      select id, time_zone from storehelper.stores
      where competitor_of is null
        and extract(hour from ${now}::timestamptz at time zone time_zone) = ${hour}
        and (not ${monday} or extract(isodow from ${now}::timestamptz at time zone time_zone) = 1)`.execute(
      this.deps.db,
    );
    return rows.map((row) => ({ id: row.id, timeZone: row.time_zone }));
  }

  /** Writes (once) and sends (once) a store's report of yesterday or of last week, relative to `now`. */
  async write(storeId: string, kind: 'daily' | 'weekly', now = new Date()): Promise<ReportBody> {
    const store = await this.deps.db
      .selectFrom('storehelper.stores')
      .selectAll()
      .where('id', '=', storeId)
      .executeTakeFirstOrThrow();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: store.time_zone }).format(now);
    const to = shift(today, -1);
    const from = kind === 'daily' ? to : shift(today, -7);
    const d = await this.dashboard.get(storeId, { from, to });
    const body: ReportBody = {
      from,
      to,
      reviews: d.totals.reviews,
      averageRating: d.totals.averageRating,
      negative: d.totals.negative,
      unanswered: d.totals.unanswered,
      topKeywords: d.keywords.slice(0, 5).map((k) => k.keyword),
      complaints: (d.complaints ?? []).slice(0, 3).map((c) => c.aspect),
    };
    const inserted = await this.deps.db
      .insertInto('storehelper.reports')
      .values({ store_id: storeId, kind, period_start: from, body: JSON.stringify(body) })
      .onConflict((oc) => oc.columns(['store_id', 'kind', 'period_start']).doNothing())
      .returning('store_id')
      .executeTakeFirst();
    if (inserted) {
      await this.deps.platform.notifications.send(
        kind === 'daily' ? dailyReportNotification : weeklyReportNotification,
        {
          userId: store.owner_id,
          dedupeKey: `storehelper.${kind}:${storeId}:${from}`,
          data: {
            store: store.name,
            storeId,
            reviews: body.reviews,
            rating: body.averageRating ?? '-',
            negative: body.negative,
            unanswered: body.unanswered,
          },
        },
      );
      await this.deps.db
        .updateTable('storehelper.reports')
        .set({ sent_at: new Date() })
        .where('store_id', '=', storeId)
        .where('kind', '=', kind)
        .where('period_start', '=', new Date(`${from}T00:00:00Z`))
        .execute();
    }
    return body;
  }

  async list(storeId: string) {
    const rows = await this.deps.db
      .selectFrom('storehelper.reports')
      .selectAll()
      .where('store_id', '=', storeId)
      .orderBy('period_start', 'desc')
      .orderBy('kind')
      .limit(60)
      .execute();
    return {
      items: rows.map((row) => ({
        kind: row.kind as 'daily' | 'weekly',
        periodStart: new Date(row.period_start).toISOString().slice(0, 10),
        body: row.body as unknown as ReportBody,
        sentAt: row.sent_at?.toISOString() ?? null,
      })),
    };
  }
}
