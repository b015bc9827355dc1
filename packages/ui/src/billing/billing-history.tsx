import { call } from '@app/client';
import type { CreditEntry, Entitlements, Invoice, Plan } from '@app/contracts';
import { useMemo } from 'react';
import { useApi, useLocalized, useWebApp } from '../app/context.js';
import { Badge } from '../components/badge.js';
import { Card } from '../components/card.js';
import { CursorTable } from '../components/table.js';
import { useFormat } from '../i18n/format.js';
import { usePlans } from './data.js';
import { billingKeys } from './keys.js';
import { formatMoney } from './money.js';
import { useBillingText } from './text.js';

const PAGE = 20;

/**
 * A credit entry's reason in the user's language: the ones the platform writes are translated (with
 * the plan's name, from `appPlans` or else the web app's own), others (an admin's words, an app's
 * task) are shown as written.
 */
export function useCreditReason(appPlans?: readonly Plan[]): (reason: string) => string {
  const t = useBillingText();
  const pick = useLocalized();
  const own = usePlans().data?.plans;
  const plans = appPlans ?? own;
  return (reason) => {
    if (reason === 'monthly grant') return t('reasons.monthly');
    if (reason === 'monthly credits expired') return t('reasons.expired');
    const code = /^plan changed to ([a-z][a-z0-9_]*)$/.exec(reason)?.[1];
    if (code) {
      const plan = plans?.find((candidate) => candidate.code === code);
      return t('reasons.planChanged', { plan: plan ? pick(plan.name) : code });
    }
    return reason;
  };
}

/** The credit balance, the monthly grant and the ledger's entries, newest first ("Load more"). */
export function CreditHistory({ me }: { me: Entitlements }) {
  const t = useBillingText();
  const api = useApi();
  const app = useWebApp().manifest.name;
  const format = useFormat();
  const reason = useCreditReason();
  const time = useMemo(() => new Intl.DateTimeFormat(format.locale, { timeStyle: 'short' }), [format.locale]);
  const signed = (amount: number) =>
    `${amount > 0 ? '+' : amount < 0 ? '−' : ''}${format.number(Math.abs(amount))}`;
  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">{t('creditsTitle')}</h2>
      <div>
        <p className="text-sm text-fg-muted">{t('balance')}</p>
        <p className="text-3xl font-bold" data-testid="credit-balance">
          {format.number(me.credits.balance)}
        </p>
        <p className="text-sm text-fg-muted">
          {me.credits.monthlyGrant > 0
            ? t('creditsLead', { credits: format.number(me.credits.monthlyGrant) })
            : t('creditsNone')}
        </p>
      </div>
      <h3 className="font-semibold">{t('creditHistory')}</h3>
      <CursorTable<CreditEntry>
        caption={t('creditHistory')}
        queryKey={billingKeys.credits(app)}
        fetchPage={(cursor) =>
          call(
            api.GET('/api/v1/billing/credits', {
              params: { query: { app, limit: PAGE, ...(cursor ? { cursor } : {}) } },
            }),
          )
        }
        rowKey={(entry) => entry.id}
        empty={{ title: t('noCreditHistory') }}
        columns={[
          {
            header: t('date'),
            cell: (entry) => (
              <>
                <span className="whitespace-nowrap">{format.date(entry.createdAt)}</span>
                <span className="block whitespace-nowrap text-fg-muted">
                  {time.format(new Date(entry.createdAt))}
                </span>
              </>
            ),
          },
          {
            header: t('what'),
            // The kind and its reason together, so a phone (narrow columns hidden) shows both.
            cell: (entry) => (
              <>
                <span className="font-semibold">{t(`kinds.${entry.kind}`)}</span>
                <span className="block text-fg-muted">{reason(entry.reason)}</span>
              </>
            ),
          },
          {
            header: t('amount'),
            cell: (entry) => (
              <span className="whitespace-nowrap font-semibold tabular-nums">{signed(entry.amount)}</span>
            ),
          },
          {
            header: t('balanceAfter'),
            cell: (entry) => <span className="tabular-nums">{format.number(entry.balance)}</span>,
            wide: true,
          },
        ]}
      />
    </Card>
  );
}

const invoiceTone = {
  paid: 'success',
  open: 'neutral',
  draft: 'neutral',
  uncollectible: 'danger',
  void: 'neutral',
} as const;

/** Invoices of the account in the app (Stripe's), newest first, each with its receipt page. */
export function PaymentHistory() {
  const t = useBillingText();
  const api = useApi();
  const app = useWebApp().manifest.name;
  const format = useFormat();
  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">{t('payments')}</h2>
      <CursorTable<Invoice>
        caption={t('payments')}
        queryKey={billingKeys.invoices(app)}
        fetchPage={(cursor) =>
          call(
            api.GET('/api/v1/billing/invoices', {
              params: { query: { app, limit: PAGE, ...(cursor ? { cursor } : {}) } },
            }),
          )
        }
        rowKey={(invoice) => invoice.id}
        empty={{ title: t('noPayments'), body: t('noPaymentsBody') }}
        columns={[
          {
            header: t('date'),
            cell: (invoice) => <span className="whitespace-nowrap">{format.date(invoice.createdAt)}</span>,
          },
          {
            header: t('total'),
            // The amount and its state together: the phone's narrow table keeps both.
            cell: (invoice) => (
              <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className="whitespace-nowrap font-semibold tabular-nums">
                  {formatMoney(
                    invoice.status === 'paid' ? invoice.amountPaid : invoice.amountDue,
                    invoice.currency,
                    format.locale,
                  )}
                </span>
                <Badge tone={invoiceTone[invoice.status]}>{t(`invoiceStatus.${invoice.status}`)}</Badge>
              </span>
            ),
          },
          {
            header: t('invoicePeriod'),
            cell: (invoice) =>
              invoice.periodStart && invoice.periodEnd
                ? `${format.date(invoice.periodStart)} – ${format.date(invoice.periodEnd)}`
                : '',
            wide: true,
          },
          {
            header: t('receipt'),
            cell: (invoice) =>
              invoice.hostedUrl ? (
                <a
                  href={invoice.hostedUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="inline-flex min-h-11 items-center whitespace-nowrap font-semibold underline underline-offset-4"
                  aria-label={t('viewInvoice', { number: invoice.number ?? '' })}
                >
                  {t('view')}
                </a>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
