import { Badge, EmptyState, ErrorState, LoadingState } from '@app/ui';
import { Link } from 'react-router';
import { usePartners } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { LanguageLine, PersonAvatar } from '../shared/person.js';

/** My partners with unread counts; each opens the conversation. */
export function Partners() {
  const { t } = useT();
  const errorText = useErrorText();
  const partners = usePartners();
  if (partners.isPending) return <LoadingState />;
  if (partners.isError)
    return <ErrorState message={errorText(partners.error)} onRetry={() => void partners.refetch()} />;
  if (partners.data.items.length === 0)
    return <EmptyState title={t('partners.emptyTitle')}>{t('partners.emptyBody')}</EmptyState>;
  return (
    <ul className="flex flex-col gap-3">
      {partners.data.items.map((partner) => (
        <li
          key={partner.roomId}
          className="flex flex-col gap-2 rounded-xl border border-border bg-surface p-4"
        >
          <Link
            to={`/chat/${partner.roomId}`}
            className="-m-2 flex items-center gap-3 rounded-lg p-2 hover:bg-surface-muted"
          >
            <PersonAvatar
              name={partner.profile.displayName}
              photoFileId={partner.profile.photoFileId}
              className="size-12"
            />
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <span className="flex items-center gap-2">
                <span className="truncate font-semibold">{partner.profile.displayName}</span>
                {partner.unread > 0 && (
                  <Badge tone="accent">
                    <span aria-hidden="true">{partner.unread}</span>
                    <span className="sr-only">{t('partners.unread', { count: partner.unread })}</span>
                  </Badge>
                )}
              </span>
              <LanguageLine profile={partner.profile} />
            </div>
            <span aria-hidden="true" className="text-fg-muted">
              ›
            </span>
          </Link>
          <Link
            to={`/schedule?partner=${partner.profile.userId}`}
            className="self-start text-sm font-semibold text-accent underline underline-offset-4"
          >
            {t('partners.schedule', { name: partner.profile.displayName })}
          </Link>
        </li>
      ))}
    </ul>
  );
}
