import { defineManifest } from '@app/contracts';

/** What the portal and the web shell show of storehelper. */
export const storehelperManifest = defineManifest({
  name: 'storehelper',
  title: { ko: '우리가게 도우미', en: 'StoreHelper' },
  tagline: { ko: '우리 가게 리뷰와 답글 관리', en: 'Reviews and replies for your shop' },
  description: {
    ko: '리뷰 수집, 감정과 키워드 분석, AI 답글 초안 승인, 알림과 리포트.',
    en: 'Collect reviews, see sentiment and keywords, approve AI reply drafts, get alerts and reports.',
  },
  accent: '#c2410c',
  icon: '우',
  // Keys need the Enterprise plan (server/src/api-keys.ts).
  apiKeyScopes: [
    {
      scope: 'storehelper:read',
      label: {
        ko: '우리가게 도우미: 매장, 리뷰, 분석 읽기 (엔터프라이즈)',
        en: 'StoreHelper: read stores, reviews and analytics (Enterprise)',
      },
    },
    {
      scope: 'storehelper:reply',
      label: {
        ko: '우리가게 도우미: 답글 초안 작성과 승인 (엔터프라이즈)',
        en: 'StoreHelper: draft and approve replies (Enterprise)',
      },
    },
  ],
});
