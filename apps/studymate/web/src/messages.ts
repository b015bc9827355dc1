/** studymate's texts: the i18next namespace `studymate` (`useTranslation('studymate')`). */
export const messages = {
  en: {
    home: {
      emptyTitle: 'Your study material will be here',
      lead: 'Documents you upload, their summaries, quizzes and your review schedule will appear here. These features are being built.',
      role: 'Your role here: {{role}}',
      roles: { admin: 'Administrator', member: 'Member' },
    },
  },
  ko: {
    home: {
      emptyTitle: '여기에 학습 자료가 표시됩니다',
      lead: '올린 문서와 요약, 퀴즈, 복습 일정이 여기에 표시됩니다. 지금 만드는 중입니다.',
      role: '이 앱에서 내 역할: {{role}}',
      roles: { admin: '관리자', member: '회원' },
    },
  },
};
