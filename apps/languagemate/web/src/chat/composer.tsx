import { CHAT_BODY_MAX } from '@app/contracts';
import { Button, Notice, Spinner, useUpload } from '@app/ui';
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clock, mediaBody } from './attachment-view.js';
import { useChatErrorText } from './chat-errors.js';
import { useVoiceRecorder, VOICE_MAX_MS } from './use-voice-recorder.js';

const iconButton =
  'inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg text-xl hover:bg-surface-muted disabled:opacity-50';

/**
 * The message box: text (Enter sends, Shift+Enter for a new line, never while a Korean syllable is
 * still being composed), a photo (uploaded, then sent with the typed text as its caption) and a
 * voice message (recorded here, uploaded as audio, then sent).
 */
export function Composer({
  onSend,
  onTyping,
}: {
  onSend: (body: string, attachments?: string[]) => void;
  onTyping: () => void;
}) {
  const { t } = useTranslation('languagemate');
  const errorText = useChatErrorText();
  const upload = useUpload();
  const voice = useVoiceRecorder();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState<'image' | 'voice'>();
  const [error, setError] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    onSend(body);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const sendImage = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setBusy('image');
    try {
      const uploaded = await upload(file, 'image', file.name);
      const caption = draft.trim();
      onSend(caption || mediaBody('image'), [uploaded.id]);
      if (caption) setDraft('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(undefined);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const sendVoice = async () => {
    const recording = await voice.finish();
    if (!recording) return;
    setError(undefined);
    setBusy('voice');
    try {
      const uploaded = await upload(recording.blob, 'audio', recording.fileName);
      onSend(mediaBody('voice', recording.durationMs), [uploaded.id]);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  const recording = voice.state === 'recording' || voice.state === 'ready';
  return (
    <div className="border-t border-border bg-surface p-2">
      {error && <Notice tone="danger">{error}</Notice>}
      {voice.error && <Notice tone="danger">{t(`chat.voice.${voice.error}`)}</Notice>}
      {busy && (
        <p role="status" className="flex items-center gap-2 px-2 py-1 text-sm text-fg-muted">
          <Spinner className="size-4" />
          {t(busy === 'image' ? 'chat.uploadingImage' : 'chat.uploadingVoice')}
        </p>
      )}
      {recording ? (
        <div className="flex items-center gap-2" data-testid="voice-recording">
          <span aria-hidden="true" className="size-3 animate-pulse rounded-full bg-danger" />
          <p role="timer" aria-live="off" className="flex-1 text-sm font-semibold tabular-nums">
            {voice.state === 'ready'
              ? t('chat.voice.limitReached', { length: clock(VOICE_MAX_MS) })
              : t('chat.voice.recording', { elapsed: clock(voice.elapsedMs), max: clock(VOICE_MAX_MS) })}
          </p>
          <Button variant="ghost" onClick={voice.cancel}>
            {t('chat.voice.cancel')}
          </Button>
          <Button onClick={() => void sendVoice()}>{t('chat.voice.send')}</Button>
        </div>
      ) : (
        <form onSubmit={submit} className="flex items-end gap-1">
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            className="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => void sendImage(e.target.files?.[0])}
            data-testid="image-input"
          />
          <button
            type="button"
            className={iconButton}
            disabled={busy !== undefined}
            onClick={() => fileInput.current?.click()}
          >
            <span aria-hidden="true">🖼️</span>
            <span className="sr-only">{t('chat.attachImage')}</span>
          </button>
          <button
            type="button"
            className={iconButton}
            disabled={busy !== undefined || voice.state === 'starting'}
            onClick={() => void voice.start()}
          >
            <span aria-hidden="true">🎤</span>
            <span className="sr-only">{t('chat.voice.start')}</span>
          </button>
          <label htmlFor={inputId} className="sr-only">
            {t('chat.message')}
          </label>
          <textarea
            id={inputId}
            value={draft}
            rows={Math.min(5, Math.max(1, draft.split('\n').length))}
            maxLength={CHAT_BODY_MAX}
            placeholder={t('chat.placeholder')}
            onChange={(e) => {
              setDraft(e.target.value);
              if (e.target.value) onTyping();
            }}
            onKeyDown={onKeyDown}
            className="min-h-11 flex-1 resize-none rounded-lg border border-border bg-surface px-3 py-2.5 text-base"
          />
          <Button type="submit" disabled={!draft.trim()}>
            {t('chat.send')}
          </Button>
        </form>
      )}
    </div>
  );
}
