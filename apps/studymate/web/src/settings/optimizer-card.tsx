import { ApiError, call } from '@app/client';
import type { Settings, StudymatePaths } from '@app/studymate-contracts';
import { Badge, Button, Card, Notice, useApi, useEntitlements, useFormat, usePlanLimit } from '@app/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { keys } from '../shared/data.js';
import { codeOf, useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/**
 * "Optimise my intervals": how many of the reviews it needs are there, the button (a Pro feature:
 * a refusal shows the upgrade prompt), the progress while it runs, and the last result.
 */
export function OptimizerCard({ settings }: { settings: Settings }) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const format = useFormat();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const upgrade = usePlanLimit();
  const { optimizer } = settings;
  const features = useEntitlements().data?.features;
  const enough = optimizer.reviewsAvailable >= optimizer.reviewsNeeded;
  const share = Math.min(1, optimizer.reviewsAvailable / Math.max(1, optimizer.reviewsNeeded));
  const run = useMutation({
    mutationFn: () => call(api.POST('/api/v1/studymate/settings/optimize')),
    onSuccess: (next) => queryClient.setQueryData(keys.settings, next),
    onError: (error) => upgrade.handle(error),
  });
  const loss = (value: number | null) =>
    value === null ? '—' : new Intl.NumberFormat(format.locale, { maximumFractionDigits: 4 }).format(value);
  const notEnough =
    run.error instanceof ApiError && run.error.code === 'NOT_ENOUGH_REVIEWS'
      ? (run.error.details as { needed?: number; available?: number } | undefined)
      : undefined;
  return (
    <Card className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="optimizer" className="scroll-mt-20 text-lg font-semibold">
          {t('optimizer.title')}
        </h2>
        {features && !features.includes('fsrsOptimizer') && <Badge tone="accent">{t('optimizer.pro')}</Badge>}
      </div>
      <p className="text-fg-muted">{t('optimizer.lead')}</p>
      <div className="flex flex-col gap-1.5">
        <p className="text-sm">
          {t('optimizer.reviews', {
            available: format.number(optimizer.reviewsAvailable),
            needed: format.number(optimizer.reviewsNeeded),
          })}
        </p>
        <div
          role="progressbar"
          aria-label={t('optimizer.reviewsLabel')}
          aria-valuemin={0}
          aria-valuemax={optimizer.reviewsNeeded}
          aria-valuenow={Math.min(optimizer.reviewsAvailable, optimizer.reviewsNeeded)}
          className="h-2 overflow-hidden rounded-full bg-surface-muted"
        >
          <div className="h-full rounded-full bg-accent" style={{ width: `${share * 100}%` }} />
        </div>
      </div>
      {upgrade.prompt}
      {optimizer.pending ? (
        <Notice tone="warning">{t('optimizer.pending')}</Notice>
      ) : optimizer.error === 'NOT_IMPROVED' ? (
        <Notice tone="success">{t('optimizer.notImproved')}</Notice>
      ) : optimizer.error === 'FAILED' ? (
        <Notice tone="danger">{t('optimizer.failed')}</Notice>
      ) : optimizer.error === 'NOT_ENOUGH_REVIEWS' ? (
        <Notice tone="warning">{t('optimizer.notEnoughShort')}</Notice>
      ) : null}
      {optimizer.optimizedAt && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-fg-muted">{t('optimizer.when')}</dt>
          <dd>{format.dateTime(optimizer.optimizedAt)}</dd>
          <dt className="text-fg-muted">{t('optimizer.logLoss')}</dt>
          <dd className="tabular-nums">
            {loss(optimizer.logLossBefore)} → {loss(optimizer.logLossAfter)}
          </dd>
          <dt className="text-fg-muted">{t('optimizer.state')}</dt>
          <dd>
            {optimizer.fitted
              ? t('optimizer.fitted', { count: optimizer.reviews ?? 0 })
              : t('optimizer.default')}
          </dd>
        </dl>
      )}
      {run.isError && codeOf(run.error) !== 'PLAN_LIMIT' && (
        <Notice tone={notEnough ? 'warning' : 'danger'}>
          {notEnough
            ? t('optimizer.notEnough', {
                needed: format.number(notEnough.needed ?? optimizer.reviewsNeeded),
                available: format.number(notEnough.available ?? optimizer.reviewsAvailable),
              })
            : errorText(run.error)}
        </Notice>
      )}
      <Button
        onClick={() => run.mutate()}
        loading={run.isPending || optimizer.pending}
        className="self-start"
        aria-describedby={enough ? undefined : 'optimizer-need'}
      >
        {t('optimizer.run')}
      </Button>
      {!enough && (
        <p id="optimizer-need" className="text-sm text-fg-muted">
          {t('optimizer.needMore', { count: optimizer.reviewsNeeded - optimizer.reviewsAvailable })}
        </p>
      )}
    </Card>
  );
}
