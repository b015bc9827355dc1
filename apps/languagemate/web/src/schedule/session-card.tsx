import type { PracticeSession } from '@app/languagemate-contracts';
import { Badge } from '@app/ui';
import type { ReactNode } from 'react';
import { useT } from '../shared/i18n.js';
import { useZonedFormat } from '../shared/when.js';

/** My zone and the other person's, from a session (it carries both). */
export function zonesOf(session: PracticeSession, me: string): { mine: string; theirs: string } {
  return session.proposerId === me
    ? { mine: session.proposerTimeZone, theirs: session.partnerTimeZone }
    : { mine: session.partnerTimeZone, theirs: session.proposerTimeZone };
}

/** A session: with whom, when in both people's local times, its state; actions as children. */
export function SessionCard({
  session,
  me,
  children,
}: {
  session: PracticeSession;
  me: string;
  children?: ReactNode;
}) {
  const { t } = useT();
  const format = useZonedFormat();
  const zones = zonesOf(session, me);
  const end = new Date(new Date(session.startsAt).getTime() + session.durationMin * 60_000);
  const mine = `${format.dateTime(session.startsAt, zones.mine)}–${format.time(end, zones.mine)}`;
  const theirs = `${format.dateTime(session.startsAt, zones.theirs)}–${format.time(end, zones.theirs)}`;
  const waiting = session.state === 'proposed' && session.proposerId === me;
  const noShow = session.noShowUserId
    ? session.noShowUserId === me
      ? t('sessions.noShowMe')
      : t('sessions.noShowThem', { name: session.otherName })
    : null;
  return (
    <article className="flex flex-col gap-2 rounded-xl border border-border bg-surface p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">{t('sessions.with', { name: session.otherName })}</h3>
        <Badge
          tone={
            session.state === 'accepted' ? 'success' : session.state === 'proposed' ? 'neutral' : 'danger'
          }
        >
          {waiting ? t('sessions.waiting') : t(`sessions.state.${session.state}`)}
        </Badge>
      </div>
      <p className="text-sm text-fg-muted">
        {t(`sessions.kind.${session.kind}`)} · {t('sessions.minutes', { count: session.durationMin })}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm tabular-nums">
        <dt className="text-fg-muted">{t('sessions.myTime')}</dt>
        <dd>
          {mine} <span className="text-fg-muted">({format.zone(zones.mine)})</span>
        </dd>
        {zones.mine !== zones.theirs && (
          <>
            <dt className="text-fg-muted">{t('sessions.theirTime', { name: session.otherName })}</dt>
            <dd>
              {theirs} <span className="text-fg-muted">({format.zone(zones.theirs)})</span>
            </dd>
          </>
        )}
      </dl>
      {session.note && <p className="text-sm">“{session.note}”</p>}
      {noShow && <p className="text-sm font-medium text-danger">{noShow}</p>}
      {children && <div className="flex flex-wrap gap-2 pt-1">{children}</div>}
    </article>
  );
}
