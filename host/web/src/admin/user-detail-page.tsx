import { call } from '@app/client';
import {
  Badge,
  Card,
  ErrorState,
  errorMessage,
  LoadingState,
  useApi,
  useFormat,
  useLocalized,
  useSession,
} from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { consoleKeys } from './admin-data.js';
import { useConsoleText } from './text.js';
import { SignOutEverywhere, SuspendForm, UnsuspendButton } from './user-actions.js';
import { AppRoleForm, PlatformRoleForm } from './user-roles.js';

/** `/admin/users/:userId`: one account, its roles in the platform and each app, and what an admin may do to it. */
export function UserDetailPage() {
  const t = useConsoleText();
  const { t: kit } = useTranslation();
  const { userId = '' } = useParams();
  const api = useApi();
  const format = useFormat();
  const pick = useLocalized();
  const { user: me } = useSession();
  const account = useQuery({
    queryKey: consoleKeys.user(userId),
    queryFn: () => call(api.GET('/api/v1/admin/users/{userId}', { params: { path: { userId } } })),
  });
  const apps = useQuery({
    queryKey: ['apps'],
    queryFn: () => call(api.GET('/api/v1/apps')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (account.isPending || apps.isPending) return <LoadingState />;
  if (account.isError || apps.isError) {
    const failed = account.isError ? account : apps;
    return <ErrorState message={errorMessage(failed.error, kit)} onRetry={() => void failed.refetch()} />;
  }
  const user = account.data;
  return (
    <div className="flex flex-col gap-6">
      <Link to="/admin" className="self-start font-semibold underline">
        ← {t('back')}
      </Link>
      <Card className="flex flex-col gap-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h2 className="text-xl font-bold">{user.name}</h2>
            <p className="break-all text-fg-muted">{user.email}</p>
          </div>
          <span className="flex flex-wrap gap-1" data-testid="admin-user-status">
            {user.suspended ? (
              <Badge tone="danger">{t('suspended')}</Badge>
            ) : (
              <Badge tone="success">{t('active')}</Badge>
            )}
            {user.platformRole === 'admin' && <Badge tone="accent">{t('platformAdmin')}</Badge>}
          </span>
        </div>
        {user.suspended && user.suspendedAt && (
          <p className="rounded-lg border border-danger bg-danger-soft p-3 text-danger">
            {t('suspendedSince', {
              date: format.dateTime(user.suspendedAt),
              reason: user.suspendedReason ?? '',
            })}
          </p>
        )}
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Fact term={t('email')}>{user.emailVerified ? t('verified') : t('unverified')}</Fact>
          <Fact term={t('activeSessions')}>
            <span data-testid="admin-user-sessions">{format.number(user.activeSessions)}</span>
          </Fact>
          <Fact term={t('twoFactor')}>{user.twoFactorEnabled ? t('on') : t('off')}</Fact>
          <Fact term={t('joined')}>{format.date(user.createdAt)}</Fact>
        </dl>
        <Link to={`/admin/audit?targetId=${user.id}`} className="self-start font-semibold underline">
          {t('history')}
        </Link>
      </Card>
      <Card className="flex flex-col gap-4">
        <div>
          <h2 className="text-lg font-semibold">{t('roles')}</h2>
          <p className="text-sm text-fg-muted">{t('rolesLead')}</p>
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <PlatformRoleForm user={user} />
          {apps.data.items.map((app) => (
            <AppRoleForm key={app.name} user={user} app={app} appTitle={pick(app.title)} />
          ))}
        </div>
      </Card>
      <Card className="flex flex-col gap-6">
        <h2 className="text-lg font-semibold">{t('accountActions')}</h2>
        <SignOutEverywhere user={user} />
        {user.suspended ? (
          <UnsuspendButton user={user} />
        ) : me?.id === user.id ? (
          <p className="text-fg-muted">{t('cannotSuspendSelf')}</p>
        ) : (
          <SuspendForm user={user} />
        )}
      </Card>
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
