import { useT } from './i18n.js';

/** A 1-5 rating as stars, read out as "4 of 5 stars". */
export function Stars({ rating }: { rating: number }) {
  const { t } = useT();
  const full = Math.max(0, Math.min(5, Math.round(rating)));
  return (
    <span
      role="img"
      aria-label={t('review.stars', { rating })}
      className="whitespace-nowrap text-amber-700 dark:text-amber-400"
    >
      {'★'.repeat(full)}
      <span className="text-fg-muted">{'☆'.repeat(5 - full)}</span>
    </span>
  );
}
