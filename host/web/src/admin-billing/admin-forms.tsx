import { ApiError, call } from '@app/client';
import { billingIntervalSchema, planCodeSchema } from '@app/contracts';
import {
  Button,
  Dialog,
  errorMessage,
  Form,
  SelectField,
  TextField,
  useApi,
  useFormat,
  useLocalized,
  useToast,
  useZodForm,
} from '@app/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type AdminAccount, type AppPlans, adminKey } from './admin-data.js';
import { useAdminText } from './text.js';

const reasonSchema = z.string().trim().min(1).max(500);
const planFormSchema = z.object({
  plan: planCodeSchema,
  interval: billingIntervalSchema,
  until: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/),
  reason: reasonSchema,
});
const creditsFormSchema = z.object({
  amount: z
    .string()
    .trim()
    .regex(/^[+-]?[1-9]\d{0,6}$/)
    .refine((value) => Math.abs(Number(value)) <= 1_000_000),
  reason: reasonSchema,
});

interface Target {
  account: AdminAccount;
  app: string;
  appTitle: string;
}

/** The end of a chosen day in the admin's time zone, as the API's datetime. */
const endOfDay = (date: string) => new Date(`${date}T23:59:59`).toISOString();

/** Sets the account's plan by hand (after a confirmation naming the account, app and plans). */
export function PlanForm({
  account,
  app,
  appTitle,
  plans,
  current,
}: Target & { plans: AppPlans; current: string }) {
  const t = useAdminText();
  const { t: kit } = useTranslation();
  const api = useApi();
  const pick = useLocalized();
  const format = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<z.output<typeof planFormSchema>>();
  const form = useZodForm(planFormSchema, { plan: current, interval: 'month', until: '', reason: '' });
  const nameOf = (code: string) => {
    const plan = plans.plans.find((candidate) => candidate.code === code);
    return plan ? pick(plan.name) : code;
  };
  const change = useMutation({
    mutationFn: (data: z.output<typeof planFormSchema>) =>
      call(
        api.PUT('/api/v1/billing/admin/accounts/{userId}/plan', {
          params: { path: { userId: account.userId } },
          body: {
            app,
            plan: data.plan,
            interval: data.interval,
            reason: data.reason,
            ...(data.until ? { until: endOfDay(data.until) } : {}),
          },
        }),
      ),
    onSuccess: async (entitlements) => {
      setPending(undefined);
      form.reset({ reason: '', until: '' });
      toast(t('planChanged', { plan: nameOf(entitlements.plan) }));
      await queryClient.invalidateQueries({ queryKey: adminKey(account.userId, app) });
    },
    onError: (error) => {
      setPending(undefined);
      form.setFormError(
        error instanceof ApiError && error.code === 'CONFLICT' ? t('paysOnline') : errorMessage(error, kit),
      );
    },
  });
  const submit = form.onSubmit(async (data) => setPending(data));
  const details = pending && {
    name: account.name,
    email: account.email,
    app: appTitle,
    from: nameOf(current),
    to: nameOf(pending.plan),
    reason: pending.reason,
    until: pending.until ? format.date(endOfDay(pending.until)) : '',
  };
  return (
    <>
      <Form onSubmit={submit} error={form.formError} label={t('changePlan')}>
        <SelectField
          label={t('plan')}
          options={plans.plans.map((plan) => ({ value: plan.code, label: pick(plan.name) }))}
          {...form.field('plan')}
        />
        <SelectField
          label={t('interval')}
          options={[
            { value: 'month', label: t('monthly') },
            { value: 'year', label: t('yearly') },
          ]}
          {...form.field('interval')}
        />
        <TextField type="date" label={t('untilLabel')} hint={t('untilHint')} {...form.field('until')} />
        <TextField label={t('reason')} maxLength={500} {...form.field('reason')} />
        <Button type="submit" className="self-start">
          {t('apply')}
        </Button>
      </Form>
      <Confirm
        open={details !== undefined}
        title={t('confirmPlanTitle')}
        busy={change.isPending}
        onCancel={() => setPending(undefined)}
        onConfirm={() => pending && change.mutate(pending)}
      >
        {details && (details.until ? t('confirmPlanUntil', details) : t('confirmPlan', details))}
      </Confirm>
    </>
  );
}

/** Grants (positive) or removes (negative) credits, after a confirmation. */
export function CreditsForm({ account, app, appTitle }: Target) {
  const t = useAdminText();
  const { t: kit } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<{ amount: number; reason: string }>();
  const form = useZodForm(creditsFormSchema, { amount: '', reason: '' });
  const adjust = useMutation({
    mutationFn: (data: { amount: number; reason: string }) =>
      call(
        api.POST('/api/v1/billing/admin/accounts/{userId}/credits', {
          params: { path: { userId: account.userId } },
          body: { app, amount: data.amount, reason: data.reason },
        }),
      ),
    onSuccess: async ({ balance }) => {
      setPending(undefined);
      form.reset({ amount: '', reason: '' });
      toast(t('creditsChanged', { balance: format.number(balance) }));
      await queryClient.invalidateQueries({ queryKey: adminKey(account.userId, app) });
    },
    onError: (error) => {
      setPending(undefined);
      form.setFormError(
        error instanceof ApiError && error.code === 'PLAN_LIMIT' ? t('notEnough') : errorMessage(error, kit),
      );
    },
  });
  const submit = form.onSubmit(async (data) =>
    setPending({ amount: Number(data.amount), reason: data.reason }),
  );
  const details = pending && {
    name: account.name,
    email: account.email,
    app: appTitle,
    amount: format.number(Math.abs(pending.amount)),
    reason: pending.reason,
  };
  return (
    <>
      <Form onSubmit={submit} error={form.formError} label={t('adjustCredits')}>
        <TextField label={t('amount')} inputMode="numeric" {...form.field('amount')} />
        <TextField label={t('reason')} maxLength={500} {...form.field('reason')} />
        <Button type="submit" className="self-start">
          {t('adjust')}
        </Button>
      </Form>
      <Confirm
        open={details !== undefined}
        title={t('confirmCreditsTitle')}
        busy={adjust.isPending}
        onCancel={() => setPending(undefined)}
        onConfirm={() => pending && adjust.mutate(pending)}
      >
        {details &&
          (pending && pending.amount > 0 ? t('confirmGrant', details) : t('confirmRemove', details))}
      </Confirm>
    </>
  );
}

/** A confirmation dialog: what will change, Confirm and Cancel. */
function Confirm({
  open,
  title,
  busy,
  onCancel,
  onConfirm,
  children,
}: {
  open: boolean;
  title: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  children: ReactNode;
}) {
  const t = useAdminText();
  const { t: kit } = useTranslation();
  return (
    <Dialog open={open} onClose={onCancel} title={title}>
      <p>{children}</p>
      <div className="flex flex-wrap gap-2">
        <Button loading={busy} onClick={onConfirm}>
          {t('confirm')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {kit('common.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
