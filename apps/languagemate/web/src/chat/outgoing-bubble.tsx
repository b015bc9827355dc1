import { Button } from '@app/ui';
import { useTranslation } from 'react-i18next';
import { isMediaBody } from './attachment-view.js';
import { safetyVerdict, useChatErrorText } from './chat-errors.js';
import type { OutgoingMessage } from './message-list.js';

/**
 * A message of the user's that is not stored yet: sending, waiting for the connection, or refused,
 * with what can be done about it (retry; for a safety warning, send anyway; remove).
 */
export function OutgoingBubble({
  message,
  online,
  onRetry,
  onDiscard,
}: {
  message: OutgoingMessage;
  online: boolean;
  onRetry: (acknowledge?: string[]) => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation('languagemate');
  const errorText = useChatErrorText();
  const verdict = message.status === 'failed' ? safetyVerdict(message.error) : undefined;
  const reasons = verdict?.reasons.map((r) => t(`chat.safety.reasons.${r}`)) ?? [];
  return (
    <li className="flex flex-col items-end gap-1" data-testid="outgoing-message">
      <div
        className={
          message.status === 'failed'
            ? 'max-w-[85%] rounded-2xl rounded-br-sm border border-danger bg-surface px-3 py-2'
            : 'max-w-[85%] rounded-2xl rounded-br-sm bg-accent px-3 py-2 text-white opacity-70'
        }
      >
        <p className="whitespace-pre-wrap break-words">
          {message.attachments.length > 0 && isMediaBody(message.body)
            ? t('chat.media.sendingMedia')
            : message.body}
        </p>
      </div>
      {message.status === 'sending' ? (
        <p className="text-xs text-fg-muted" role="status">
          {online ? t('chat.sending') : t('chat.waitingForConnection')}
        </p>
      ) : verdict?.kind === 'warning' ? (
        <div
          role="alert"
          className="max-w-[85%] rounded-lg border border-warning bg-warning-soft p-3 text-sm text-warning"
        >
          <p className="font-semibold">{t('chat.safety.warningTitle')}</p>
          <p>{reasons.length > 0 ? reasons.join(' ') : verdict.message}</p>
          <p className="mt-1">{t('chat.safety.warningQuestion')}</p>
          <div className="mt-2 flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={onDiscard}>
              {t('chat.safety.dontSend')}
            </Button>
            <Button onClick={() => onRetry(verdict.warnings)}>{t('chat.safety.sendAnyway')}</Button>
          </div>
        </div>
      ) : verdict?.kind === 'hold' ? (
        <div
          role="alert"
          className="max-w-[85%] rounded-lg border border-danger bg-danger-soft p-3 text-sm text-danger"
        >
          <p className="font-semibold">{t('chat.safety.heldTitle')}</p>
          <p>{reasons.length > 0 ? reasons.join(' ') : verdict.message}</p>
          <p className="mt-1">{t('chat.safety.heldHint')}</p>
          <div className="mt-2 flex justify-end">
            <Button variant="secondary" onClick={onDiscard}>
              {t('chat.remove')}
            </Button>
          </div>
        </div>
      ) : (
        <div
          role="alert"
          className="flex max-w-[85%] flex-wrap items-center justify-end gap-2 text-sm text-danger"
        >
          <span>{t('chat.notSent', { reason: errorText(message.error) })}</span>
          <Button variant="secondary" onClick={() => onRetry()}>
            {t('chat.retry')}
          </Button>
          <Button variant="ghost" onClick={onDiscard}>
            {t('chat.remove')}
          </Button>
        </div>
      )}
    </li>
  );
}
