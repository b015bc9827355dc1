import { type NotificationType, notificationType } from '@app/platform';

/** What a person is told when a report about them ends in a warning or a suspension. */
export const reportNotifications: Record<'warned' | 'suspended', NotificationType> = {
  warned: notificationType(
    'languagemate.safety.warned',
    {
      ko: {
        title: '커뮤니티 규칙 위반 경고',
        body: '신고가 검토되어 경고가 기록되었습니다. 연락처 공유, 권유, 모욕은 허용되지 않습니다.',
      },
      en: {
        title: 'A warning about the community rules',
        body: 'A report about you was reviewed and a warning recorded. Sharing contact details early, solicitation and insults are not allowed.',
      },
    },
    { app: 'languagemate', link: () => '/languagemate/' },
  ),
  suspended: notificationType(
    'languagemate.safety.suspended',
    {
      ko: {
        title: '계정이 일시 정지되었습니다',
        body: '신고 검토 결과 메시지, 파트너 신청, 통화가 정지되었습니다 (종료: {until}).',
      },
      en: {
        title: 'Your account is suspended',
        body: 'After a report was reviewed, messaging, partner requests and calls are suspended (until {until}).',
      },
    },
    { app: 'languagemate', link: () => '/languagemate/' },
  ),
};
