import { call } from '@app/client';
import type { ChatMessage } from '@app/contracts';
import type { Language, LanguagematePaths } from '@app/languagemate-contracts';
import { EmptyState, ErrorState, LoadingState, useApi, useSession, useTitle, useToast } from '@app/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useChatErrorText } from './chat-errors.js';
import { Conversation } from './conversation.js';
import { BlockDialog, ReportDialog } from './report-dialog.js';

/**
 * `chat/:roomId`: the conversation with one partner. The partner comes from `GET /partners` (a
 * room that is no longer a partnership, e.g. after a block, shows as closed); the unread line
 * from the room's read position when the page opened.
 */
export function ChatPage() {
  const { roomId = '' } = useParams();
  const { t, i18n } = useTranslation('languagemate');
  const api = useApi<LanguagematePaths>();
  const { user } = useSession();
  const errorText = useChatErrorText();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [reporting, setReporting] = useState<{ message?: ChatMessage }>();
  const [blocking, setBlocking] = useState(false);

  const partners = useQuery({
    queryKey: ['languagemate', 'partners'],
    queryFn: () => call(api.GET('/api/v1/languagemate/partners')),
  });
  const overview = useQuery({
    queryKey: ['languagemate', 'overview'],
    queryFn: () => call(api.GET('/api/v1/languagemate/overview')),
  });
  // The read position as the page opened: fetched once, not refreshed while reading.
  const room = useQuery({
    queryKey: ['languagemate', 'chat-room-opened', roomId],
    queryFn: async () => {
      const rooms = await call(
        api.GET('/api/v1/chat/rooms', { params: { query: { app: 'languagemate', limit: 100 } } }),
      );
      return rooms.items.find((r) => r.id === roomId) ?? null;
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const partner = partners.data?.items.find((p) => p.roomId === roomId);
  useTitle(partner ? t('chat.pageTitle', { name: partner.profile.displayName }) : t('chat.title'));

  if (partners.isError)
    return <ErrorState message={errorText(partners.error)} onRetry={() => void partners.refetch()} />;
  if (partners.isPending || room.isPending || !user) return <LoadingState />;
  if (!partner)
    return (
      <EmptyState
        title={t('chat.closedTitle')}
        action={
          <Link to="/" className="font-semibold text-accent underline">
            {t('chat.backHome')}
          </Link>
        }
      >
        <p>{t('chat.closedLead')}</p>
      </EmptyState>
    );

  const closeAfterBlock = async () => {
    setReporting(undefined);
    setBlocking(false);
    toast(t('chat.blocked', { name: partner.profile.displayName }));
    await queryClient.invalidateQueries({ queryKey: ['languagemate'] });
    navigate('/', { replace: true });
  };

  const uiLanguage: Language = i18n.language.startsWith('en') ? 'en' : 'ko';
  return (
    <section
      aria-label={t('chat.pageTitle', { name: partner.profile.displayName })}
      className="-mx-4 -my-6 flex h-[calc(100dvh-3.75rem)] flex-col overflow-hidden bg-bg sm:mx-0 sm:-my-6 sm:h-[calc(100dvh-6.5rem)] sm:rounded-xl sm:border sm:border-border"
    >
      <Conversation
        roomId={roomId}
        me={user.id}
        partner={partner.profile}
        readSeq={room.data?.lastReadSeq ?? 0}
        translation={{ available: overview.data?.translation.available ?? true, to: uiLanguage }}
        onReport={(message) => setReporting(message ? { message } : {})}
        onBlock={() => setBlocking(true)}
      />
      {reporting && (
        <ReportDialog
          partner={partner.profile}
          message={reporting.message}
          onClose={() => setReporting(undefined)}
          onDone={(blocked) => {
            if (blocked) void closeAfterBlock();
            else {
              setReporting(undefined);
              toast(t('chat.reported'));
            }
          }}
        />
      )}
      {blocking && (
        <BlockDialog
          partner={partner.profile}
          onClose={() => setBlocking(false)}
          onDone={() => void closeAfterBlock()}
        />
      )}
    </section>
  );
}
