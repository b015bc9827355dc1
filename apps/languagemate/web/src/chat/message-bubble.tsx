import { ApiError, call } from '@app/client';
import type { ChatMessage } from '@app/contracts';
import type { Correction, Language, LanguagematePaths } from '@app/languagemate-contracts';
import { Button, InlineDiff, useApi } from '@app/ui';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentView, isMediaBody } from './attachment-view.js';
import { useChatErrorText } from './chat-errors.js';

/** Class names, the falsy ones left out. */
function clsx(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

const actionClass =
  'min-h-11 rounded-lg border border-border bg-surface px-3 text-sm font-semibold text-fg hover:bg-surface-muted';

/** What the bubble can ask of the page. */
export interface BubbleActions {
  onCorrect: (message: ChatMessage) => void;
  onReport: (message: ChatMessage) => void;
  onChange: (message: ChatMessage, body: string | null) => Promise<void>;
}

/**
 * One stored message: its text and media, the time, "edited", "read" on the user's last read
 * message, the corrections made to it (as an inline diff), and, once selected, what can be done
 * with it: correct, translate or report a partner's message; edit or delete one's own.
 */
export function MessageBubble({
  message,
  mine,
  readByPartner,
  corrections,
  selected,
  onSelect,
  time,
  translation,
  actions,
}: {
  message: ChatMessage;
  mine: boolean;
  readByPartner: boolean;
  corrections: Correction[];
  selected: boolean;
  onSelect: () => void;
  time: string;
  translation: { available: boolean; to: Language };
  actions: BubbleActions;
}) {
  const { t } = useTranslation('languagemate');
  const errorText = useChatErrorText();
  const api = useApi<LanguagematePaths>();
  const [editing, setEditing] = useState<string>();
  const [changeError, setChangeError] = useState<string>();
  const [working, setWorking] = useState(false);
  const [translated, setTranslated] = useState<{ text?: string; error?: string; busy?: boolean }>();
  const deleted = message.deletedAt !== null;
  const showBody = !(message.attachments.length > 0 && isMediaBody(message.body));

  const change = async (body: string | null) => {
    setWorking(true);
    setChangeError(undefined);
    try {
      await actions.onChange(message, body);
      setEditing(undefined);
    } catch (error) {
      setChangeError(errorText(error));
    } finally {
      setWorking(false);
    }
  };

  const translate = async () => {
    if (!translation.available) {
      setTranslated({ error: t('chat.translate.unavailable') });
      return;
    }
    setTranslated({ busy: true });
    try {
      const answer = await call(
        api.POST('/api/v1/languagemate/rooms/{roomId}/translate', {
          params: { path: { roomId: message.roomId } },
          body: { messageId: message.id, to: translation.to },
        }),
      );
      setTranslated({ text: answer.text });
    } catch (error) {
      setTranslated({
        error:
          error instanceof ApiError && error.code === 'SERVICE_UNAVAILABLE'
            ? t('chat.translate.unavailable')
            : errorText(error),
      });
    }
  };

  const onEditKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setEditing(undefined);
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (editing?.trim()) void change(editing.trim());
    }
  };

  return (
    <li
      className={clsx('flex flex-col gap-1', mine ? 'items-end' : 'items-start')}
      data-testid="message"
      data-seq={message.seq}
    >
      {editing !== undefined ? (
        <div className="flex w-full max-w-[85%] flex-col gap-2">
          <label className="sr-only" htmlFor={`edit-${message.id}`}>
            {t('chat.editLabel')}
          </label>
          <textarea
            id={`edit-${message.id}`}
            value={editing}
            rows={3}
            // biome-ignore lint/a11y/noAutofocus: the user just chose to edit this message
            autoFocus
            onChange={(e) => setEditing(e.target.value)}
            onKeyDown={onEditKey}
            className="rounded-lg border border-border bg-surface px-3 py-2"
          />
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => setEditing(undefined)}>
              {t('chat.cancel')}
            </Button>
            <Button loading={working} disabled={!editing.trim()} onClick={() => void change(editing.trim())}>
              {t('chat.saveEdit')}
            </Button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          onClick={onSelect}
          aria-expanded={selected}
          disabled={deleted}
          className={clsx(
            'max-w-[85%] rounded-2xl px-3 py-2 text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
            mine ? 'rounded-br-sm bg-accent text-white' : 'rounded-bl-sm bg-surface-muted text-fg',
            selected && 'ring-2 ring-ring ring-offset-2 ring-offset-bg',
            deleted && 'italic opacity-70',
          )}
        >
          <span className="sr-only">{mine ? t('chat.you') : t('chat.partner')}: </span>
          {deleted ? (
            t('chat.deleted')
          ) : (
            <span className="flex flex-col gap-2">
              {message.attachments.map((id) => (
                <AttachmentView key={id} fileId={id} body={message.body} />
              ))}
              {showBody && <span className="whitespace-pre-wrap break-words">{message.body}</span>}
            </span>
          )}
        </button>
      )}
      <p className="flex gap-2 px-1 text-xs text-fg-muted">
        <time dateTime={message.createdAt}>{time}</time>
        {message.editedAt && !deleted && <span>{t('chat.edited')}</span>}
        {mine && readByPartner && <span className="font-semibold text-accent">{t('chat.read')}</span>}
      </p>
      {changeError && (
        <p role="alert" className="max-w-[85%] text-sm text-danger">
          {changeError}
        </p>
      )}
      {translated && (
        <p
          role="status"
          className="max-w-[85%] rounded-lg border border-border bg-surface px-3 py-2 text-sm"
          data-testid="translation"
        >
          {translated.busy ? t('chat.translate.working') : (translated.text ?? translated.error)}
        </p>
      )}
      {corrections.map((c) => (
        <div
          key={c.id}
          className="max-w-[85%] rounded-lg border border-success bg-surface px-3 py-2 text-sm"
          data-testid="correction"
        >
          <p className="text-xs font-semibold text-success">{t('chat.correction.title')}</p>
          <InlineDiff original={c.original} corrected={c.corrected} />
          {c.note && <p className="mt-1 text-fg-muted">{c.note}</p>}
        </div>
      ))}
      {selected && !deleted && editing === undefined && (
        <div className="flex flex-wrap gap-2">
          {mine ? (
            <>
              {showBody && (
                <button type="button" className={actionClass} onClick={() => setEditing(message.body)}>
                  {t('chat.edit')}
                </button>
              )}
              <button
                type="button"
                className={clsx(actionClass, 'text-danger')}
                disabled={working}
                onClick={() => {
                  if (window.confirm(t('chat.confirmDelete'))) void change(null);
                }}
              >
                {t('chat.delete')}
              </button>
            </>
          ) : (
            <>
              {showBody && (
                <button type="button" className={actionClass} onClick={() => actions.onCorrect(message)}>
                  {t('chat.correct')}
                </button>
              )}
              {showBody && (
                <button
                  type="button"
                  className={actionClass}
                  aria-busy={translated?.busy}
                  onClick={() => void translate()}
                >
                  {t('chat.translate.button')}
                </button>
              )}
              <button type="button" className={actionClass} onClick={() => actions.onReport(message)}>
                {t('chat.report')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
