import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '@app/platform';
import type { Dashboard } from '@app/storehelper-contracts';
import { reviewFilterSchema } from '@app/storehelper-contracts';
import { stringify } from 'csv-stringify/sync';
import { jsPDF } from 'jspdf';
import type { StorehelperDeps } from '../deps.js';
import { reviewConditions } from '../reviews/filters.js';

/** Most rows one CSV export holds. */
export const EXPORT_MAX_ROWS = 50_000;

/** The filtered reviews as CSV (UTF-8 with a BOM, so Excel opens Korean text correctly). */
export async function reviewsCsv(
  deps: StorehelperDeps,
  storeId: string,
  rawFilter: unknown,
): Promise<string> {
  const filter = reviewFilterSchema.parse(rawFilter);
  const store = await deps.db
    .selectFrom('storehelper.stores')
    .select('time_zone')
    .where('id', '=', storeId)
    .executeTakeFirstOrThrow();
  const rows = await deps.db
    .selectFrom('storehelper.reviews as r')
    .leftJoin('storehelper.replies as p', 'p.review_id', 'r.id')
    .select([
      'r.platform',
      'r.platform_review_id',
      'r.reviewed_at',
      'r.author',
      'r.rating',
      'r.tags',
      'r.text',
      'r.photos',
      'r.sentiment',
      'r.sentiment_label',
      'r.keywords',
      'r.owner_reply',
      'p.status',
    ])
    .where('r.store_id', '=', storeId)
    .where((eb) => reviewConditions(eb, filter, store.time_zone))
    .orderBy('r.reviewed_at', 'desc')
    .limit(EXPORT_MAX_ROWS)
    .execute();
  const body = stringify(
    rows.map((r) => [
      r.platform,
      r.platform_review_id,
      r.reviewed_at.toISOString(),
      r.author,
      r.rating ?? '',
      r.tags.join(', '),
      r.text,
      r.photos,
      r.sentiment ?? '',
      r.sentiment_label ?? '',
      r.keywords.join(', '),
      r.owner_reply ?? '',
      r.status ?? '',
    ]),
    {
      header: true,
      columns: [
        'platform',
        'review_id',
        'date',
        'author',
        'rating',
        'tags',
        'text',
        'photos',
        'sentiment',
        'label',
        'keywords',
        'owner_reply',
        'reply_status',
      ],
    },
  );
  return `\uFEFF${body}`;
}

/** The variable naming a Hangul font for PDFs. */
export const PDF_FONT_VARIABLE = 'PDF_FONT_PATH';

/** Fonts with Hangul a PDF can embed: `PDF_FONT_PATH`, else Debian's Nanum or Noto CJK. */
const FONT_CANDIDATES = [
  process.env[PDF_FONT_VARIABLE],
  '/usr/share/fonts/truetype/nanum/NanumGothic.ttf',
  '/usr/share/fonts/truetype/noto/NotoSansKR-Regular.ttf',
].filter((p): p is string => Boolean(p));

let font: string | null | undefined;
function koreanFont(): string | null {
  if (font !== undefined) return font;
  const path = FONT_CANDIDATES.find((p) => existsSync(p));
  font = path ? readFileSync(path).toString('base64') : null;
  return font;
}

/**
 * The dashboard as a one-page PDF report (totals, weekly trend table, keywords, complaints). Korean
 * needs a font with Hangul: Debian's fonts-nanum (or PDF_FONT_PATH); without one the export says so.
 */
export function dashboardPdf(storeName: string, d: Dashboard, lang: 'ko' | 'en'): Buffer {
  const data = koreanFont();
  if (!data)
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      'PDF export needs a font with Hangul: install fonts-nanum or set PDF_FONT_PATH.',
    );
  const doc = new jsPDF({ unit: 'mm', format: 'a4' });
  doc.addFileToVFS('NanumGothic.ttf', data);
  doc.addFont('NanumGothic.ttf', 'NanumGothic', 'normal');
  doc.setFont('NanumGothic');
  const t = lang === 'ko' ? KO : EN;
  let y = 18;
  const line = (text: string, size = 10, gap = 6) => {
    if (y > 280) {
      doc.addPage();
      y = 18;
    }
    doc.setFontSize(size);
    doc.text(text, 14, y);
    y += gap;
  };
  line(`${storeName} — ${t.title}`, 16, 9);
  line(`${d.range.from} ~ ${d.range.to}`, 10, 8);
  line(
    `${t.reviews} ${d.totals.reviews} · ${t.rating} ${d.totals.averageRating ?? '-'} · ${t.sentiment} ${d.totals.averageSentiment ?? '-'}`,
  );
  line(
    `${t.negative} ${d.totals.negative} · ${t.unanswered} ${d.totals.unanswered} · ${t.responseRate} ${d.response.rate === null ? '-' : `${Math.round(d.response.rate * 100)}%`}`,
    10,
    9,
  );
  line(t.weeks, 12, 7);
  for (const w of d.weeks)
    line(
      `${w.week}   ${t.reviews} ${w.reviews}   ${t.rating} ${w.averageRating ?? '-'}   ${t.sentiment} ${w.averageSentiment ?? '-'}   ${t.negative} ${w.negative}`,
      9,
      5,
    );
  y += 3;
  line(t.keywords, 12, 7);
  line(
    d.keywords
      .map((k) => `${k.keyword} ${k.count}${k.trend === 'up' ? '↑' : k.trend === 'down' ? '↓' : ''}`)
      .join(', ') || '-',
    9,
    8,
  );
  if (d.complaints) {
    line(t.complaints, 12, 7);
    for (const c of d.complaints) {
      line(`${t.aspect[c.aspect]} (${c.count})`, 10, 5);
      for (const e of c.examples) line(`  “${e.evidence.slice(0, 90)}”`, 8, 5);
    }
  }
  return Buffer.from(doc.output('arraybuffer'));
}

const ASPECTS_KO = {
  taste: '맛',
  service: '서비스',
  price: '가격',
  cleanliness: '청결',
  waiting: '대기',
  parking: '주차',
  delivery: '배달',
  atmosphere: '분위기',
};
const ASPECTS_EN = {
  taste: 'Taste',
  service: 'Service',
  price: 'Price',
  cleanliness: 'Cleanliness',
  waiting: 'Waiting',
  parking: 'Parking',
  delivery: 'Delivery',
  atmosphere: 'Atmosphere',
};
const KO = {
  title: '리뷰 리포트',
  reviews: '리뷰',
  rating: '평점',
  sentiment: '감성',
  negative: '부정',
  unanswered: '미답변',
  responseRate: '답글률',
  weeks: '주간 추이',
  keywords: '키워드 (이번 주)',
  complaints: '반복되는 불만',
  aspect: ASPECTS_KO,
};
const EN = {
  title: 'Review report',
  reviews: 'Reviews',
  rating: 'Rating',
  sentiment: 'Sentiment',
  negative: 'Negative',
  unanswered: 'Unanswered',
  responseRate: 'Response rate',
  weeks: 'Weekly trend',
  keywords: 'Keywords (this week)',
  complaints: 'Recurring complaints',
  aspect: ASPECTS_EN,
};
