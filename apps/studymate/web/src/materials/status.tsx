import type { Material } from '@app/studymate-contracts';
import { Button } from '@app/ui';
import { useT } from '../shared/i18n.js';

/** Whether a material is still being read or analysed (its page polls until it is not). */
export function isProcessing(material: Pick<Material, 'status'>): boolean {
  return material.status === 'queued' || material.status === 'extracting' || material.status === 'analyzing';
}

/** The stage of a material being processed, with its progress bar. */
export function ProcessingStatus({ material }: { material: Material }) {
  const { t } = useT();
  const stage = t(`material.stage.${material.status}`);
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-sm text-fg-muted" aria-live="polite">
        {stage} · {material.progress}%
      </p>
      <div
        role="progressbar"
        aria-label={stage}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={material.progress}
        className="h-2 overflow-hidden rounded-full bg-surface-muted"
      >
        <div
          className="h-full rounded-full bg-accent transition-[width] duration-500"
          style={{ width: `${Math.max(4, material.progress)}%` }}
        />
      </div>
    </div>
  );
}

/** Why a material could not be read, in plain words, with Retry and Delete. */
export function FailedStatus({
  material,
  onRetry,
  retrying,
  onDelete,
}: {
  material: Material;
  onRetry: () => void;
  retrying: boolean;
  onDelete: () => void;
}) {
  const { t } = useT();
  return (
    <div role="alert" className="flex flex-col gap-3 rounded-lg border border-danger bg-danger-soft p-3">
      <p className="text-danger">
        <span className="font-semibold">{t('material.failed')}</span>{' '}
        {t(`material.reason.${material.errorCode ?? 'UNKNOWN'}`)}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onRetry} loading={retrying}>
          {t('material.retry')}
        </Button>
        <Button variant="danger" onClick={onDelete}>
          {t('material.delete')}
        </Button>
      </div>
    </div>
  );
}
