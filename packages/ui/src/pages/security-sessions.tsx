import { call } from '@app/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/context.js';
import { Badge } from '../components/badge.js';
import { Button } from '../components/button.js';
import { Card } from '../components/card.js';
import { errorMessage } from '../components/form.js';
import { ErrorState, LoadingState } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { useFormat } from '../i18n/format.js';

/** A short device name from a user agent ("Chrome on Android"); enough to recognise a device. */
export function deviceName(userAgent: string | null): string | undefined {
  if (!userAgent) return undefined;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /SamsungBrowser\//.test(userAgent)
        ? 'Samsung Internet'
        : /Chrome\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : undefined;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : undefined;
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}

/** "password + authenticator code" from the session's method (`password+totp`); providers by name. */
function methodLabel(method: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  return method
    .split('+')
    .map((factor) =>
      t(`security.methods.${factor}`, { defaultValue: factor.charAt(0).toUpperCase() + factor.slice(1) }),
    )
    .join(' + ');
}

/** The caller's active sessions; any but this one can be revoked. */
export function SessionsPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const format = useFormat();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: ['auth', 'sessions'],
    queryFn: () => call(api.GET('/api/v1/auth/sessions')),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      toast(t('security.revoked'));
      return queryClient.invalidateQueries({ queryKey: ['auth', 'sessions'] });
    },
    onError: (error) => toast(errorMessage(error, t), 'danger'),
  });
  if (sessions.isPending) return <LoadingState />;
  if (sessions.isError)
    return <ErrorState message={errorMessage(sessions.error, t)} onRetry={() => sessions.refetch()} />;
  return (
    <Card>
      <p className="mb-4 text-fg-muted">{t('security.sessionsLead')}</p>
      <ul className="flex flex-col divide-y divide-border">
        {sessions.data.items.map((item) => {
          const name = deviceName(item.userAgent) ?? t('security.unknownDevice');
          return (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-semibold">
                  {name}
                  {item.current && <Badge tone="accent">{t('security.thisDevice')}</Badge>}
                </p>
                <p className="text-sm text-fg-muted">
                  {[
                    item.ip,
                    t('security.signedInWith', { method: methodLabel(item.method, t) }),
                    t('security.lastUsed', { date: format.dateTime(item.lastUsedAt) }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </div>
              {!item.current && (
                <Button
                  variant="danger"
                  loading={revoke.isPending && revoke.variables === item.id}
                  onClick={() => revoke.mutate(item.id)}
                  aria-label={`${t('security.revoke')}: ${name}`}
                >
                  {t('security.revoke')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
