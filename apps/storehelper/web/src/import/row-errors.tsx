import { useFormat } from '@app/ui';
import { useT } from '../shared/i18n.js';
import { rowReason } from '../shared/server-text.js';

/** A row's problem as the import answers it (`importRowErrorSchema`). */
export interface RowError {
  row: number;
  column: string | null;
  reason: string;
}

/** The rows that cannot be imported: row number, column and why (the first 100 of `count`). */
export function RowErrors({
  errors,
  count,
  caption,
}: {
  errors: readonly RowError[];
  count: number;
  caption: string;
}) {
  const { t } = useT();
  const format = useFormat();
  return (
    <div className="flex flex-col gap-2">
      <div className="max-h-80 overflow-auto rounded-lg border border-danger">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-danger-soft">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('import.col.row')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('import.col.column')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('import.col.reason')}
              </th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error) => (
              <tr
                key={`${error.row}-${error.column ?? ''}-${error.reason}`}
                className="border-t border-border"
              >
                <td className="px-3 py-2 tabular-nums">{format.number(error.row)}</td>
                <td className="whitespace-nowrap px-3 py-2">{error.column ?? '–'}</td>
                <td className="px-3 py-2">{rowReason(error.reason, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {count > errors.length && (
        <p className="text-sm text-fg-muted">{t('import.moreErrors', { count: count - errors.length })}</p>
      )}
    </div>
  );
}
