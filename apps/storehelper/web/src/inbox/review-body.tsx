import type { Review } from '@app/storehelper-contracts';
import { Badge, useFormat } from '@app/ui';
import { useT } from '../shared/i18n.js';
import { Stars } from '../shared/stars.js';

/** The left edge's colour by sentiment (the label is written out too: colour is never alone). */
export const sentimentEdge = {
  positive: 'border-l-success',
  neutral: 'border-l-border',
  negative: 'border-l-danger',
} as const;

const platformTone = {
  naver: 'bg-green-700 text-white',
  kakao: 'bg-yellow-300 text-black',
  google: 'bg-blue-700 text-white',
  import: 'bg-surface-muted text-fg',
} as const;

/** A platform's name as a small coloured label. */
export function PlatformBadge({ platform }: { platform: Review['platform'] }) {
  const { t } = useT();
  return (
    <span
      className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-bold ${platformTone[platform]}`}
    >
      {t(`platforms.${platform}`)}
    </span>
  );
}

/**
 * What a review says: platform, stars (or Naver's keyword chips when it has no stars), urgency,
 * date, the text, and the analysis (sentiment and the aspects it is about).
 */
export function ReviewBody({ review, clamp = false }: { review: Review; clamp?: boolean }) {
  const { t } = useT();
  const format = useFormat();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <PlatformBadge platform={review.platform} />
        {review.rating !== null && <Stars rating={review.rating} />}
        {review.urgent && <Badge tone="danger">{t('review.urgent')}</Badge>}
        <span className="ml-auto text-sm text-fg-muted">
          <time dateTime={review.reviewedAt}>{format.date(review.reviewedAt)}</time>
        </span>
      </div>
      {review.tags.length > 0 && (
        <ul aria-label={t('review.tags')} className="flex flex-wrap gap-1.5">
          {review.tags.map((tag) => (
            <li
              key={tag}
              className="rounded-full border border-green-700 px-2 py-0.5 text-xs font-semibold text-green-800 dark:border-green-400 dark:text-green-300"
            >
              {tag}
            </li>
          ))}
        </ul>
      )}
      {review.text && (
        <p className={`whitespace-pre-line break-words ${clamp ? 'line-clamp-4' : ''}`}>{review.text}</p>
      )}
      <Analysis review={review} />
    </div>
  );
}

function Analysis({ review }: { review: Review }) {
  const { t } = useT();
  if (review.sentimentLabel === null) return <p className="text-sm text-fg-muted">{t('review.analysing')}</p>;
  const tone =
    review.sentimentLabel === 'positive'
      ? 'text-success'
      : review.sentimentLabel === 'negative'
        ? 'text-danger'
        : 'text-fg-muted';
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-sm">
      <span className={`font-semibold ${tone}`}>
        {t(`sentiments.${review.sentimentLabel}`)}
        {review.sentiment !== null && (
          <span className="font-normal tabular-nums"> ({review.sentiment.toFixed(2)})</span>
        )}
      </span>
      {review.aspects.length > 0 && (
        <ul aria-label={t('review.aspects')} className="contents">
          {review.aspects.map((aspect) => (
            <li key={aspect.aspect}>
              <Badge
                tone={
                  aspect.label === 'positive' ? 'success' : aspect.label === 'negative' ? 'danger' : 'neutral'
                }
              >
                {t(`aspects.${aspect.aspect}`)}
                <span aria-hidden="true" className="ml-0.5">
                  {aspect.label === 'positive' ? '+' : aspect.label === 'negative' ? '−' : '·'}
                </span>
                <span className="sr-only">{t(`sentiments.${aspect.label}`)}</span>
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
