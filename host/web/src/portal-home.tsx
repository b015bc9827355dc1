import { call } from '@app/client';
import {
  EmptyState,
  ErrorState,
  errorMessage,
  LoadingState,
  useApi,
  useAppTitle,
  useLocalized,
  useTitle,
} from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/** The apps this server runs (from their manifests), each a link to its own web app at `/<app>/`. */
export function PortalHome() {
  const { t } = useTranslation();
  const api = useApi();
  const pick = useLocalized();
  useTitle(useAppTitle());
  const apps = useQuery({
    queryKey: ['apps'],
    queryFn: () => call(api.GET('/api/v1/apps')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <>
      <header className="mb-8">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t('portal.title')}</h1>
        <p className="mt-2 text-lg text-fg-muted">{t('portal.lead')}</p>
      </header>
      {apps.isPending ? (
        <LoadingState />
      ) : apps.isError ? (
        <ErrorState message={errorMessage(apps.error, t)} onRetry={() => void apps.refetch()} />
      ) : apps.data.items.length === 0 ? (
        <EmptyState title={t('portal.empty')} />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {apps.data.items.map((app) => (
            <li key={app.name}>
              <a
                href={`/${app.name}/`}
                className="flex h-full flex-col gap-3 rounded-xl border border-border bg-surface p-5 shadow-sm transition hover:border-fg-muted hover:shadow-md"
              >
                <span className="flex items-center gap-3">
                  {/* The app's mark on its colour (CSSOM custom property: allowed by the page CSP). */}
                  <span
                    aria-hidden="true"
                    ref={(element) => element?.style.setProperty('background-color', app.accent)}
                    className="flex size-11 shrink-0 items-center justify-center rounded-lg text-xl font-bold text-white"
                  >
                    {app.icon}
                  </span>
                  <span>
                    <span className="block text-lg font-semibold">{pick(app.title)}</span>
                    <span className="block text-sm text-fg-muted">{pick(app.tagline)}</span>
                  </span>
                </span>
                <span className="text-fg-muted">{pick(app.description)}</span>
                <span className="mt-auto text-sm font-semibold underline">
                  {t('portal.open', { app: pick(app.title) })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
