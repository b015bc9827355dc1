import { call } from '@app/client';
import { createStoreBodySchema, type StorehelperPaths } from '@app/storehelper-contracts';
import {
  Badge,
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { keys } from './shared/data.js';

const blank = { name: '', address: '', category: '', naverPlaceId: '', kakaoPlaceId: '' };

/**
 * The stores one owns or staffs (with the role in each), and "Add store". How many one may own is
 * the plan's `stores` limit: a refused add shows the kit's upgrade prompt (what the plan includes,
 * the plan that allows more, Pricing) and keeps what was typed.
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
  const [more, setMore] = useState(false);
  const stores = useInfiniteQuery({
    queryKey: keys.stores,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/storehelper/stores', {
          params: { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const form = useZodForm(createStoreBodySchema, blank);
  const submit = form.onSubmit(async (body) => {
    upgrade.clear();
    try {
      const store = await call(api.POST('/api/v1/storehelper/stores', { body }));
      form.reset(blank);
      setMore(false);
      toast(t('stores.added', { name: store.name }));
    } catch (error) {
      // A plan limit is not a mistake in the form: the prompt says what to do instead.
      if (upgrade.handle(error)) return;
      throw error;
    } finally {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.stores }),
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
            <li key={store.id}>
              <Link
                to={`/stores/${store.id}`}
                className="flex min-h-14 flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-surface-muted"
              >
                <span className="flex min-w-0 flex-1 flex-col">
                  <span className="font-semibold text-accent underline-offset-4 hover:underline">
                    {store.name}
                  </span>
                  {(store.category || store.address) && (
                    <span className="truncate text-sm text-fg-muted">
                      {[store.category, store.address].filter(Boolean).join(' · ')}
                    </span>
                  )}
                </span>
                <Badge tone={store.role === 'owner' ? 'accent' : 'neutral'}>{t(`roles.${store.role}`)}</Badge>
                <span className="text-sm text-fg-muted">
                  {t('stores.since', { date: format.date(store.createdAt) })}
                </span>
              </Link>
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
        <Button
          variant="ghost"
          className="self-start"
          aria-expanded={more}
          onClick={() => setMore((v) => !v)}
        >
          {more ? t('stores.fewerDetails') : t('stores.moreDetails')}
        </Button>
        {more && (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label={t('stores.category')}
              placeholder={t('stores.categoryPlaceholder')}
              maxLength={80}
              {...form.field('category')}
            />
            <TextField
              label={t('stores.address')}
              autoComplete="street-address"
              maxLength={300}
              {...form.field('address')}
            />
            <TextField
              label={t('stores.naver')}
              hint={t('stores.naverHint')}
              autoComplete="off"
              {...form.field('naverPlaceId')}
            />
            <TextField
              label={t('stores.kakao')}
              hint={t('stores.kakaoHint')}
              autoComplete="off"
              {...form.field('kakaoPlaceId')}
            />
            <p className="text-sm text-fg-muted sm:col-span-2">{t('stores.googleLater')}</p>
          </div>
        )}
      </Form>
    </Card>
  );
}
