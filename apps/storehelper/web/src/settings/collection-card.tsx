import { call } from '@app/client';
import type { CollectionRun, StorehelperPaths } from '@app/storehelper-contracts';
import { Badge, Button, Card, ErrorState, LoadingState, Notice, useApi, useFormat } from '@app/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../shared/data.js';
import { codeOf, useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/** How often the runs are asked again while one is running, or one just asked for has not started. */
const RUNNING_POLL_MS = 2000;
/** How long "collect now" waits for its runs to appear (the job worker starts them) before giving up. */
const START_WAIT_MS = 60_000;

const statusTone = { running: 'accent', succeeded: 'success', failed: 'danger' } as const;

/**
 * Collection: "collect now" from every platform the store is set up for (hourly anyway), and the
 * latest runs with what each found, added and updated, and its errors.
 */
export function CollectionCard({ storeId }: { storeId: string }) {
  const { t } = useT();
  const api = useApi<StorehelperPaths>();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'warning' | 'danger'; text: string } | null>(
    null,
  );
  const path = { params: { path: { storeId } } };
  // When "collect now" was clicked: the runs are queued jobs, so the list keeps asking until they appear.
  const [askedAt, setAskedAt] = useState<number | null>(null);
  const runs = useQuery({
    queryKey: keys.runs(storeId),
    queryFn: () => call(api.GET('/api/v1/storehelper/stores/{storeId}/runs', path)),
    refetchInterval: (query) => {
      const items = query.state.data?.items ?? [];
      if (items.some((run) => run.status === 'running')) return RUNNING_POLL_MS;
      const waiting =
        askedAt !== null &&
        Date.now() - askedAt < START_WAIT_MS &&
        !items.some((run) => Date.parse(run.startedAt) >= askedAt - 5_000);
      return waiting ? RUNNING_POLL_MS : false;
    },
  });
  const collect = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const clicked = Date.now();
      const { sources } = await call(api.POST('/api/v1/storehelper/stores/{storeId}/collect', path));
      setAskedAt(clicked);
      setMessage({
        tone: 'success',
        text: t('settings.collection.started', {
          sources: sources.map((source) => t(`platforms.${source}`)).join(', '),
        }),
      });
      await queryClient.invalidateQueries({ queryKey: keys.runs(storeId) });
    } catch (error) {
      const code = codeOf(error);
      setMessage({
        tone: code === 'NOT_CONNECTED' || code === 'COLLECTION_RUNNING' ? 'warning' : 'danger',
        text: errorText(error),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="collection" className="text-lg font-semibold">
            {t('settings.collection.title')}
          </h2>
          <p className="text-sm text-fg-muted">{t('settings.collection.lead')}</p>
        </div>
        <Button loading={busy} onClick={() => void collect()}>
          {t('settings.collection.now')}
        </Button>
      </div>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {runs.isPending ? (
        <LoadingState />
      ) : runs.isError ? (
        <ErrorState message={errorText(runs.error)} onRetry={() => void runs.refetch()} />
      ) : runs.data.items.length === 0 ? (
        <p className="text-fg-muted">{t('settings.collection.empty')}</p>
      ) : (
        <RunsTable runs={runs.data.items} />
      )}
    </Card>
  );
}

function RunsTable({ runs }: { runs: readonly CollectionRun[] }) {
  const { t } = useT();
  const format = useFormat();
  const cell = 'px-3 py-2 text-right tabular-nums';
  // On a phone the table keeps what matters (when, where, how it went, how many new) and fits the
  // width, as the kit's tables hide their wide columns.
  const wide = 'hidden sm:table-cell';
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('settings.collection.runs')}</caption>
        <thead className="bg-surface-muted">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('settings.collection.col.started')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('settings.collection.col.source')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('settings.collection.col.status')}
            </th>
            <th scope="col" className={`${wide} px-3 py-2 text-right`}>
              {t('settings.collection.col.found')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('settings.collection.col.added')}
            </th>
            <th scope="col" className={`${wide} px-3 py-2 text-right`}>
              {t('settings.collection.col.updated')}
            </th>
            <th scope="col" className={`${wide} px-3 py-2 text-right`}>
              {t('settings.collection.col.errors')}
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className="border-t border-border align-top">
              <td className="px-3 py-2 sm:whitespace-nowrap">{format.dateTime(run.startedAt)}</td>
              <td className="whitespace-nowrap px-3 py-2">
                {t(`platforms.${run.source}`)}
                <span className="block text-xs text-fg-muted">
                  {t(`settings.collection.trigger.${run.trigger}`)}
                </span>
              </td>
              <td className="px-3 py-2">
                <Badge tone={statusTone[run.status]}>{t(`settings.collection.status.${run.status}`)}</Badge>
                {run.error && <span className="mt-1 block max-w-64 text-xs text-danger">{run.error}</span>}
              </td>
              <td className={`${wide} ${cell}`}>{format.number(run.found)}</td>
              <td className={cell}>{format.number(run.added)}</td>
              <td className={`${wide} ${cell}`}>{format.number(run.updated)}</td>
              <td className={`${wide} ${cell} ${run.errors > 0 ? 'font-semibold text-danger' : ''}`}>
                {format.number(run.errors)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
