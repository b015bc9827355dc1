import { ApiError, call } from '@app/client';
import type { BillingInterval, Currency, Entitlements, Plan } from '@app/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApi, useLocalized, useSession, useTitle, useWebApp } from '../app/context.js';
import { Button, buttonClass } from '../components/button.js';
import { PageHeader } from '../components/card.js';
import { Dialog } from '../components/dialog.js';
import { SelectField } from '../components/field.js';
import { errorMessage } from '../components/form.js';
import { EmptyState, ErrorState, LoadingState, Notice } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { useEntitlements, usePlans } from './data.js';
import type { DevPlanApi } from './dev-plan.js';
import { billingKeys } from './keys.js';
import { defaultCurrency, yearlySaving } from './money.js';
import { PlanCard } from './plan-card.js';
import { useBillingText } from './text.js';

const columns: Record<number, string> = { 1: '', 2: 'md:grid-cols-2', 3: 'md:grid-cols-3' };

/**
 * `/<app>/pricing` (public): the app's plans side by side (stacked on phones), monthly or yearly,
 * in won or dollars; the signed-in account's plan marked; Choose goes to Stripe Checkout, or to the
 * customer portal for an account that already pays. Without online payment it says so, and in
 * development offers to try a plan without paying.
 */
export function PricingPage() {
  const { t: kit, i18n } = useTranslation();
  const t = useBillingText();
  useTitle(t('pricingTitle'));
  const plans = usePlans();
  const me = useEntitlements();
  const { status } = useSession();
  const [searchParams] = useSearchParams();
  const [interval, setInterval] = useState<BillingInterval>('month');
  const [chosenCurrency, setCurrency] = useState<Currency>();
  const currency = chosenCurrency ?? defaultCurrency(i18n.language);

  if (plans.isPending || (status === 'signed-in' && me.isPending)) return <LoadingState />;
  if (plans.isError)
    return <ErrorState message={errorMessage(plans.error, kit)} onRetry={() => void plans.refetch()} />;
  const { plans: list, labels, onlinePayment, devPlan } = plans.data;
  if (list.length === 0)
    return (
      <EmptyState title={t('noPlansTitle')}>
        <p>{t('noPlansBody')}</p>
      </EmptyState>
    );
  const limitKeys = [...new Set(list.flatMap((plan) => Object.keys(plan.limits)))];
  const featureKeys = Object.keys(labels).filter((key) => list.some((plan) => plan.features.includes(key)));
  const saving = yearlySaving(list, currency);
  const highlight = searchParams.get('plan');
  return (
    <>
      <PageHeader title={t('pricingTitle')} lead={t('pricingLead')} />
      {!onlinePayment && (
        <div className="mb-6">
          <Notice tone="warning">
            <p className="font-semibold">{t('offlineTitle')}</p>
            <p>{t('offlineBody')}</p>
            {devPlan && <p>{t('offlineDev')}</p>}
          </Notice>
        </div>
      )}
      <div className="mb-6 flex flex-wrap items-end gap-4">
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-semibold">{t('period')}</legend>
          <div className="inline-flex rounded-lg border border-border bg-surface p-1">
            {(['month', 'year'] as const).map((value) => (
              <label
                key={value}
                className={clsx(
                  'flex min-h-11 cursor-pointer items-center gap-2 rounded-md px-4 text-sm font-semibold',
                  'has-[input:focus-visible]:outline-3 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-ring',
                  interval === value ? 'bg-accent text-white' : 'text-fg-muted hover:bg-surface-muted',
                )}
              >
                <input
                  type="radio"
                  name="billing-period"
                  value={value}
                  checked={interval === value}
                  onChange={() => setInterval(value)}
                  className="sr-only"
                />
                {value === 'month' ? t('monthly') : t('yearly')}
                {value === 'year' && saving > 0 && (
                  <span className="text-xs font-normal">({t('yearlySaving', { percent: saving })})</span>
                )}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="w-56">
          <SelectField
            label={t('currency')}
            value={currency}
            onChange={(event) => setCurrency(event.target.value as Currency)}
            options={[
              { value: 'krw', label: t('krw') },
              { value: 'usd', label: t('usd') },
            ]}
          />
        </div>
      </div>
      <div
        className={clsx(
          'grid gap-4',
          list.length >= 4 ? 'md:grid-cols-2 lg:grid-cols-4' : columns[list.length],
        )}
      >
        {list.map((plan) => (
          <PlanCard
            key={plan.code}
            plan={plan}
            interval={interval}
            currency={currency}
            labels={labels}
            limitKeys={limitKeys}
            featureKeys={featureKeys}
            withCredits={list.some((candidate) => candidate.monthlyCredits > 0)}
            current={me.data?.plan === plan.code}
            recommended={highlight === plan.code}
            action={
              <PlanAction
                plan={plan}
                interval={interval}
                currency={currency}
                me={me.data}
                onlinePayment={onlinePayment}
                devPlan={devPlan === true}
              />
            }
          />
        ))}
      </div>
    </>
  );
}

/** The button of one plan card: choose (checkout), switch (portal), contact, try (development). */
function PlanAction({
  plan,
  interval,
  currency,
  me,
  onlinePayment,
  devPlan,
}: {
  plan: Plan;
  interval: BillingInterval;
  currency: Currency;
  me: Entitlements | undefined;
  onlinePayment: boolean;
  devPlan: boolean;
}) {
  const { t: kit } = useTranslation();
  const t = useBillingText();
  const api = useApi();
  const app = useWebApp().manifest.name;
  const pick = useLocalized();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [contact, setContact] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const name = pick(plan.name);
  const redirect = useMutation({
    mutationFn: async (to: 'checkout' | 'portal') =>
      to === 'checkout'
        ? call(api.POST('/api/v1/billing/checkout', { body: { app, plan: plan.code, interval, currency } }))
        : call(api.POST('/api/v1/billing/portal', { body: { app } })),
    onSuccess: ({ url }) => {
      // The page stays busy until the browser has left for Stripe.
      setLeaving(true);
      window.location.assign(url);
    },
    // A plan the server has no price for in this period and currency (or already paid for).
    onError: (error) =>
      toast(
        error instanceof ApiError && error.code === 'CONFLICT'
          ? t('checkoutUnavailable')
          : errorMessage(error, kit),
        'danger',
      ),
  });
  const tryPlan = useMutation({
    mutationFn: () =>
      call(
        (api as unknown as DevPlanApi).POST('/api/v1/billing/dev/plan', { body: { app, plan: plan.code } }),
      ),
    onSuccess: async (entitlements) => {
      queryClient.setQueryData(billingKeys.me(app), entitlements);
      await queryClient.invalidateQueries({ queryKey: billingKeys.all(app) });
      toast(t('tried', { plan: name }));
    },
    onError: (error) => toast(errorMessage(error, kit), 'danger'),
  });

  if (me?.plan === plan.code) return null;
  if (plan.contactSales)
    return (
      <>
        <Button variant="secondary" className="w-full" onClick={() => setContact(true)}>
          {t('contactSales')}
        </Button>
        <Dialog
          open={contact}
          onClose={() => setContact(false)}
          title={t('contactTitle', { plan: name })}
          description={t('contactBody', { plan: name })}
        >
          <Button variant="secondary" className="self-start" onClick={() => setContact(false)}>
            {kit('common.close')}
          </Button>
        </Dialog>
      </>
    );
  if (plan.free) return null;
  // Nothing to buy or try on this server: the note above says so.
  if (!onlinePayment && !devPlan) return null;
  if (!me)
    return (
      <Link
        to={`/sign-in?next=${encodeURIComponent(`/pricing?plan=${plan.code}`)}`}
        className={buttonClass('primary', 'w-full')}
      >
        {onlinePayment ? t('choose', { plan: name }) : t('tryPlan', { plan: name })}
      </Link>
    );
  if (!onlinePayment)
    return devPlan ? (
      <Button
        variant="secondary"
        className="w-full"
        loading={tryPlan.isPending}
        onClick={() => tryPlan.mutate()}
      >
        {t('tryPlan', { plan: name })}
      </Button>
    ) : null;
  const paying = me.subscription?.source === 'stripe';
  const busy = redirect.isPending || leaving;
  return (
    <>
      <Button
        className="w-full"
        variant={paying ? 'secondary' : 'primary'}
        loading={busy}
        onClick={() => redirect.mutate(paying ? 'portal' : 'checkout')}
      >
        {paying ? t('switchTo', { plan: name }) : t('choose', { plan: name })}
      </Button>
      {busy && (
        <p role="status" className="mt-2 text-sm text-fg-muted">
          {t('redirecting')}
        </p>
      )}
    </>
  );
}
