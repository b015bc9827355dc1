import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ShopLabel } from '../shop/analyze.js';
import type { Lang } from '../text/lang.js';

/** The hand-written shop-review calibration set shipped with the package. */
export const SHOP_REVIEWS_FILE = fileURLToPath(new URL('../../data/shop-reviews.tsv', import.meta.url));

/** Gold labels in ordinal order (index = ordinal class). */
export const SHOP_LABELS: readonly ShopLabel[] = ['negative', 'neutral', 'positive'];

/** One labelled review of `data/shop-reviews.tsv`. */
export interface ShopReviewRow {
  label: ShopLabel;
  /** Ordinal class: 0 negative, 1 neutral, 2 positive. */
  y: number;
  rating: number | undefined;
  domain: string;
  lang: Lang;
  /** `fit`: the calibration is fitted on it; `held`: only measured. */
  part: 'fit' | 'held';
  text: string;
}

const HEADER = 'label\trating\tdomain\tlang\tpart\ttext';

/** Parses the calibration set (TSV with a header row; rating `-` = none). */
export function parseShopReviews(tsv: string): ShopReviewRow[] {
  const [header, ...lines] = tsv.split('\n').filter((l) => l.length > 0);
  if (header !== HEADER) throw new Error('shop-reviews: unexpected header');
  return lines.map((line, i) => {
    const [label, rating, domain, lang, part, text] = line.split('\t');
    const y = SHOP_LABELS.indexOf(label as ShopLabel);
    const ok =
      y >= 0 &&
      (rating === '-' || /^[1-5]$/.test(`${rating}`)) &&
      (lang === 'ko' || lang === 'en') &&
      (part === 'fit' || part === 'held') &&
      text !== undefined &&
      text.length > 0;
    if (!ok || domain === undefined) throw new Error(`shop-reviews: bad line ${i + 2}`);
    return {
      label: label as ShopLabel,
      y,
      rating: rating === '-' ? undefined : Number(rating),
      domain,
      lang,
      part,
      text,
    };
  });
}

/** Reads `data/shop-reviews.tsv`. */
export function readShopReviews(file = SHOP_REVIEWS_FILE): ShopReviewRow[] {
  return parseShopReviews(readFileSync(file, 'utf8'));
}
