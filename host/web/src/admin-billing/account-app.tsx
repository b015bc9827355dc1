import { call } from '@app/client';
import type { CreditEntry, Invoice, Subscription } from '@app/contracts';
import {
  Badge,
  Card,
  ErrorState,
  errorMessage,
  formatMoney,
  LoadingState,
  useApi,
  useBillingText,
  useCreditReason,
  useFormat,
  useLocalized,
} from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminAccount, type AppPlans, adminKey } from './admin-data.js';
import { CreditsForm, PlanForm } from './admin-forms.js';
import { useAdminText } from './text.js';

/** One app's billing of the account: plan, credits, subscriptions, entries, invoices; and the two forms. */
export function AccountApp({
  account,
  app,
  appTitle,
  plans,
}: {
  account: AdminAccount;
  app: string;
  appTitle: string;
  plans: AppPlans;
}) {
  const t = useAdminText();
  const { t: kit } = useTranslation();
  const bill = useBillingText();
  const reason = useCreditReason(plans.plans);
  const api = useApi();
  const pick = useLocalized();
  const format = useFormat();
  const detail = useQuery({
    queryKey: adminKey(account.userId, app),
    queryFn: () =>
      call(
        api.GET('/api/v1/billing/admin/accounts/{userId}', {
          params: { path: { userId: account.userId }, query: { app } },
        }),
      ),
  });
  if (detail.isPending) return <LoadingState />;
  if (detail.isError)
    return <ErrorState message={errorMessage(detail.error, kit)} onRetry={() => void detail.refetch()} />;
  const { entitlements, subscriptions, credits, invoices } = detail.data;
  const planName = (code: string) => {
    const plan = plans.plans.find((candidate) => candidate.code === code);
    return plan ? pick(plan.name) : code;
  };
  const current = entitlements.subscription;
  return (
    <div className="flex flex-col gap-6">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Fact term={t('plan')}>{planName(entitlements.plan)}</Fact>
        <Fact term={t('status')}>
          {current ? (
            <Badge tone={current.status === 'past_due' ? 'danger' : 'success'}>
              {bill(`status.${current.status}`)}
            </Badge>
          ) : (
            '—'
          )}
        </Fact>
        <Fact term={t('source')}>
          {t(`sources.${current?.source ?? 'none'}`)}
          {current?.currentPeriodEnd && (
            <span className="block text-sm font-normal text-fg-muted">
              {t(
                current.source === 'manual'
                  ? 'untilDate'
                  : current.cancelAtPeriodEnd
                    ? 'endsDate'
                    : 'renewsDate',
                { date: format.date(current.currentPeriodEnd) },
              )}
            </span>
          )}
        </Fact>
        <Fact term={t('credits')}>
          <span data-testid="admin-credit-balance">{format.number(entitlements.credits.balance)}</span>
        </Fact>
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="flex flex-col gap-4">
          <h3 className="text-lg font-semibold">{t('changePlan')}</h3>
          <p className="text-sm text-fg-muted">{t('changePlanLead')}</p>
          <PlanForm
            account={account}
            app={app}
            appTitle={appTitle}
            plans={plans}
            current={entitlements.plan}
          />
        </Card>
        <Card className="flex flex-col gap-4">
          <h3 className="text-lg font-semibold">{t('adjustCredits')}</h3>
          <p className="text-sm text-fg-muted">{t('adjustLead')}</p>
          <CreditsForm account={account} app={app} appTitle={appTitle} />
        </Card>
      </div>
      <SmallTable<Subscription>
        title={t('subscriptions')}
        empty={t('noSubscriptions')}
        rows={subscriptions}
        columns={[
          [t('created'), (s) => format.date(s.createdAt)],
          [t('plan'), (s) => planName(s.plan)],
          [t('status'), (s) => bill(`status.${s.status}`)],
          [t('source'), (s) => t(`sources.${s.source}`), 'wide'],
          [t('interval'), (s) => (s.interval === 'year' ? t('yearly') : t('monthly')), 'wide'],
          [t('until'), (s) => (s.currentPeriodEnd ? format.date(s.currentPeriodEnd) : '—'), 'wide'],
        ]}
      />
      <SmallTable<CreditEntry>
        title={t('recentCredits')}
        empty={t('noCredits')}
        rows={credits}
        columns={[
          [bill('date'), (e) => format.dateTime(e.createdAt)],
          [bill('what'), (e) => bill(`kinds.${e.kind}`)],
          [bill('amount'), (e) => (e.amount > 0 ? `+${format.number(e.amount)}` : format.number(e.amount))],
          [bill('balanceAfter'), (e) => format.number(e.balance), 'wide'],
          [bill('reason'), (e) => reason(e.reason), 'wide'],
        ]}
      />
      <SmallTable<Invoice>
        title={t('invoices')}
        empty={t('noInvoices')}
        rows={invoices}
        columns={[
          [bill('date'), (i) => format.date(i.createdAt)],
          [bill('invoice'), (i) => i.number ?? '—', 'wide'],
          [
            bill('total'),
            (i) => formatMoney(i.status === 'paid' ? i.amountPaid : i.amountDue, i.currency, format.locale),
          ],
          [bill('invoiceState'), (i) => bill(`invoiceStatus.${i.status}`), 'wide'],
          [
            bill('receipt'),
            (i) =>
              i.hostedUrl ? (
                <a
                  href={i.hostedUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="font-semibold underline"
                >
                  {bill('view')}
                </a>
              ) : (
                '—'
              ),
          ],
        ]}
      />
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-border p-3">
      <dt className="text-sm text-fg-muted">{term}</dt>
      <dd className="font-semibold">{children}</dd>
    </div>
  );
}

/** A short list (the admin route answers the 20 newest) as a table; `wide` columns hide on phones. */
function SmallTable<T extends { id: string }>({
  title,
  empty,
  rows,
  columns,
}: {
  title: string;
  empty: string;
  rows: readonly T[];
  columns: readonly (readonly [string, (row: T) => ReactNode, 'wide'?])[];
}) {
  const hide = (wide: 'wide' | undefined) => (wide ? 'hidden md:table-cell' : '');
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-lg font-semibold">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-fg-muted">{empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{title}</caption>
            <thead className="bg-surface-muted">
              <tr>
                {columns.map(([header, , wide]) => (
                  <th key={header} scope="col" className={`px-3 py-2 font-semibold ${hide(wide)}`}>
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-border">
                  {columns.map(([header, cell, wide]) => (
                    <td key={header} className={`px-3 py-2 ${hide(wide)}`}>
                      {cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
