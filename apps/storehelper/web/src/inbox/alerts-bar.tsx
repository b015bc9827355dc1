import { call } from '@app/client';
import type { StorehelperPaths } from '@app/storehelper-contracts';
import { Button, useApi, useFormat, useToast } from '@app/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { PlatformBadge } from './review-body.js';

/** Alerts shown before "show all". */
const SHOWN = 3;

/**
 * The store's open alerts above the inbox: a negative review (open it, or acknowledge) and a
 * platform page whose layout changed so reviews could not be read (what it means; acknowledge).
 * Nothing is drawn when there are none, or when they cannot be loaded (the inbox says enough).
 */
export function AlertsBar({
  storeId,
  onOpenReview,
}: {
  storeId: string;
  onOpenReview: (id: string) => void;
}) {
  const { t } = useT();
  const api = useApi<StorehelperPaths>();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorText = useErrorText();
  const format = useFormat();
  const [all, setAll] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const alerts = useQuery({
    queryKey: keys.alerts(storeId),
    queryFn: () =>
      call(
        api.GET('/api/v1/storehelper/stores/{storeId}/alerts', {
          params: { path: { storeId }, query: { open: 'true' } },
        }),
      ),
  });
  const items = alerts.data?.items ?? [];
  if (items.length === 0) return null;
  const acknowledge = async (id: string) => {
    setBusy(id);
    try {
      await call(
        api.POST('/api/v1/storehelper/stores/{storeId}/alerts/{id}/acknowledge', {
          params: { path: { storeId, id } },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: keys.alerts(storeId) });
    } catch (error) {
      toast(errorText(error), 'danger');
    } finally {
      setBusy(null);
    }
  };
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <section aria-labelledby="alerts-title" className="flex flex-col gap-2">
      <h2 id="alerts-title" className="sr-only">
        {t('alerts.title', { count: items.length })}
      </h2>
      <ul className="flex flex-col gap-2">
        {shown.map((alert) => (
          <li
            key={alert.id}
            className="flex flex-col gap-2 rounded-xl border-2 border-danger bg-danger-soft p-3 sm:flex-row sm:items-center"
          >
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <p className="font-semibold text-danger">
                <span aria-hidden="true">⚠ </span>
                {alert.kind === 'negative-review' ? t('alerts.negative') : t('alerts.parserBroken')}
              </p>
              {alert.kind === 'negative-review' && alert.reviewId ? (
                <AlertReview reviewId={alert.reviewId} />
              ) : (
                <p className="text-sm">
                  {t('alerts.parserBrokenBody', {
                    platform: t(`platforms.${platformOf(alert.detail)}`),
                  })}
                </p>
              )}
              <p className="text-xs text-fg-muted">{format.dateTime(alert.createdAt)}</p>
            </div>
            <div className="flex shrink-0 flex-wrap gap-2">
              {alert.kind === 'negative-review' && alert.reviewId && (
                <Button onClick={() => onOpenReview(alert.reviewId ?? '')}>{t('alerts.open')}</Button>
              )}
              <Button
                variant="secondary"
                loading={busy === alert.id}
                disabled={busy !== null}
                onClick={() => void acknowledge(alert.id)}
              >
                {t('alerts.acknowledge')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {items.length > SHOWN && (
        <Button variant="ghost" className="self-start" onClick={() => setAll((value) => !value)}>
          {all ? t('alerts.fewer') : t('alerts.more', { count: items.length - SHOWN })}
        </Button>
      )}
    </section>
  );
}

function platformOf(detail: Record<string, unknown>): 'naver' | 'kakao' | 'google' | 'import' {
  const platform = detail.platform;
  return platform === 'naver' || platform === 'kakao' || platform === 'google' ? platform : 'import';
}

/** The reviewed alert's review in one line: platform, rating or tags, the start of the text. */
function AlertReview({ reviewId }: { reviewId: string }) {
  const { t } = useT();
  const api = useApi<StorehelperPaths>();
  const review = useQuery({
    queryKey: keys.review(reviewId),
    queryFn: () =>
      call(api.GET('/api/v1/storehelper/reviews/{reviewId}', { params: { path: { reviewId } } })),
  });
  if (!review.data) return null;
  const data = review.data;
  return (
    <p className="flex min-w-0 items-center gap-2 text-sm">
      <PlatformBadge platform={data.platform} />
      {data.rating !== null && (
        <span className="whitespace-nowrap">{t('alerts.rating', { rating: data.rating })}</span>
      )}
      <span className="truncate">{data.text || data.tags.join(', ')}</span>
    </p>
  );
}
