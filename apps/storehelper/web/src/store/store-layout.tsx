import { ApiError } from '@app/client';
import { Badge, buttonClass, EmptyState, ErrorState, LoadingState } from '@app/ui';
import { Link, NavLink, Outlet, useParams, useSearchParams } from 'react-router';
import { sharedQuery } from '../inbox/filters.js';
import { useStore } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import type { StoreContext } from './store-context.js';

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `flex min-h-11 shrink-0 items-center whitespace-nowrap border-b-2 px-3 text-sm font-semibold ${
    isActive ? 'border-accent text-fg' : 'border-transparent text-fg-muted hover:text-fg'
  }`;

/**
 * The frame of a store's pages: its name and the caller's role, the store's sections (the owner's
 * import and settings only for the owner), and the page. A store one may not see is "not found".
 */
export function StoreLayout() {
  const { storeId = '' } = useParams();
  const { t } = useT();
  const errorText = useErrorText();
  const store = useStore(storeId);
  // The inbox and the dashboard keep the same platform, sentiment, rating and dates when switching.
  const [params] = useSearchParams();
  const search = sharedQuery(params);
  if (store.isPending) return <LoadingState />;
  if (store.isError) {
    if (store.error instanceof ApiError && (store.error.status === 404 || store.error.status === 400))
      return (
        <EmptyState
          title={t('store.notFoundTitle')}
          action={
            <Link to="/" className={buttonClass('secondary')}>
              {t('store.backToStores')}
            </Link>
          }
        >
          {t('store.notFoundBody')}
        </EmptyState>
      );
    return <ErrorState message={errorText(store.error)} onRetry={() => void store.refetch()} />;
  }
  const data = store.data;
  const isOwner = data.role === 'owner';
  const context: StoreContext = { store: data, isOwner };
  const base = `/stores/${data.id}`;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <Link to="/" className="self-start text-sm font-semibold text-fg-muted underline underline-offset-4">
          {t('store.allStores')}
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{data.name}</h1>
          <Badge tone={isOwner ? 'accent' : 'neutral'}>{t(`roles.${data.role}`)}</Badge>
        </div>
        {(data.address || data.category) && (
          <p className="text-sm text-fg-muted">{[data.category, data.address].filter(Boolean).join(' · ')}</p>
        )}
      </div>
      <nav aria-label={t('store.sections')} className="-mx-4 overflow-x-auto border-b border-border px-4">
        <div className="flex gap-1">
          <NavLink to={{ pathname: base, search }} end className={tabClass}>
            {t('store.inbox')}
          </NavLink>
          <NavLink to={{ pathname: `${base}/dashboard`, search }} className={tabClass}>
            {t('store.dashboard')}
          </NavLink>
          {isOwner && (
            <NavLink to={`${base}/import`} className={tabClass}>
              {t('store.import')}
            </NavLink>
          )}
          <NavLink to={`${base}/reports`} className={tabClass}>
            {t('store.reports')}
          </NavLink>
          {isOwner && (
            <NavLink to={`${base}/settings`} className={tabClass}>
              {t('store.settings')}
            </NavLink>
          )}
        </div>
      </nav>
      <Outlet context={context} />
    </div>
  );
}
