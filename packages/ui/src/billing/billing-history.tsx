import { call } from '@app/client';
import type { CreditEntry, Entitlements, Invoice } from '@app/contracts';
import { useApi, useWebApp } from '../app/context.js';
import { Badge } from '../components/badge.js';
import { Card } from '../components/card.js';
import { CursorTable } from '../components/table.js';
import { useFormat } from '../i18n/format.js';
import { billingKeys } from './keys.js';
import { formatMoney } from './money.js';
import { useBillingText } from './text.js';

const PAGE = 20;

/** The credit balance, the monthly grant and the ledger's entries, newest first ("Load more"). */
export function CreditHistory({ me }: { me: Entitlements }) {
  const t = useBillingText();
  const api = useApi();
  const app = useWebApp().manifest.name;
  const format = useFormat();
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
          { header: t('date'), cell: (entry) => format.dateTime(entry.createdAt) },
          { header: t('what'), cell: (entry) => t(`kinds.${entry.kind}`) },
          {
            header: t('amount'),
            cell: (entry) => <span className="font-semibold tabular-nums">{signed(entry.amount)}</span>,
          },
          {
            header: t('balanceAfter'),
            cell: (entry) => <span className="tabular-nums">{format.number(entry.balance)}</span>,
            wide: true,
          },
          {
            header: t('reason'),
            // Reasons the platform writes are translated; others (an admin's words) are shown as written.
            cell: (entry) => t(`reasons.${entry.reason}`, { defaultValue: entry.reason }),
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
          { header: t('date'), cell: (invoice) => format.date(invoice.createdAt) },
          {
            header: t('amount'),
            cell: (invoice) => (
              <span className="font-semibold tabular-nums">
                {formatMoney(
                  invoice.status === 'paid' ? invoice.amountPaid : invoice.amountDue,
                  invoice.currency,
                  format.locale,
                )}
              </span>
            ),
          },
          {
            header: t('invoice'),
            cell: (invoice) => (
              <Badge tone={invoiceTone[invoice.status]}>{t(`invoiceStatus.${invoice.status}`)}</Badge>
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
            header: t('view'),
            cell: (invoice) =>
              invoice.hostedUrl ? (
                <a
                  href={invoice.hostedUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="inline-flex min-h-11 items-center font-semibold underline underline-offset-4"
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
