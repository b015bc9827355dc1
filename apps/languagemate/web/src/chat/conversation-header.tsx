import { call } from '@app/client';
import type { LanguagematePaths, PublicProfile } from '@app/languagemate-contracts';
import { Avatar, useApi, useFormat, useToast } from '@app/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useChatErrorText } from './chat-errors.js';
import { useFileUrl } from './files.js';

const iconLook =
  'min-h-11 min-w-11 items-center justify-center rounded-lg text-lg hover:bg-surface-muted disabled:opacity-50';
const iconButton = `inline-flex ${iconLook}`;

/** The current time somewhere, re-rendered every minute. */
function useClockIn(timeZone: string, locale: string): string {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  try {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(now);
  } catch {
    return '';
  }
}

/** The partner's photo (or initials). */
export function PartnerAvatar({ profile, className }: { profile: PublicProfile; className?: string }) {
  const photo = useFileUrl(profile.photoFileId);
  return (
    <Avatar
      name={profile.displayName}
      {...(photo.data ? { src: photo.data.url } : {})}
      {...(className ? { className } : {})}
    />
  );
}

/**
 * The conversation's header: back, the partner (photo, name, online or not, their local time now),
 * video and voice call buttons, search, and a menu with report and block.
 */
export function ConversationHeader({
  partner,
  online,
  onSearch,
  onReport,
  onBlock,
}: {
  partner: PublicProfile;
  online: boolean | undefined;
  onSearch: () => void;
  onReport: () => void;
  onBlock: () => void;
}) {
  const { t } = useTranslation('languagemate');
  const api = useApi<LanguagematePaths>();
  const format = useFormat();
  const toast = useToast();
  const errorText = useChatErrorText();
  const navigate = useNavigate();
  const [calling, setCalling] = useState<'video' | 'voice'>();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const localTime = useClockIn(partner.timeZone, format.locale);

  const startCall = async (mode: 'video' | 'voice') => {
    setCalling(mode);
    try {
      const started = await call(
        api.POST('/api/v1/realtime/calls', { body: { app: 'languagemate', calleeId: partner.userId } }),
      );
      navigate(`/call/${started.id}?mode=${mode}`);
    } catch (error) {
      toast(errorText(error), 'danger');
      setCalling(undefined);
    }
  };

  const closeMenu = () => {
    setMenuOpen(false);
    menuButton.current?.focus();
  };

  return (
    <header className="flex items-center gap-2 border-b border-border bg-surface px-2 py-2">
      <Link to="/" className={iconButton}>
        <span aria-hidden="true">←</span>
        <span className="sr-only">{t('chat.back')}</span>
      </Link>
      <PartnerAvatar profile={partner} className="size-10" />
      <div className="min-w-0 flex-1">
        <h1 className="truncate font-semibold">{partner.displayName}</h1>
        <p className="flex flex-wrap items-center gap-x-2 text-xs text-fg-muted" data-testid="partner-status">
          <span className="inline-flex shrink-0 items-center gap-1">
            <span
              aria-hidden="true"
              className={`size-2 rounded-full ${online ? 'bg-success' : 'bg-fg-muted opacity-50'}`}
            />
            {online === undefined ? '' : online ? t('chat.online') : t('chat.offline')}
          </span>
          {localTime && <span className="whitespace-nowrap">{t('chat.localTime', { time: localTime })}</span>}
        </p>
      </div>
      <button
        type="button"
        className={iconButton}
        disabled={calling !== undefined}
        onClick={() => void startCall('video')}
      >
        <span aria-hidden="true">📹</span>
        <span className="sr-only">{t('chat.videoCall')}</span>
      </button>
      <button
        type="button"
        className={iconButton}
        disabled={calling !== undefined}
        onClick={() => void startCall('voice')}
      >
        <span aria-hidden="true">📞</span>
        <span className="sr-only">{t('chat.voiceCall')}</span>
      </button>
      <button type="button" className={`hidden sm:inline-flex ${iconLook}`} onClick={onSearch}>
        <span aria-hidden="true">🔍</span>
        <span className="sr-only">{t('chat.search.open')}</span>
      </button>
      <div className="relative">
        <button
          ref={menuButton}
          type="button"
          className={iconButton}
          aria-expanded={menuOpen}
          aria-controls={menuId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true">⋯</span>
          <span className="sr-only">{t('chat.more')}</span>
        </button>
        {menuOpen && (
          <ul
            id={menuId}
            className="absolute right-0 z-20 mt-1 flex w-48 flex-col rounded-lg border border-border bg-surface p-1 shadow-lg"
            onKeyDown={(e) => {
              if (e.key === 'Escape') closeMenu();
            }}
          >
            <li className="sm:hidden">
              <button
                type="button"
                className="min-h-11 w-full rounded-lg px-3 text-left text-sm hover:bg-surface-muted"
                onClick={() => {
                  setMenuOpen(false);
                  onSearch();
                }}
              >
                {t('chat.search.open')}
              </button>
            </li>
            <li>
              <button
                type="button"
                className="min-h-11 w-full rounded-lg px-3 text-left text-sm hover:bg-surface-muted"
                onClick={() => {
                  setMenuOpen(false);
                  onReport();
                }}
              >
                {t('chat.report')}
              </button>
            </li>
            <li>
              <button
                type="button"
                className="min-h-11 w-full rounded-lg px-3 text-left text-sm text-danger hover:bg-surface-muted"
                onClick={() => {
                  setMenuOpen(false);
                  onBlock();
                }}
              >
                {t('chat.block')}
              </button>
            </li>
          </ul>
        )}
      </div>
    </header>
  );
}
