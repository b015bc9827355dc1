import type { BillingInterval, Currency, Localized, Plan } from '@app/contracts';
import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import { useLocalized } from '../app/context.js';
import { Badge } from '../components/badge.js';
import { useFormat } from '../i18n/format.js';
import { formatMoney, monthlyOfYearly, priceOf } from './money.js';
import { useBillingText } from './text.js';

/** One plan on the pricing page: name, price for the period and currency, limits, features, action. */
export function PlanCard({
  plan,
  interval,
  currency,
  labels,
  limitKeys,
  featureKeys,
  withCredits,
  current,
  recommended,
  action,
}: {
  plan: Plan;
  interval: BillingInterval;
  currency: Currency;
  labels: Record<string, Localized>;
  /** Every limit and feature key of the app's plans, so the cards line up. */
  limitKeys: readonly string[];
  featureKeys: readonly string[];
  /** Whether any plan grants AI credits (then each card says how many). */
  withCredits: boolean;
  current: boolean;
  recommended: boolean;
  action: ReactNode;
}) {
  const t = useBillingText();
  const pick = useLocalized();
  const format = useFormat();
  const name = pick(plan.name);
  const label = (key: string) => (labels[key] ? pick(labels[key]) : key);
  const price = priceOf(plan, interval, currency);
  const headingId = `plan-${plan.code}`;
  return (
    <section
      aria-labelledby={headingId}
      className={clsx(
        'flex flex-col gap-4 rounded-xl border bg-surface p-5 shadow-sm',
        current || recommended ? 'border-2 border-accent' : 'border-border',
      )}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-xl font-bold">
          {name}
        </h2>
        {current && <Badge tone="accent">{t('currentPlan')}</Badge>}
        {recommended && !current && <Badge tone="success">{t('recommended')}</Badge>}
      </div>
      <p className="text-sm text-fg-muted">{pick(plan.description)}</p>
      <div>
        {plan.free ? (
          <p className="text-3xl font-bold tracking-tight">{formatMoney(0, currency, format.locale)}</p>
        ) : (
          <p className="flex flex-wrap items-baseline gap-x-1">
            <span className="text-3xl font-bold tracking-tight">
              {formatMoney(price, currency, format.locale)}
            </span>
            <span className="text-sm text-fg-muted">
              {interval === 'month' ? t('perMonth') : t('perYear')}
            </span>
          </p>
        )}
        <p className="min-h-6 text-sm text-fg-muted">
          {plan.free
            ? t('freeForever')
            : interval === 'year'
              ? t('monthlyWhenYearly', {
                  price: formatMoney(monthlyOfYearly(plan, currency), currency, format.locale),
                })
              : ''}
        </p>
      </div>
      <div className="mt-auto">{action}</div>
      <ul aria-label={t('planFeatures', { plan: name })} className="flex flex-col gap-2 text-sm">
        {limitKeys.map((key) => {
          const limit = plan.limits[key];
          return (
            <li key={key} className="flex justify-between gap-3 border-b border-border pb-2">
              <span>{label(key)}</span>
              <span className="font-semibold">
                {limit === null || limit === undefined ? t('unlimited') : format.number(limit)}
              </span>
            </li>
          );
        })}
        {withCredits && (
          <li className="flex justify-between gap-3 border-b border-border pb-2">
            <span>
              {plan.monthlyCredits
                ? t('credits', { credits: format.number(plan.monthlyCredits) })
                : t('noCredits')}
            </span>
          </li>
        )}
        {featureKeys.map((key) => {
          const included = plan.features.includes(key);
          return (
            <li key={key} className={clsx('flex items-start gap-2', !included && 'text-fg-muted')}>
              <span aria-hidden="true" className={clsx('w-4 shrink-0 font-bold', included && 'text-success')}>
                {included ? '✓' : '–'}
              </span>
              <span>
                {label(key)}
                {!included && <span className="sr-only"> ({t('notIncluded')})</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
