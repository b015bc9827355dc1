import { call } from '@app/client';
import type { StudymatePaths } from '@app/studymate-contracts';
import { Button, useApi, useToast } from '@app/ui';
import { useState } from 'react';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/**
 * Export as CSV or Anki text: the export needs the session's token, so it is fetched and handed to
 * the browser as a download (a plain link would go without the token).
 */
export function ExportButtons({ subjectId }: { subjectId: string }) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<'csv' | 'anki' | null>(null);
  const save = async (format: 'csv' | 'anki') => {
    setBusy(format);
    try {
      const text = await call(
        api.GET('/api/v1/studymate/cards/export', {
          params: { query: { format, ...(subjectId ? { subjectId } : {}) } },
          parseAs: 'blob',
        }),
      );
      const url = URL.createObjectURL(text as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `studymate-cards.${format === 'csv' ? 'csv' : 'txt'}`;
      document.body.append(link);
      link.click();
      link.remove();
      // Give the download a moment to start before the blob is released.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      toast(errorText(error), 'danger');
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button variant="secondary" onClick={() => void save('csv')} loading={busy === 'csv'}>
        {t('cards.exportCsv')}
      </Button>
      <Button variant="secondary" onClick={() => void save('anki')} loading={busy === 'anki'}>
        {t('cards.exportAnki')}
      </Button>
    </>
  );
}
