/** languagemate's texts: the i18next namespace `languagemate` (`useTranslation('languagemate')`). */
export const messages = {
  en: {
    home: {
      emptyTitle: 'Your language partners will be here',
      lead: 'After the level test you will find matched partners, your conversations and your progress here. These features are being built.',
      role: 'Your role here: {{role}}',
      roles: { admin: 'Administrator', member: 'Member' },
    },
  },
  ko: {
    home: {
      emptyTitle: '여기에 언어 파트너가 표시됩니다',
      lead: '레벨 테스트를 마치면 매칭된 파트너, 대화와 학습 진도가 여기에 표시됩니다. 지금 만드는 중입니다.',
      role: '이 앱에서 내 역할: {{role}}',
      roles: { admin: '관리자', member: '회원' },
    },
  },
};
