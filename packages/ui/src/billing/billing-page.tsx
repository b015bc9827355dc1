import { call } from '@app/client';
import type { Entitlements, Plan, SubscriptionStatus } from '@app/contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi, useLocalized, useTitle, useWebApp } from '../app/context.js';
import { Badge } from '../components/badge.js';
import { Button, buttonClass } from '../components/button.js';
import { Card, PageHeader } from '../components/card.js';
import { errorMessage } from '../components/form.js';
import { EmptyState, ErrorState, LoadingState, Notice } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { useFormat } from '../i18n/format.js';
import { CreditHistory, PaymentHistory } from './billing-history.js';
import { useCheckoutReturn } from './checkout-return.js';
import { usePlans } from './data.js';
import { useBillingText } from './text.js';

const statusTone: Partial<Record<SubscriptionStatus, 'success' | 'danger' | 'accent'>> = {
  active: 'success',
  trialing: 'accent',
  past_due: 'danger',
  unpaid: 'danger',
};

/**
 * `/<app>/billing` (signed in): the account's plan and its state, the Stripe customer portal for
 * payment methods and cancellation, usage against the plan's limits, AI credits with their history,
 * and the payment history. Coming back from Stripe Checkout it waits for the payment to be confirmed.
 */
export function BillingPage() {
  const { t: kit } = useTranslation();
  const t = useBillingText();
  useTitle(t('billingTitle'));
  const plans = usePlans();
  const { me, confirming, confirmed, timedOut, canceled } = useCheckoutReturn();
  const pick = useLocalized();

  if (plans.isPending) return <LoadingState />;
  if (plans.isError)
    return <ErrorState message={errorMessage(plans.error, kit)} onRetry={() => void plans.refetch()} />;
  if (plans.data.plans.length === 0)
    return (
      <EmptyState title={t('noPlansTitle')}>
        <p>{t('noPlansBody')}</p>
      </EmptyState>
    );
  const planOf = (code: string) => plans.data.plans.find((plan) => plan.code === code);
  return (
    <>
      <PageHeader title={t('billingTitle')} lead={t('billingLead')} />
      <div className="flex flex-col gap-6">
        {confirming ? (
          <div role="status" className="flex flex-col gap-2 rounded-xl border border-border bg-surface p-5">
            <p className="flex items-center gap-3 text-lg font-semibold">
              <span
                aria-hidden="true"
                className="inline-block size-5 animate-spin rounded-full border-2 border-current border-t-transparent"
              />
              {t('confirming')}
            </p>
            <p className="text-fg-muted">{t('confirmingBody')}</p>
          </div>
        ) : null}
        {confirmed && me.data && (
          <Notice tone="success">
            {t('confirmed', {
              plan: pick(planOf(me.data.plan)?.name ?? { ko: me.data.plan, en: me.data.plan }),
            })}
          </Notice>
        )}
        {timedOut && <Notice tone="warning">{t('notConfirmed')}</Notice>}
        {canceled && <Notice tone="warning">{t('checkoutCanceled')}</Notice>}
        {me.isPending ? (
          <LoadingState />
        ) : me.isError ? (
          <ErrorState message={errorMessage(me.error, kit)} onRetry={() => void me.refetch()} />
        ) : (
          !confirming && (
            <>
              <PlanSummary me={me.data} plans={plans.data.plans} />
              <Usage me={me.data} labels={plans.data.labels} />
              {(me.data.credits.monthlyGrant > 0 ||
                me.data.credits.balance > 0 ||
                plans.data.plans.some((plan) => plan.monthlyCredits > 0)) && <CreditHistory me={me.data} />}
              <PaymentHistory />
            </>
          )
        )}
      </div>
    </>
  );
}

/** The plan, its subscription's state and what to do about it. */
function PlanSummary({ me, plans }: { me: Entitlements; plans: readonly Plan[] }) {
  const { t: kit } = useTranslation();
  const t = useBillingText();
  const api = useApi();
  const app = useWebApp().manifest.name;
  const pick = useLocalized();
  const format = useFormat();
  const toast = useToast();
  const plan = plans.find((candidate) => candidate.code === me.plan);
  const free = plans.find((candidate) => candidate.free);
  const name = plan ? pick(plan.name) : me.plan;
  const subscription = me.subscription;
  const portal = useMutation({
    mutationFn: () => call(api.POST('/api/v1/billing/portal', { body: { app } })),
    onSuccess: ({ url }) => window.location.assign(url),
    onError: (error) => toast(errorMessage(error, kit), 'danger'),
  });
  const end = subscription?.currentPeriodEnd ? format.date(subscription.currentPeriodEnd) : null;
  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-sm font-semibold text-fg-muted">{t('yourPlan')}</h2>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-2xl font-bold">{name}</p>
        {subscription && (
          <Badge tone={statusTone[subscription.status] ?? 'neutral'}>
            {t(`status.${subscription.status}`)}
          </Badge>
        )}
        {/* Only Stripe bills: a plan set by hand has a period but no payments. */}
        {subscription?.source === 'stripe' && (
          <span className="text-sm text-fg-muted">
            {subscription.interval === 'year' ? t('billedYearly') : t('billedMonthly')}
          </span>
        )}
      </div>
      {!subscription && <p className="text-fg-muted">{t('onFree')}</p>}
      {subscription?.status === 'past_due' && <Notice tone="warning">{t('pastDue', { plan: name })}</Notice>}
      {subscription?.cancelAtPeriodEnd && end ? (
        <Notice tone="warning">
          {t('cancels', { plan: name, date: end, free: free ? pick(free.name) : '' })}
        </Notice>
      ) : subscription?.source === 'manual' ? (
        <p className="text-fg-muted">{end ? t('manualUntil', { date: end }) : t('manual')}</p>
      ) : subscription?.status === 'trialing' && end ? (
        <p className="text-fg-muted">{t('trialEnds', { date: end })}</p>
      ) : subscription && end ? (
        <p className="text-fg-muted">{t('renews', { date: end })}</p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {subscription?.source === 'stripe' && (
          <Button loading={portal.isPending || portal.isSuccess} onClick={() => portal.mutate()}>
            {t('manage')}
          </Button>
        )}
        <Link
          to="/pricing"
          className={buttonClass(subscription?.source === 'stripe' ? 'secondary' : 'primary')}
        >
          {subscription ? t('changePlan') : t('seePlans')}
        </Link>
      </div>
    </Card>
  );
}

/** The plan's limits with their use, and its features. */
function Usage({ me, labels }: { me: Entitlements; labels: Record<string, { ko: string; en: string }> }) {
  const t = useBillingText();
  const pick = useLocalized();
  const format = useFormat();
  const label = (key: string) => (labels[key] ? pick(labels[key]) : key);
  const limits = Object.entries(me.limits);
  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">{t('usage')}</h2>
      {limits.length > 0 && (
        <ul className="flex flex-col gap-3">
          {limits.map(([key, { allowed, used }]) => {
            const share = allowed ? Math.min(1, used / allowed) : 0;
            return (
              <li key={key} className="flex flex-col gap-1">
                <div className="flex justify-between gap-3">
                  <span>{label(key)}</span>
                  <span className="font-semibold">
                    {allowed === null
                      ? t('usedUnlimited', { used: format.number(used) })
                      : t('used', { used: format.number(used), allowed: format.number(allowed) })}
                  </span>
                </div>
                {allowed !== null && (
                  <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-surface-muted">
                    <div
                      className={`h-full rounded-full ${share >= 1 ? 'bg-danger' : 'bg-accent'}`}
                      ref={(element) => element?.style.setProperty('width', `${Math.round(share * 100)}%`)}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <h3 className="mb-2 text-sm font-semibold text-fg-muted">{t('features')}</h3>
        {me.features.length === 0 ? (
          <p className="text-fg-muted">{t('noFeatures')}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {me.features.map((key) => (
              <li key={key} className="flex gap-2">
                <span aria-hidden="true" className="font-bold text-success">
                  ✓
                </span>
                {label(key)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
