import type { ChatMessage } from '@app/contracts';
import type { Language, PublicProfile } from '@app/languagemate-contracts';
import { Button, ErrorState, LoadingState, Notice, Spinner, useFormat } from '@app/ui';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChatErrorText } from './chat-errors.js';
import { Composer } from './composer.js';
import { ConversationHeader } from './conversation-header.js';
import { CorrectionDialog } from './correction-dialog.js';
import { MessageBubble } from './message-bubble.js';
import { conversationRows } from './message-list.js';
import { OutgoingBubble } from './outgoing-bubble.js';
import { SearchPanel } from './search-panel.js';
import { useConversation } from './use-conversation.js';

/** How close to the bottom (px) still counts as "reading the newest": new messages scroll into view. */
const NEAR_BOTTOM = 120;

/**
 * The conversation itself: the history (older pages load when scrolled to the top), live
 * messages, the unread line, typing, the offline banner, search, corrections and the composer.
 */
export function Conversation({
  roomId,
  me,
  partner,
  readSeq,
  translation,
  onReport,
  onBlock,
}: {
  roomId: string;
  me: string;
  partner: PublicProfile;
  /** The user's read position when the page opened (the unread line goes after it). */
  readSeq: number;
  translation: { available: boolean; to: Language };
  /** Report the partner, with one of their messages as evidence or none. */
  onReport: (message: ChatMessage | undefined) => void;
  onBlock: () => void;
}) {
  const { t } = useTranslation('languagemate');
  const errorText = useChatErrorText();
  const format = useFormat();
  const chat = useConversation(roomId, partner.userId);
  const [selected, setSelected] = useState<number>();
  const [correcting, setCorrecting] = useState<ChatMessage>();
  const [jumpError, setJumpError] = useState<string>();
  const [searching, setSearching] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const keepFromBottom = useRef<number | undefined>(undefined);
  const positioned = useRef(false);

  const dayFormat = useMemo(
    () => new Intl.DateTimeFormat(format.locale, { dateStyle: 'full' }),
    [format.locale],
  );
  const timeFormat = useMemo(
    () => new Intl.DateTimeFormat(format.locale, { timeStyle: 'short' }),
    [format.locale],
  );
  const rows = conversationRows(chat.list, {
    me,
    readSeq,
    partnerReadSeq: chat.partnerReadSeq,
    dayOf: (iso) => dayFormat.format(new Date(iso)),
  });
  const correctionsOf = useMemo(() => {
    const map = new Map<string, typeof chat.corrections>();
    for (const c of chat.corrections) map.set(c.messageId, [...(map.get(c.messageId) ?? []), c]);
    return map;
  }, [chat.corrections]);

  // Keep the view where the user is: at the unread line (or the bottom) on open, at the bottom
  // when new messages arrive while reading the newest, and still after older pages are added above.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after every change of the rows
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    if (keepFromBottom.current !== undefined) {
      list.scrollTop = list.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = undefined;
      return;
    }
    if (!positioned.current && chat.list.olderCursor !== undefined) {
      positioned.current = true;
      const unread = list.querySelector<HTMLElement>('[data-unread]');
      // Scrolls the list only (scrollIntoView would scroll the page too).
      list.scrollTop = unread ? unread.offsetTop - 8 : list.scrollHeight;
      return;
    }
    if (nearBottom.current) list.scrollTop = list.scrollHeight;
  }, [rows.length, chat.partnerTyping, chat.corrections.length]);

  // Older pages load when the top of the history comes into view.
  useEffect(() => {
    const top = topRef.current;
    const list = listRef.current;
    if (!top || !list) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting) || !positioned.current) return;
        if (!chat.list.olderCursor || chat.loadingOlder) return;
        keepFromBottom.current = list.scrollHeight - list.scrollTop;
        void chat.loadOlder().catch(() => {
          keepFromBottom.current = undefined;
        });
      },
      { root: list, rootMargin: '200px 0px 0px 0px' },
    );
    observer.observe(top);
    return () => observer.disconnect();
  }, [chat.list.olderCursor, chat.loadingOlder, chat.loadOlder]);

  /** Shows a message found by search, loading older pages until it is there. */
  const jumpTo = async (seq: number) => {
    setJumpError(undefined);
    try {
      for (let i = 0; i < 50; i++) {
        const oldest = chat.list.messages[0]?.seq;
        if (oldest !== undefined && oldest <= seq) break;
        if (!chat.list.olderCursor) break;
        await chat.loadOlder();
      }
    } catch (error) {
      setJumpError(errorText(error));
      return;
    }
    requestAnimationFrame(() => {
      const list = listRef.current;
      const item = list?.querySelector<HTMLElement>(`[data-seq="${seq}"]`);
      if (!list || !item) return;
      list.scrollTop = item.offsetTop - list.clientHeight / 3;
      item.querySelector('button')?.focus({ preventScroll: true });
      setSelected(seq);
    });
  };

  const online = chat.connection === 'open';
  return (
    <>
      <ConversationHeader
        partner={partner}
        online={chat.partnerOnline}
        onSearch={() => setSearching((open) => !open)}
        onReport={() => onReport(undefined)}
        onBlock={onBlock}
      />
      <div className="flex min-h-0 flex-1 flex-col">
        {searching && (
          <SearchPanel
            roomId={roomId}
            names={(id) => (id === me ? t('chat.you') : partner.displayName)}
            onJump={(seq) => void jumpTo(seq)}
            onClose={() => setSearching(false)}
          />
        )}
        {!online && (
          <div
            className="border-b border-warning bg-warning-soft px-3 py-2 text-sm text-warning"
            role="status"
          >
            {t('chat.offlineBanner')}
          </div>
        )}
        {jumpError && <Notice tone="danger">{jumpError}</Notice>}
        <div
          ref={listRef}
          className="relative min-h-0 flex-1 overflow-y-auto px-3 py-2"
          onScroll={(e) => {
            const el = e.currentTarget;
            nearBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM;
          }}
        >
          <div ref={topRef} />
          {chat.loadError !== undefined && chat.list.olderCursor === undefined ? (
            <ErrorState message={errorText(chat.loadError)} onRetry={() => void chat.reload()} />
          ) : chat.list.olderCursor === undefined ? (
            <LoadingState />
          ) : (
            <>
              {chat.loadingOlder && (
                <p className="flex justify-center py-2 text-fg-muted">
                  <Spinner className="size-5" />
                  <span className="sr-only">{t('chat.loadingOlder')}</span>
                </p>
              )}
              {chat.list.olderCursor === null && (
                <p className="py-3 text-center text-xs text-fg-muted">
                  {t('chat.start', { name: partner.displayName })}
                </p>
              )}
              {rows.length === 0 && (
                <div className="py-10 text-center">
                  <p className="font-semibold">{t('chat.emptyTitle')}</p>
                  <p className="text-sm text-fg-muted">
                    {t('chat.emptyLead', { name: partner.displayName })}
                  </p>
                </div>
              )}
              <ol className="flex flex-col gap-2" aria-label={t('chat.history')} data-testid="chat-messages">
                {rows.map((row) => {
                  switch (row.kind) {
                    case 'day':
                      return (
                        <li key={row.key} className="py-2 text-center text-xs text-fg-muted">
                          {row.day}
                        </li>
                      );
                    case 'unread':
                      return (
                        <li
                          key={row.key}
                          data-unread
                          className="flex items-center gap-2 py-1 text-xs font-semibold text-accent"
                        >
                          <span className="h-px flex-1 bg-accent" />
                          {t('chat.unread')}
                          <span className="h-px flex-1 bg-accent" />
                        </li>
                      );
                    case 'outgoing':
                      return (
                        <OutgoingBubble
                          key={row.key}
                          message={row.message}
                          online={online}
                          onRetry={(acknowledge) => chat.retry(row.message.clientId, acknowledge)}
                          onDiscard={() => chat.discard(row.message.clientId)}
                        />
                      );
                    case 'message':
                      return (
                        <MessageBubble
                          key={row.key}
                          message={row.message}
                          mine={row.mine}
                          readByPartner={row.readByPartner}
                          corrections={correctionsOf.get(row.message.id) ?? []}
                          selected={selected === row.message.seq}
                          onSelect={() =>
                            setSelected((s) => (s === row.message.seq ? undefined : row.message.seq))
                          }
                          time={timeFormat.format(new Date(row.message.createdAt))}
                          translation={translation}
                          actions={{ onCorrect: setCorrecting, onReport, onChange: chat.change }}
                        />
                      );
                  }
                  return null;
                })}
              </ol>
            </>
          )}
          <p aria-live="polite" className="h-6 px-1 text-xs text-fg-muted" data-testid="typing">
            {chat.partnerTyping ? t('chat.typing', { name: partner.displayName }) : ''}
          </p>
        </div>
        <Composer
          onSend={(body, attachments) => {
            nearBottom.current = true;
            chat.send(body, attachments);
          }}
          onTyping={chat.typing}
        />
        {correcting && (
          <CorrectionDialog
            message={correcting}
            onClose={() => setCorrecting(undefined)}
            onCorrected={chat.addCorrection}
          />
        )}
        {chat.loadError !== undefined && chat.list.olderCursor !== undefined && (
          <div className="p-2">
            <Button variant="secondary" onClick={() => void chat.reload()}>
              {t('chat.reload')}
            </Button>
          </div>
        )}
      </div>
    </>
  );
}
