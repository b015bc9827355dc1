import { call } from '@app/client';
import type { StorehelperPaths } from '@app/storehelper-contracts';
import { Button, saveBlob, useApi, useToast } from '@app/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewFilters } from '../inbox/filters.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/**
 * The filtered reviews as CSV and the dashboard as a PDF report in the page's language. Both need
 * the session's token, so they are fetched and handed to the browser as downloads.
 */
export function ExportButtons({ storeId, filters }: { storeId: string; filters: ReviewFilters }) {
  const { t } = useT();
  const { i18n } = useTranslation();
  const api = useApi<StorehelperPaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null);
  const lang = i18n.language.startsWith('en') ? 'en' : 'ko';
  const save = async (kind: 'csv' | 'pdf') => {
    setBusy(kind);
    try {
      const path = { storeId };
      const blob =
        kind === 'csv'
          ? await call(
              api.GET('/api/v1/storehelper/stores/{storeId}/export.csv', {
                params: { path, query: filters },
                parseAs: 'blob',
              }),
            )
          : await call(
              api.GET('/api/v1/storehelper/stores/{storeId}/report.pdf', {
                params: { path, query: { ...filters, lang } },
                parseAs: 'blob',
              }),
            );
      saveBlob(blob as unknown as Blob, kind === 'csv' ? 'reviews.csv' : 'report.pdf');
    } catch (error) {
      toast(errorText(error), 'danger');
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        variant="secondary"
        loading={busy === 'csv'}
        disabled={busy !== null}
        onClick={() => void save('csv')}
      >
        {t('dashboard.exportCsv')}
      </Button>
      <Button
        variant="secondary"
        loading={busy === 'pdf'}
        disabled={busy !== null}
        onClick={() => void save('pdf')}
      >
        {t('dashboard.exportPdf')}
      </Button>
    </div>
  );
}
