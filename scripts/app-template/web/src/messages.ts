/** starterapp's texts: the i18next namespace `starterapp` (`useTranslation('starterapp')`). */
export const messages = {
  en: {
    home: {
      emptyTitle: 'This is where starterapp will be',
      lead: 'These features are being built.',
      role: 'Your role here: {{role}}',
      roles: { admin: 'Administrator', member: 'Member' },
    },
  },
  ko: {
    home: {
      emptyTitle: '이곳에 starterapp이 들어섭니다',
      lead: '지금 만드는 중입니다.',
      role: '이 앱에서 내 역할: {{role}}',
      roles: { admin: '관리자', member: '회원' },
    },
  },
};
