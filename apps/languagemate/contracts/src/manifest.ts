import { defineManifest } from '@app/contracts';

/** What the portal and the web shell show of languagemate. */
export const languagemateManifest = defineManifest({
  name: 'languagemate',
  title: { ko: '랭귀지메이트', en: 'LanguageMate' },
  tagline: { ko: '파트너와 함께하는 언어 연습', en: 'Practise languages with partners' },
  description: {
    ko: 'AI 레벨 테스트, 파트너 매칭, 1:1 채팅과 통화, 학습 대시보드.',
    en: 'An AI level test, partner matching, 1:1 chat and calls, and a learning dashboard.',
  },
  accent: '#047857',
  icon: 'L',
  // The moderation queue (reports), for app admins.
  adminPath: '/admin/reports',
});
