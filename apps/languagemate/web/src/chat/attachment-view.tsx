import { Dialog, Spinner } from '@app/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileUrl } from './files.js';

/** m:ss of a length in ms. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The body a media message is sent with (a message needs text): a microphone and the length for a
 * voice message, a camera for a photo without a caption. Bubbles hide it next to the media.
 */
export function mediaBody(kind: 'voice' | 'image', durationMs = 0): string {
  return kind === 'voice' ? `🎤 ${clock(durationMs)}` : '📷';
}

const mediaBodyPattern = /^(?:🎤 (\d+):(\d\d)|📷)$/u;

/** Whether a body is only the stand-in text of a media message. */
export function isMediaBody(body: string): boolean {
  return mediaBodyPattern.test(body);
}

/** The length a voice message's body names (ms), if it does. */
function bodyDuration(body: string): number | undefined {
  const match = mediaBodyPattern.exec(body);
  if (!match?.[1] || !match[2]) return undefined;
  return (Number(match[1]) * 60 + Number(match[2])) * 1000;
}

/** One attachment of a message: a photo (opens large) or a voice message with a player. */
export function AttachmentView({ fileId, body }: { fileId: string; body: string }) {
  const { t } = useTranslation('languagemate');
  const file = useFileUrl(fileId);
  const [open, setOpen] = useState(false);
  const [durationMs, setDurationMs] = useState<number>();
  if (file.isPending)
    return (
      <span className="flex h-24 w-40 items-center justify-center rounded-lg bg-surface-muted text-fg-muted">
        <Spinner className="size-5" />
        <span className="sr-only">{t('chat.media.loading')}</span>
      </span>
    );
  if (file.isError) return <span className="text-sm text-fg-muted">{t('chat.media.unavailable')}</span>;
  const { url, type } = file.data;
  if (type.startsWith('image/'))
    return (
      <>
        <button
          type="button"
          onClick={() => setOpen(true)}
          className="block overflow-hidden rounded-lg focus-visible:outline-2 focus-visible:outline-ring"
        >
          <img src={url} alt={t('chat.media.photo')} className="max-h-64 max-w-full object-cover" />
          <span className="sr-only">{t('chat.media.enlarge')}</span>
        </button>
        <Dialog open={open} onClose={() => setOpen(false)} title={t('chat.media.photo')}>
          <img src={url} alt={t('chat.media.photo')} className="max-h-[75dvh] w-full object-contain" />
        </Dialog>
      </>
    );
  if (type.startsWith('audio/') || type === 'video/webm') {
    const length = durationMs ?? bodyDuration(body);
    return (
      <span className="flex flex-col gap-1">
        {/* biome-ignore lint/a11y/useMediaCaption: a learner's voice message has no captions to offer */}
        <audio
          controls
          preload="metadata"
          src={url}
          aria-label={t('chat.media.voice')}
          className="h-10 w-64 max-w-full"
          onLoadedMetadata={(e) => {
            const seconds = e.currentTarget.duration;
            if (Number.isFinite(seconds)) setDurationMs(seconds * 1000);
          }}
        />
        {length !== undefined && (
          <span className="text-xs opacity-80">{t('chat.media.voiceLength', { length: clock(length) })}</span>
        )}
      </span>
    );
  }
  return <span className="text-sm">{t('chat.media.file')}</span>;
}
