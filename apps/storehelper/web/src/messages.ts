/** storehelper's texts: the i18next namespace `storehelper` (`useTranslation('storehelper')`). */
export const messages = {
  en: {
    home: {
      emptyTitle: 'Your shop reviews will be here',
      lead: 'Connect your shop to see new reviews, their sentiment and reply drafts waiting for approval here. These features are being built.',
      role: 'Your role here: {{role}}',
      roles: { admin: 'Administrator', member: 'Member' },
    },
  },
  ko: {
    home: {
      emptyTitle: '여기에 가게 리뷰가 표시됩니다',
      lead: '가게를 연결하면 새 리뷰와 감정 분석, 승인을 기다리는 답글 초안이 여기에 표시됩니다. 지금 만드는 중입니다.',
      role: '이 앱에서 내 역할: {{role}}',
      roles: { admin: '관리자', member: '회원' },
    },
  },
};
