import { call } from '@app/client';
import {
  Badge,
  Button,
  Card,
  ErrorState,
  errorMessage,
  LoadingState,
  useApi,
  useFormat,
  useLocalized,
} from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemHealth } from './admin-data.js';
import { useConsoleText } from './text.js';

/** `/admin/system`: database, Redis, jobs, accounts, and the apps with links to their own admin pages. */
export function SystemPage() {
  const { t: kit } = useTranslation();
  const api = useApi();
  const health = useQuery({
    queryKey: ['admin', 'system'],
    queryFn: () => call(api.GET('/api/v1/admin/system')),
  });
  const apps = useQuery({
    queryKey: ['apps'],
    queryFn: () => call(api.GET('/api/v1/apps')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (health.isPending || apps.isPending) return <LoadingState />;
  if (health.isError || apps.isError) {
    const failed = health.isError ? health : apps;
    return <ErrorState message={errorMessage(failed.error, kit)} onRetry={() => void failed.refetch()} />;
  }
  return (
    <div className="flex flex-col gap-6">
      <Health data={health.data} onRefresh={() => void health.refetch()} refreshing={health.isFetching} />
      <Apps data={health.data} titles={apps.data.items} />
    </div>
  );
}

function Health({
  data,
  onRefresh,
  refreshing,
}: {
  data: SystemHealth;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const t = useConsoleText();
  const format = useFormat();
  const state = (ok: boolean) => <Badge tone={ok ? 'success' : 'danger'}>{ok ? t('ok') : t('down')}</Badge>;
  return (
    <Card className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t('health')}</h2>
        <Button variant="secondary" onClick={onRefresh} loading={refreshing}>
          {t('refresh')}
        </Button>
      </div>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Fact term={t('database')} status={state(data.database.ok)}>
          {data.database.ms !== null && t('ms', { ms: format.number(data.database.ms) })}
          <span className="block">
            {t('migrations', { count: data.database.migrations, server: data.database.server ?? '?' })}
          </span>
        </Fact>
        <Fact term={t('redis')} status={data.redis.configured ? state(data.redis.ok) : undefined}>
          {data.redis.configured
            ? data.redis.ms !== null && t('ms', { ms: format.number(data.redis.ms) })
            : t('redisOff')}
        </Fact>
        <Fact
          term={t('jobs')}
          status={
            <Badge tone={data.jobs.failed > 0 ? 'danger' : 'success'}>
              {t('failed', { count: data.jobs.failed })}
            </Badge>
          }
        >
          {t('queued', { count: data.jobs.queued })} · {t('running', { count: data.jobs.running })}
          {data.jobs.oldestQueuedS !== null && (
            <span className="block">
              {t('oldest', { seconds: format.number(Math.round(data.jobs.oldestQueuedS)) })}
            </span>
          )}
        </Fact>
        <Fact term={t('accounts')}>
          {t('accountCounts', {
            total: format.number(data.accounts.total),
            admins: format.number(data.accounts.admins),
            suspended: format.number(data.accounts.suspended),
          })}
        </Fact>
        <Fact term={t('system')}>
          {t('version', { version: data.version, node: data.node })}
          <span className="block">{t('uptime', { duration: duration(data.uptimeS, format.locale) })}</span>
        </Fact>
      </dl>
    </Card>
  );
}

function Apps({
  data,
  titles,
}: {
  data: SystemHealth;
  titles: readonly { name: string; title: { ko: string; en: string } }[];
}) {
  const t = useConsoleText();
  const pick = useLocalized();
  return (
    <Card className="flex flex-col gap-4">
      <div>
        <h2 className="text-lg font-semibold">{t('apps')}</h2>
        <p className="text-sm text-fg-muted">{t('appsLead')}</p>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2">
        {data.apps.map((app) => {
          const manifest = titles.find((candidate) => candidate.name === app.name);
          const title = manifest ? pick(manifest.title) : app.name;
          return (
            <li key={app.name} className="flex flex-col gap-2 rounded-lg border border-border p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-semibold">{title}</span>
                <Badge tone={app.enabled ? 'success' : 'neutral'}>
                  {app.enabled ? t('enabled') : t('disabled')}
                </Badge>
              </div>
              <span className="text-sm text-fg-muted">{t('appMembers', { count: app.members })}</span>
              {app.adminPath ? (
                <a href={app.adminPath} className="self-start font-semibold underline">
                  {t('appAdmin', { app: title })}
                </a>
              ) : (
                <span className="text-sm text-fg-muted">{t('noAppAdmin')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function Fact({ term, status, children }: { term: string; status?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1 rounded-lg border border-border p-3">
      <dt className="flex items-center justify-between gap-2 text-sm text-fg-muted">
        {term}
        {status}
      </dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/** Seconds as the largest two units (`2 days, 3 hours`), in the page's language. */
function duration(seconds: number, locale: string): string {
  const units = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
    ['second', 1],
  ] as const;
  const parts: string[] = [];
  let rest = Math.floor(seconds);
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || (unit === 'second' && parts.length === 0))
      parts.push(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(count));
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
