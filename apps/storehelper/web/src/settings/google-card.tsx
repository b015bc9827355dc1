import { call } from '@app/client';
import type { StorehelperPaths } from '@app/storehelper-contracts';
import {
  Badge,
  Button,
  Card,
  ErrorState,
  LoadingState,
  Notice,
  SelectField,
  useApi,
  useFormat,
  useToast,
} from '@app/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '../shared/confirm-dialog.js';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/** Why Google's consent came back without a connection (`?google=error&reason=`), as the server says. */
const reasons = ['access_denied', 'scope', 'forbidden', 'no_refresh_token'] as const;

/**
 * The store's Google Business Profile: connect through Google's consent page (the server keeps the
 * tokens; the browser never sees them), pick the location whose reviews are collected and where
 * approved replies are posted, or disconnect. Owner-only, like the settings page it is on.
 */
export function GoogleCard({ storeId }: { storeId: string }) {
  const { t } = useT();
  const api = useApi<StorehelperPaths>();
  const queryClient = useQueryClient();
  const toast = useToast();
  const format = useFormat();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [connecting, setConnecting] = useState(false);
  const [disconnecting, setDisconnecting] = useState(false);
  const path = { params: { path: { storeId } } };
  const statusKey = [...keys.store(storeId), 'google'];
  const status = useQuery({
    queryKey: statusKey,
    queryFn: () => call(api.GET('/api/v1/storehelper/stores/{storeId}/google', path)),
  });

  // Back from Google's consent page: say how it went once, then drop it from the address.
  const result = params.get('google');
  useEffect(() => {
    if (!result) return;
    const reason = params.get('reason') ?? '';
    const known = reasons.find((r) => r === reason);
    setOutcome(
      result === 'connected'
        ? { tone: 'success', text: t('settings.google.connected') }
        : { tone: 'danger', text: t(`settings.google.failed.${known ?? 'other'}`) },
    );
    const next = new URLSearchParams(params);
    next.delete('google');
    next.delete('reason');
    setParams(next, { replace: true });
  }, [result, params, setParams, t]);

  const connect = async () => {
    setConnecting(true);
    try {
      const { url } = await call(
        api.GET('/api/v1/storehelper/stores/{storeId}/google/connect', {
          params: { path: { storeId }, query: { as: 'json' } },
        }),
      );
      window.location.assign(url);
    } catch (error) {
      setOutcome({ tone: 'danger', text: errorText(error) });
      setConnecting(false);
    }
  };

  const google = status.data;
  return (
    <Card className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="google" className="text-lg font-semibold">
              {t('settings.google.title')}
            </h2>
            {google?.connected && <Badge tone="success">{t('settings.google.connectedBadge')}</Badge>}
          </div>
          <p className="text-sm text-fg-muted">{t('settings.google.body')}</p>
        </div>
        {google?.configured && !google.connected && (
          <Button loading={connecting} onClick={() => void connect()}>
            {t('settings.google.connect')}
          </Button>
        )}
      </div>
      {outcome && (
        <Notice tone={outcome.tone}>
          <span role={outcome.tone === 'danger' ? 'alert' : 'status'}>{outcome.text}</span>
        </Notice>
      )}
      {status.isPending ? (
        <LoadingState />
      ) : status.isError ? (
        <ErrorState message={errorText(status.error)} onRetry={() => void status.refetch()} />
      ) : !status.data.configured ? (
        <Notice tone="warning">{t('settings.google.notConfigured')}</Notice>
      ) : status.data.connected ? (
        <>
          <p className="text-sm">
            {t('settings.google.since', {
              date: status.data.connectedAt ? format.dateTime(status.data.connectedAt) : '—',
            })}
          </p>
          <LocationPicker
            storeId={storeId}
            current={status.data.locationName}
            onSaved={async () => {
              setOutcome(null);
              toast(t('settings.google.locationSaved'));
              await queryClient.invalidateQueries({ queryKey: keys.store(storeId) });
            }}
          />
          <div>
            <Button variant="secondary" onClick={() => setDisconnecting(true)}>
              {t('settings.google.disconnect')}
            </Button>
          </div>
        </>
      ) : (
        <p className="text-sm text-fg-muted">{t('settings.google.howTo')}</p>
      )}
      <ConfirmDialog
        open={disconnecting}
        title={t('settings.google.disconnectTitle')}
        body={t('settings.google.disconnectBody')}
        confirmLabel={t('settings.google.disconnect')}
        onClose={() => setDisconnecting(false)}
        onConfirm={async () => {
          await call(api.DELETE('/api/v1/storehelper/stores/{storeId}/google', path));
          setOutcome(null);
          toast(t('settings.google.disconnected'));
          // The status first (the location list goes away with it), then the store: asking for the
          // locations of a store no longer connected would only be refused.
          await queryClient.invalidateQueries({ queryKey: statusKey, exact: true });
          queryClient.removeQueries({ queryKey: [...statusKey, 'locations'] });
          await queryClient.invalidateQueries({ queryKey: keys.store(storeId), exact: true });
        }}
      />
    </Card>
  );
}

/** The locations the connected Google account manages; the chosen one is collected and replied on. */
function LocationPicker({
  storeId,
  current,
  onSaved,
}: {
  storeId: string;
  current: string | null;
  onSaved: () => Promise<void>;
}) {
  const { t } = useT();
  const api = useApi<StorehelperPaths>();
  const errorText = useErrorText();
  const [choice, setChoice] = useState(current ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const path = { params: { path: { storeId } } };
  const locations = useQuery({
    queryKey: [...keys.store(storeId), 'google', 'locations'],
    // Only while connected (the card unmounts this list when the connection goes).
    retry: false,
    queryFn: () => call(api.GET('/api/v1/storehelper/stores/{storeId}/google/locations', path)),
  });
  if (locations.isPending) return <LoadingState label={t('settings.google.loadingLocations')} />;
  if (locations.isError)
    return <ErrorState message={errorText(locations.error)} onRetry={() => void locations.refetch()} />;
  const items = locations.data.items;
  if (items.length === 0) return <Notice tone="warning">{t('settings.google.noLocations')}</Notice>;
  const save = async () => {
    const location = items.find((l) => l.locationName === choice);
    if (!location) return setError(t('settings.google.pickOne'));
    setSaving(true);
    setError(null);
    try {
      await call(
        api.PUT('/api/v1/storehelper/stores/{storeId}/google/location', {
          ...path,
          body: { locationName: location.locationName, accountName: location.accountName },
        }),
      );
      await onSaved();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="flex flex-col gap-2">
      {!current && <Notice tone="warning">{t('settings.google.chooseLocation')}</Notice>}
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          label={t('settings.google.location')}
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
          error={error ?? undefined}
          className="min-w-64"
          options={[
            ...(current ? [] : [{ value: '', label: t('settings.google.pickOne') }]),
            ...items.map((l) => ({
              value: l.locationName,
              label: `${l.title} · ${l.address || l.accountTitle}`,
            })),
          ]}
        />
        <Button loading={saving} disabled={!choice || choice === current} onClick={() => void save()}>
          {t('settings.google.saveLocation')}
        </Button>
      </div>
    </div>
  );
}
