import { call } from '@app/client';
import { createStoreBodySchema, type StorehelperPaths } from '@app/storehelper-contracts';
import {
  Button,
  billingKeys,
  Card,
  EmptyState,
  ErrorState,
  errorMessage,
  Form,
  LoadingState,
  TextField,
  useApi,
  useEntitlements,
  useFormat,
  usePlanLimit,
  useToast,
  useZodForm,
} from '@app/ui';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

const storesKey = ['storehelper', 'stores'] as const;

/**
 * The owner's stores and "Add store". How many one may have is the plan's `stores` limit: a refused
 * add shows the kit's upgrade prompt (what the plan includes, the plan that allows more, Pricing).
 */
export function Stores() {
  const { t } = useTranslation('storehelper');
  const { t: kit } = useTranslation();
  const api = useApi<StorehelperPaths>();
  const queryClient = useQueryClient();
  const toast = useToast();
  const format = useFormat();
  const upgrade = usePlanLimit();
  const limit = useEntitlements().data?.limits.stores;
  const stores = useInfiniteQuery({
    queryKey: storesKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/storehelper/stores', {
          params: { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const form = useZodForm(createStoreBodySchema, { name: '' });
  const submit = form.onSubmit(async (body) => {
    upgrade.clear();
    try {
      const store = await call(api.POST('/api/v1/storehelper/stores', { body }));
      form.reset({ name: '' });
      toast(t('stores.added', { name: store.name }));
    } catch (error) {
      // A plan limit is not a mistake in the form: the prompt says what to do instead.
      if (upgrade.handle(error)) return;
      throw error;
    } finally {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: storesKey }),
        queryClient.invalidateQueries({ queryKey: billingKeys.me('storehelper') }),
      ]);
    }
  });
  const items = stores.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card className="flex flex-col gap-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{t('stores.title')}</h2>
        {limit && (
          <p className="text-sm text-fg-muted">
            {limit.allowed === null
              ? t('stores.countUnlimited', { used: format.number(limit.used) })
              : t('stores.count', { used: format.number(limit.used), allowed: format.number(limit.allowed) })}
          </p>
        )}
      </div>
      {stores.isPending ? (
        <LoadingState />
      ) : stores.isError ? (
        <ErrorState message={errorMessage(stores.error, kit)} onRetry={() => void stores.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('stores.emptyTitle')}>{t('stores.emptyBody')}</EmptyState>
      ) : (
        <ul className="flex flex-col divide-y divide-border rounded-lg border border-border">
          {items.map((store) => (
            <li key={store.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <span className="font-semibold">{store.name}</span>
              <span className="text-sm text-fg-muted">
                {t('stores.since', { date: format.date(store.createdAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {stores.hasNextPage && (
        <Button
          variant="secondary"
          loading={stores.isFetchingNextPage}
          onClick={() => stores.fetchNextPage()}
        >
          {kit('common.loadMore')}
        </Button>
      )}
      {upgrade.prompt}
      <Form onSubmit={submit} error={form.formError} label={t('stores.add')}>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex-1">
            <TextField
              label={t('stores.name')}
              autoComplete="organization"
              maxLength={80}
              {...form.field('name')}
            />
          </div>
          <Button type="submit" loading={form.submitting}>
            {t('stores.add')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
