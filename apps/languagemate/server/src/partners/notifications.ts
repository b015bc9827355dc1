import { type NotificationType, notificationType } from '@app/platform';

/** What people are told about partner requests (Korean and English). */
export const partnerNotifications: Record<'requested' | 'accepted', NotificationType> = {
  requested: notificationType(
    'languagemate.partner.requested',
    {
      ko: { title: '{name}님이 언어 파트너를 신청했어요', body: '프로필을 보고 수락하거나 거절하세요.' },
      en: {
        title: '{name} would like to be your language partner',
        body: 'See their profile and accept or decline.',
      },
    },
    { app: 'languagemate', link: () => '/languagemate/#/requests' },
  ),
  accepted: notificationType(
    'languagemate.partner.accepted',
    {
      ko: { title: '{name}님이 파트너 신청을 수락했어요', body: '첫 메시지를 보내 보세요.' },
      en: { title: '{name} accepted your partner request', body: 'Say hello!' },
    },
    { app: 'languagemate', link: (data) => `/languagemate/#/chat/${String(data.roomId)}` },
  ),
};
