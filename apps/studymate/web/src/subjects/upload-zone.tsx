import { call } from '@app/client';
import { MATERIAL_MAX_BYTES, type Material, type StudymatePaths } from '@app/studymate-contracts';
import { Button, Notice, TextField, useApi, useFormat, useUpload } from '@app/ui';
import { type DragEvent, useRef, useState } from 'react';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { documentAccept, fileProblem, sizeText } from './file-check.js';

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string; fraction: number }
  | { kind: 'creating'; name: string };

/**
 * Upload a document (drop it here or choose it): checked for type and the 10 MB limit before
 * anything is sent, uploaded with a progress bar, then added as a material of the subject.
 */
export function UploadZone({
  subjectId,
  onCreated,
  onPlanLimit,
}: {
  subjectId: string;
  onCreated: (material: Material) => void;
  onPlanLimit: (error: unknown) => boolean;
}) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const upload = useUpload();
  const format = useFormat();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const busy = stage.kind !== 'idle';
  const limit = sizeText(MATERIAL_MAX_BYTES, format.locale);

  const send = async (file: File) => {
    const refused = fileProblem(file);
    if (refused) {
      setProblem(
        t(`add.problem.${refused}`, { name: file.name, size: sizeText(file.size, format.locale), limit }),
      );
      return;
    }
    setProblem(null);
    setStage({ kind: 'uploading', name: file.name, fraction: 0 });
    try {
      const uploaded = await upload(file, 'document', file.name, {
        onProgress: (fraction) => setStage({ kind: 'uploading', name: file.name, fraction }),
      });
      setStage({ kind: 'creating', name: file.name });
      const material = await call(
        api.POST('/api/v1/studymate/materials', {
          body: { subjectId, fileId: uploaded.id, ...(title.trim() ? { title: title.trim() } : {}) },
        }),
      );
      setTitle('');
      onCreated(material);
    } catch (error) {
      if (!onPlanLimit(error)) setProblem(errorText(error));
    } finally {
      setStage({ kind: 'idle' });
      if (input.current) input.current.value = '';
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) void send(file);
  };

  return (
    <div className="flex flex-col gap-4">
      <TextField
        label={t('add.titleOptional')}
        hint={t('add.titleOptionalHint')}
        maxLength={200}
        autoComplete="off"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        disabled={busy}
      />
      {/* The drop target; the button inside is the keyboard's (and phones') way in. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse gesture; the button inside does the same */}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-3 rounded-xl border-2 border-dashed p-6 text-center ${
          dragging ? 'border-accent bg-surface-muted' : 'border-border'
        }`}
      >
        <p className="font-semibold">{t('add.drop')}</p>
        <p className="text-sm text-fg-muted">{t('add.types', { limit })}</p>
        <input
          ref={input}
          type="file"
          accept={documentAccept}
          hidden
          aria-label={t('add.choose')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void send(file);
          }}
        />
        <Button variant="secondary" onClick={() => input.current?.click()} disabled={busy}>
          {t('add.choose')}
        </Button>
      </div>
      {stage.kind === 'uploading' && (
        <div className="flex flex-col gap-1.5">
          <p className="text-sm" aria-live="polite">
            {t('add.uploading', { name: stage.name, percent: Math.round(stage.fraction * 100) })}
          </p>
          <div
            role="progressbar"
            aria-label={t('add.uploadProgress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(stage.fraction * 100)}
            className="h-2 overflow-hidden rounded-full bg-surface-muted"
          >
            <div
              className="h-full rounded-full bg-accent"
              style={{ width: `${Math.round(stage.fraction * 100)}%` }}
            />
          </div>
        </div>
      )}
      {stage.kind === 'creating' && (
        <p className="text-sm" aria-live="polite">
          {t('add.creating', { name: stage.name })}
        </p>
      )}
      {problem && <Notice tone="danger">{problem}</Notice>}
    </div>
  );
}
