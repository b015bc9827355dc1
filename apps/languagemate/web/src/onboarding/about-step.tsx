import {
  Avatar,
  Button,
  CheckboxField,
  SelectField,
  Spinner,
  TextAreaField,
  useFileUrl,
  useUpload,
} from '@app/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import type { StepProps } from './steps.js';

const GOALS = [0, 30, 60, 90, 120, 180, 300];

/** Step 5: a photo (uploaded at once, re-encoded by the server), a short bio, a weekly goal. */
export function AboutStep({ draft, set, errors }: StepProps) {
  const { t } = useT();
  return (
    <div className="flex flex-col gap-6">
      <PhotoField
        name={draft.displayName}
        photoFileId={draft.photoFileId}
        error={errors.photoFileId}
        onChange={(photoFileId) => set({ photoFileId })}
      />
      <TextAreaField
        name="bio"
        label={t('onboarding.about.bio')}
        hint={t('onboarding.about.bioHint', { count: draft.bio.length })}
        maxLength={500}
        value={draft.bio}
        error={errors.bio}
        onChange={(event) => set({ bio: event.target.value })}
      />
      <SelectField
        name="weeklyGoalMinutes"
        label={t('onboarding.about.goal')}
        hint={t('onboarding.about.goalHint')}
        value={String(draft.weeklyGoalMinutes)}
        error={errors.weeklyGoalMinutes}
        options={GOALS.map((minutes) => ({
          value: String(minutes),
          label:
            minutes === 0
              ? t('onboarding.about.noGoal')
              : t('onboarding.about.goalMinutes', { count: minutes }),
        }))}
        onChange={(event) => set({ weeklyGoalMinutes: Number(event.target.value) })}
      />
      <CheckboxField
        label={t('onboarding.about.discoverable')}
        checked={draft.discoverable}
        onChange={(event) => set({ discoverable: event.target.checked })}
      />
    </div>
  );
}

/**
 * The photo: a preview of the chosen file at once, uploaded as `image` (the server sniffs and
 * re-encodes it, and refuses what is not an image with its own error, shown here).
 */
function PhotoField({
  name,
  photoFileId,
  error,
  onChange,
}: {
  name: string;
  photoFileId: string | null;
  error: string | undefined;
  onChange: (id: string | null) => void;
}) {
  const { t } = useT();
  const upload = useUpload();
  const errorText = useErrorText();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const saved = useFileUrl(photoFileId);
  const [preview, setPreview] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview);
    },
    [preview],
  );
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setUploadError(undefined);
    setBusy(true);
    const local = URL.createObjectURL(file);
    setPreview(local);
    try {
      const uploaded = await upload(file, 'image');
      onChange(uploaded.id);
    } catch (failure) {
      setPreview(undefined);
      setUploadError(errorText(failure));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const shown = preview ?? saved;
  const message = uploadError ?? error;
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={inputId} className="text-sm font-semibold">
        {t('onboarding.about.photo')}
      </label>
      <div className="flex items-center gap-4">
        <Avatar name={name || '?'} {...(shown ? { src: shown } : {})} className="size-20 text-2xl" />
        <div className="flex flex-col gap-2">
          <input
            ref={input}
            id={inputId}
            type="file"
            accept="image/*"
            tabIndex={-1}
            className="sr-only"
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${inputId}-error` : `${inputId}-hint`}
            onChange={(event) => void choose(event.target.files?.[0])}
          />
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" disabled={busy} onClick={() => input.current?.click()}>
              {busy && <Spinner className="size-4" />}
              {busy
                ? t('onboarding.about.uploading')
                : photoFileId
                  ? t('onboarding.about.changePhoto')
                  : t('onboarding.about.choosePhoto')}
            </Button>
            {photoFileId && !busy && (
              <Button variant="ghost" onClick={() => onChange(null)}>
                {t('onboarding.about.removePhoto')}
              </Button>
            )}
          </div>
          <p id={`${inputId}-hint`} className="text-sm text-fg-muted">
            {t('onboarding.about.photoHint')}
          </p>
        </div>
      </div>
      {message && (
        <p id={`${inputId}-error`} role="alert" className="text-sm font-medium text-danger">
          {message}
        </p>
      )}
    </div>
  );
}
