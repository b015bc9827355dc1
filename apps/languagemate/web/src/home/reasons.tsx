import type { MatchReason, PublicProfile } from '@app/languagemate-contracts';
import type { ReactNode } from 'react';
import { useT } from '../shared/i18n.js';
import { useLabels } from '../shared/labels.js';
import { weekdayNames, windowRows, zoneName } from '../shared/zones.js';

const SHOWN_WINDOWS = 3;

/**
 * Why someone is suggested, each reason worded in the viewer's language; shared free times are
 * shown in both zones ("화·목 20:00–22:00 한국 시간 = 화·목 12:00–14:00 CET").
 */
export function Reasons({
  reasons,
  profile,
  myZone,
}: {
  reasons: readonly MatchReason[];
  profile: PublicProfile;
  myZone: string;
}) {
  const { t } = useT();
  const labels = useLabels();
  return (
    <ul className="flex flex-col gap-1.5 text-sm">
      {reasons.map((reason) => {
        switch (reason.kind) {
          case 'languages':
            return (
              <Reason key="languages">
                {t('why.languages', {
                  teach: labels.languages(reason.theyTeach),
                  learn: labels.languages(reason.theyLearn),
                })}
              </Reason>
            );
          case 'schedule':
            return (
              <Reason key="schedule">
                <span>{t('why.schedule', { hours: formatHours(reason.hoursPerWeek) })}</span>
                <Windows windows={reason.windows} myZone={myZone} theirZone={profile.timeZone} />
              </Reason>
            );
          case 'interests':
            return (
              <Reason key="interests">
                {t('why.interests', {
                  list: [
                    ...reason.shared.map(labels.interest),
                    ...reason.sharedTags.map((tag) => `#${tag}`),
                  ].join(', '),
                })}
              </Reason>
            );
          case 'level':
            return <Reason key="level">{t(`why.level.${reason.fit}`)}</Reason>;
          case 'modes':
            return (
              <Reason key="modes">
                {t('why.modes', { list: reason.shared.map((mode) => t(`modes.${mode}`)).join(', ') })}
              </Reason>
            );
          case 'reliability':
            return (
              <Reason key="reliability">
                {t('why.reliability', { percent: Math.round(reason.value * 100) })}
              </Reason>
            );
          default:
            return null;
        }
      })}
    </ul>
  );
}

function Reason({ children }: { children: ReactNode }) {
  return (
    <li className="flex gap-2">
      <span aria-hidden="true" className="mt-2 size-1.5 shrink-0 rounded-full bg-accent" />
      <div className="flex min-w-0 flex-col gap-1">{children}</div>
    </li>
  );
}

/** Hours with at most one decimal ("4", "1.5"). */
function formatHours(hours: number): string {
  return String(Math.round(hours * 10) / 10);
}

/** Shared windows as rows "days start–end my zone = days start–end their zone". */
export function Windows({
  windows,
  myZone,
  theirZone,
}: {
  windows: readonly { startUtc: number; endUtc: number }[];
  myZone: string;
  theirZone: string;
}) {
  const { t, i18n } = useT();
  const locale = i18n.language.startsWith('en') ? 'en-GB' : 'ko-KR';
  const days = weekdayNames(locale);
  const rows = windowRows(windows, myZone, theirZone);
  const mine = zoneName(myZone, locale);
  const theirs = zoneName(theirZone, locale);
  const sameZone = mine === theirs;
  const dayList = (list: number[]) => list.map((d) => days[d]).join('·');
  return (
    <ul className="flex flex-col gap-0.5 text-fg-muted">
      {rows.slice(0, SHOWN_WINDOWS).map((row) => (
        <li key={`${row.mine.days.join()}-${row.mine.start}`} className="tabular-nums">
          {dayList(row.mine.days)} {row.mine.start}–{row.mine.end} {mine}
          {!sameZone && (
            <>
              {' = '}
              {dayList(row.theirs.days)} {row.theirs.start}–{row.theirs.end} {theirs}
            </>
          )}
        </li>
      ))}
      {rows.length > SHOWN_WINDOWS && <li>{t('why.moreWindows', { count: rows.length - SHOWN_WINDOWS })}</li>}
    </ul>
  );
}
