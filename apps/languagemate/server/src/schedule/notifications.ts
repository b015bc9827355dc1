import { type NotificationType, notificationType } from '@app/platform';

const link = () => '/languagemate/schedule';

/** What partners are told about practice sessions (Korean and English; `{when}` is in their zone). */
export const sessionNotifications: Record<
  'proposed' | 'accepted' | 'declined' | 'cancelled' | 'reminder24h' | 'reminder10m',
  NotificationType
> = {
  proposed: notificationType(
    'languagemate.session.proposed',
    {
      ko: {
        title: '{name}님이 연습 세션을 제안했어요',
        body: '{when} ({minutes}분). 수락하거나 거절하세요.',
      },
      en: { title: '{name} proposed a practice session', body: '{when} ({minutes} min). Accept or decline.' },
    },
    { app: 'languagemate', link },
  ),
  accepted: notificationType(
    'languagemate.session.accepted',
    {
      ko: { title: '{name}님이 세션을 수락했어요', body: '{when}에 만나요.' },
      en: { title: '{name} accepted the session', body: 'See you at {when}.' },
    },
    { app: 'languagemate', link },
  ),
  declined: notificationType(
    'languagemate.session.declined',
    {
      ko: {
        title: '{name}님이 세션을 거절했어요',
        body: '{when} 세션은 열리지 않습니다. 다른 시간을 제안해 보세요.',
      },
      en: {
        title: '{name} declined the session',
        body: 'The session at {when} will not happen. Try another time.',
      },
    },
    { app: 'languagemate', link },
  ),
  cancelled: notificationType(
    'languagemate.session.cancelled',
    {
      ko: { title: '{name}님이 세션을 취소했어요', body: '{when} 세션이 취소되었습니다.' },
      en: { title: '{name} cancelled the session', body: 'The session at {when} was cancelled.' },
    },
    { app: 'languagemate', link },
  ),
  reminder24h: notificationType(
    'languagemate.session.reminder',
    {
      ko: { title: '내일 {name}님과 연습 세션', body: '{when}에 시작합니다.' },
      en: { title: 'Practice with {name} tomorrow', body: 'Starts at {when}.' },
    },
    { app: 'languagemate', link },
  ),
  reminder10m: notificationType(
    'languagemate.session.starting',
    {
      ko: { title: '10분 후 {name}님과 세션', body: '{when}에 시작합니다. 준비하세요!' },
      en: { title: 'Session with {name} in 10 minutes', body: 'Starts at {when}. Get ready!' },
    },
    { app: 'languagemate', link },
  ),
};
