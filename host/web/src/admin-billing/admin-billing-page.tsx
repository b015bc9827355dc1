import { ApiError, call } from '@app/client';
import {
  Button,
  Card,
  EmptyState,
  ErrorState,
  errorMessage,
  Form,
  LoadingState,
  PageHeader,
  Tabs,
  TextField,
  useApi,
  useLocalized,
  useSession,
  useTitle,
  useZodForm,
} from '@app/ui';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AccountApp } from './account-app.js';
import type { AdminAccount } from './admin-data.js';
import { useAdminText } from './text.js';

const searchSchema = z.object({ email: z.string().trim().min(3).max(320) });

/**
 * `/admin/billing` (platform admins): find an account by email, then per app with plans its plan,
 * subscriptions, credits and invoices, with plan changes and credit grants (each confirmed, audited
 * by the server). Anyone else sees that the page is for administrators.
 */
export function AdminBillingPage() {
  const t = useAdminText();
  useTitle(t('title'));
  const { user } = useSession();
  const api = useApi();
  const [account, setAccount] = useState<AdminAccount>();
  const form = useZodForm(searchSchema, { email: '' });
  const submit = form.onSubmit(async ({ email }) => {
    try {
      setAccount(await call(api.GET('/api/v1/billing/admin/accounts', { params: { query: { email } } })));
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'NOT_FOUND')) throw error;
      setAccount(undefined);
      form.setFormError(t('notFound'));
    }
  });
  if (user?.platformRole !== 'admin')
    return (
      <EmptyState title={t('adminsOnlyTitle')}>
        <p>{t('adminsOnlyBody')}</p>
      </EmptyState>
    );
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <div className="flex flex-col gap-6">
        <Card>
          <Form onSubmit={submit} error={form.formError} label={t('find')}>
            <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <div className="flex-1">
                <TextField label={t('email')} type="email" autoComplete="off" {...form.field('email')} />
              </div>
              <Button type="submit" loading={form.submitting}>
                {t('find')}
              </Button>
            </div>
          </Form>
        </Card>
        {account && <AccountApps key={account.userId} account={account} />}
      </div>
    </>
  );
}

/** The account's billing in each app that has plans, one tab per app. */
function AccountApps({ account }: { account: AdminAccount }) {
  const t = useAdminText();
  const { t: kit } = useTranslation();
  const api = useApi();
  const pick = useLocalized();
  const apps = useQuery({
    queryKey: ['apps'],
    queryFn: () => call(api.GET('/api/v1/apps')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const plans = useQueries({
    queries: (apps.data?.items ?? []).map((app) => ({
      queryKey: ['billing', app.name, 'plans'],
      queryFn: () => call(api.GET('/api/v1/billing/plans', { params: { query: { app: app.name } } })),
      staleTime: 10 * 60_000,
    })),
  });
  if (apps.isPending || plans.some((query) => query.isPending)) return <LoadingState />;
  if (apps.isError)
    return <ErrorState message={errorMessage(apps.error, kit)} onRetry={() => void apps.refetch()} />;
  const failed = plans.find((query) => query.isError);
  if (failed)
    return <ErrorState message={errorMessage(failed.error, kit)} onRetry={() => void failed.refetch()} />;
  const billable = apps.data.items.flatMap((app, index) => {
    const data = plans[index]?.data;
    return data && data.plans.length > 0 ? [{ app, plans: data }] : [];
  });
  return (
    <Card className="flex flex-col gap-4">
      <div>
        <h2 className="text-xl font-bold">{account.name}</h2>
        <p className="break-all text-fg-muted">{account.email}</p>
      </div>
      {billable.length === 0 ? (
        <p className="text-fg-muted">{t('noApps')}</p>
      ) : (
        <Tabs
          label={t('apps')}
          tabs={billable.map(({ app, plans: appPlans }) => ({
            value: app.name,
            label: pick(app.title),
            content: (
              <AccountApp account={account} app={app.name} appTitle={pick(app.title)} plans={appPlans} />
            ),
          }))}
        />
      )}
    </Card>
  );
}
