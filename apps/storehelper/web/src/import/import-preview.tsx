import { ApiError, call } from '@app/client';
import type { Store, StorehelperPaths } from '@app/storehelper-contracts';
import {
  Button,
  buttonClass,
  Card,
  ErrorState,
  LoadingState,
  Notice,
  SelectField,
  useApi,
  useFormat,
} from '@app/ui';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { platforms } from '../inbox/filters.js';
import { keys } from '../shared/data.js';
import { codeOf, useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { fromSuggested, isComplete, type Mapping, mappedFields } from './mapping.js';
import { type RowError, RowErrors } from './row-errors.js';

type Platform = (typeof platforms)[number];
type Result = { imported: number; added: number; updated: number };

/**
 * The uploaded sheet before importing: its first rows, which column fills which field (prefilled
 * from the header names), the platform of rows that do not say, and every row problem. Importing
 * is all or nothing; a refusal lists the rows and says that nothing was imported.
 */
export function ImportPreview({
  fileId,
  store,
  onReset,
}: {
  fileId: string;
  store: Store;
  onReset: () => void;
}) {
  const { t } = useT();
  const format = useFormat();
  const api = useApi<StorehelperPaths>();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [defaultPlatform, setDefaultPlatform] = useState<Platform>('import');
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [refused, setRefused] = useState<{ errors: RowError[]; count: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const send = mapping && isComplete(mapping) ? mapping : undefined;
  const preview = useQuery({
    queryKey: ['storehelper', 'import-preview', fileId, send ?? null, defaultPlatform],
    queryFn: () =>
      call(
        api.POST('/api/v1/storehelper/stores/{storeId}/imports/preview', {
          params: { path: { storeId: store.id } },
          body: { fileId, defaultPlatform, ...(send ? { mapping: send } : {}) },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  // The first answer brings the suggested mapping: the form starts from it.
  if (preview.data && mapping === null)
    setMapping(fromSuggested(preview.data.suggested, preview.data.headers));

  if (preview.isPending) return <LoadingState label={t('import.reading')} />;
  if (preview.isError)
    return (
      <Card className="flex flex-col gap-3">
        <ErrorState message={errorText(preview.error)} />
        <Button variant="secondary" className="self-start" onClick={onReset}>
          {t('import.chooseAnother')}
        </Button>
      </Card>
    );
  const data = preview.data;
  const current = mapping ?? {};
  const complete = isComplete(current);

  if (result)
    return (
      <Card className="flex flex-col gap-3">
        <h3 className="text-lg font-semibold">{t('import.doneTitle')}</h3>
        <Notice tone="success">
          {t('import.done', {
            imported: format.number(result.imported),
            added: format.number(result.added),
            updated: format.number(result.updated),
          })}
        </Notice>
        <p className="text-sm text-fg-muted">{t('import.analysing')}</p>
        <div className="flex flex-wrap gap-2">
          <Link to={`/stores/${store.id}`} className={buttonClass('primary')}>
            {t('import.toInbox')}
          </Link>
          <Link to={`/stores/${store.id}/dashboard`} className={buttonClass('secondary')}>
            {t('import.toDashboard')}
          </Link>
          <Button variant="ghost" onClick={onReset}>
            {t('import.another')}
          </Button>
        </div>
      </Card>
    );

  const run = async () => {
    if (!send) return;
    setImporting(true);
    setProblem(null);
    setRefused(null);
    try {
      const answer = await call(
        api.POST('/api/v1/storehelper/stores/{storeId}/imports', {
          params: { path: { storeId: store.id } },
          body: { fileId, mapping: send, defaultPlatform },
        }),
      );
      setResult(answer);
      await Promise.all(
        [keys.reviews(store.id), keys.dashboard(store.id), keys.alerts(store.id), keys.runs(store.id)].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      );
    } catch (error) {
      if (codeOf(error) === 'IMPORT_INVALID' && error instanceof ApiError) {
        const details = error.details as { errors?: RowError[]; errorCount?: number } | undefined;
        setRefused({ errors: details?.errors ?? [], count: details?.errorCount ?? 0 });
      } else setProblem(errorText(error));
    } finally {
      setImporting(false);
    }
  };

  const headerOptions = [
    { value: '', label: t('import.unmapped') },
    ...data.headers.map((header) => ({ value: header, label: header })),
  ];
  return (
    <Card className="flex flex-col gap-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold">{t('import.previewTitle')}</h3>
        <p className="text-sm text-fg-muted">
          {t('import.rowCount', { count: data.totalRows, rows: format.number(data.totalRows) })}
        </p>
      </div>
      <div className="overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('import.previewCaption', { count: data.rows.length })}</caption>
          <thead className="bg-surface-muted">
            <tr>
              {data.headers.map((header) => (
                <th key={header} scope="col" className="whitespace-nowrap px-3 py-2 font-semibold">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row, index) => (
              // The rows have no id of their own; their order is the sheet's.
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of a file, in file order
              <tr key={index} className="border-t border-border">
                {data.headers.map((header) => (
                  <td key={header} className="max-w-64 truncate px-3 py-2">
                    {row[header] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 font-semibold">{t('import.mappingTitle')}</legend>
        <p className="text-sm text-fg-muted">{t('import.mappingLead')}</p>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {mappedFields.map((field) => (
            <SelectField
              key={field}
              label={
                field === 'text' || field === 'reviewedAt'
                  ? t('import.required', { field: t(`import.fields.${field}`) })
                  : t(`import.fields.${field}`)
              }
              value={current[field] ?? ''}
              options={headerOptions}
              onChange={(event) => {
                const next = { ...current };
                if (event.target.value) next[field] = event.target.value;
                else delete next[field];
                setMapping(next);
              }}
            />
          ))}
          <SelectField
            label={t('import.defaultPlatform')}
            hint={t('import.defaultPlatformHint')}
            value={defaultPlatform}
            options={platforms.map((platform) => ({ value: platform, label: t(`platforms.${platform}`) }))}
            onChange={(event) => setDefaultPlatform(event.target.value as Platform)}
          />
        </div>
      </fieldset>
      {!complete ? (
        <Notice tone="warning">{t('import.needColumns')}</Notice>
      ) : preview.isFetching ? (
        <p role="status" className="text-sm text-fg-muted">
          {t('import.checking')}
        </p>
      ) : data.errorCount > 0 ? (
        <div className="flex flex-col gap-2">
          <Notice tone="danger">{t('import.rowProblems', { count: data.errorCount })}</Notice>
          <RowErrors errors={data.errors} count={data.errorCount} caption={t('import.errorsCaption')} />
        </div>
      ) : (
        <Notice tone="success">
          {t('import.ready', { count: data.totalRows, rows: format.number(data.totalRows) })}
        </Notice>
      )}
      {refused && (
        <div className="flex flex-col gap-2">
          <Notice tone="danger">{t('import.refused', { count: refused.count })}</Notice>
          <RowErrors errors={refused.errors} count={refused.count} caption={t('import.errorsCaption')} />
        </div>
      )}
      {problem && <Notice tone="danger">{problem}</Notice>}
      <div className="flex flex-wrap gap-2">
        <Button
          loading={importing}
          disabled={!complete || preview.isFetching || data.errorCount > 0}
          onClick={() => void run()}
        >
          {t('import.run', { count: data.totalRows, rows: format.number(data.totalRows) })}
        </Button>
        <Button variant="ghost" onClick={onReset}>
          {t('import.cancel')}
        </Button>
      </div>
    </Card>
  );
}
