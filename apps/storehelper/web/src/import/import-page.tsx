import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '@app/storehelper-contracts';
import { Button, Card, EmptyState, Notice, useFormat, useTitle, useUpload } from '@app/ui';
import { useRef, useState } from 'react';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { useStoreContext } from '../store/store-context.js';
import { ImportPreview } from './import-preview.js';

const accept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Import reviews from a spreadsheet (CSV, also Korean Excel's CP949, or XLSX): the limits are said
 * before anything is sent, the file is checked here first (type, 10 MB), uploaded, then previewed
 * with its column mapping and every row problem before anything is imported.
 */
export function ImportPage() {
  const { store, isOwner } = useStoreContext();
  const { t } = useT();
  const format = useFormat();
  const upload = useUpload();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ id: string; name: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useTitle(`${t('store.import')} · ${store.name}`);
  const limit = `${format.number(IMPORT_MAX_BYTES / 1024 / 1024)} MB`;

  if (!isOwner)
    return <EmptyState title={t('import.ownerOnlyTitle')}>{t('import.ownerOnlyBody')}</EmptyState>;

  const send = async (chosen: File) => {
    setProblem(null);
    if (!/\.(csv|xlsx)$/i.test(chosen.name)) {
      setProblem(t('import.wrongType', { name: chosen.name }));
      return;
    }
    if (chosen.size > IMPORT_MAX_BYTES) {
      setProblem(t('import.tooBig', { name: chosen.name, limit }));
      return;
    }
    setUploading(true);
    try {
      const uploaded = await upload(chosen, 'document', chosen.name);
      setFile({ id: uploaded.id, name: chosen.name });
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setUploading(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">{t('import.title')}</h2>
      <Card className="flex flex-col gap-3">
        <p>{t('import.lead')}</p>
        <ul className="list-disc pl-5 text-sm text-fg-muted">
          <li>{t('import.limitTypes')}</li>
          <li>{t('import.limitSize', { limit, rows: format.number(IMPORT_MAX_ROWS) })}</li>
          <li>{t('import.limitColumns')}</li>
          <li>{t('import.limitAllOrNothing')}</li>
        </ul>
        <input
          ref={input}
          type="file"
          accept={accept}
          hidden
          aria-label={t('import.choose')}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) void send(chosen);
          }}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant={file ? 'secondary' : 'primary'}
            loading={uploading}
            onClick={() => input.current?.click()}
          >
            {file ? t('import.chooseAnother') : t('import.choose')}
          </Button>
          {file && <span className="text-sm text-fg-muted">{t('import.chosen', { name: file.name })}</span>}
        </div>
        {uploading && (
          <p role="status" className="text-sm">
            {t('import.uploading')}
          </p>
        )}
        {problem && <Notice tone="danger">{problem}</Notice>}
      </Card>
      {file && <ImportPreview key={file.id} fileId={file.id} store={store} onReset={() => setFile(null)} />}
    </div>
  );
}
