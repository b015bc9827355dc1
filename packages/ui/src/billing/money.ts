import type { BillingInterval, Currency, Plan } from '@app/contracts';

/** Minor units per major unit: KRW has none, USD has cents (as plan prices are stored). */
const minorUnits: Record<Currency, number> = { krw: 1, usd: 100 };

/**
 * A price in minor units as the locale writes it (₩19,000; $15; $7.99): Intl.NumberFormat with the
 * currency's symbol, without decimals when the amount is whole.
 */
export function formatMoney(amount: number, currency: Currency, locale: string): string {
  const major = amount / minorUnits[currency];
  const whole = Number.isInteger(major);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
    // `$15` and `₩19,000` rather than en-GB's `US$15`: the currency is also named by the picker.
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(major);
}

/** What the plan costs a month when paid yearly, in minor units (rounded down to a whole unit). */
export function monthlyOfYearly(plan: Plan, currency: Currency): number {
  const unit = minorUnits[currency];
  return Math.floor(plan.prices.year[currency] / 12 / unit) * unit;
}

/** The most that paying yearly saves over twelve monthly payments among the plans, in whole percent. */
export function yearlySaving(plans: readonly Plan[], currency: Currency): number {
  let best = 0;
  for (const plan of plans) {
    const monthly = plan.prices.month[currency] * 12;
    if (monthly <= 0) continue;
    best = Math.max(best, Math.round((1 - plan.prices.year[currency] / monthly) * 100));
  }
  return best;
}

/** The currency shown first: won in Korean, dollars in English. */
export function defaultCurrency(language: string): Currency {
  return language.startsWith('ko') ? 'krw' : 'usd';
}

/** The price of a plan for a period and currency, in minor units. */
export function priceOf(plan: Plan, interval: BillingInterval, currency: Currency): number {
  return plan.prices[interval][currency];
}
