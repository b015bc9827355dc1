import { definePlans } from '@app/contracts';

/**
 * storehelper's tiers (seed 003's permission matrix): stores per account, review replies, basic or
 * advanced analytics, billing for paid tiers, and settings/API keys for Enterprise.
 */
export const storehelperPlans = definePlans({
  plans: [
    {
      code: 'free',
      free: true,
      name: { ko: '무료', en: 'Free' },
      description: { ko: '매장 1곳의 리뷰를 모아 보기', en: 'Collect and read the reviews of one store' },
      prices: { month: { krw: 0, usd: 0 }, year: { krw: 0, usd: 0 } },
      limits: { stores: 1 },
      features: [],
      monthlyCredits: 0,
    },
    {
      code: 'basic',
      name: { ko: '베이직', en: 'Basic' },
      description: { ko: '매장 3곳, AI 답글 초안과 게시', en: 'Three stores, AI reply drafts and posting' },
      prices: { month: { krw: 19000, usd: 1500 }, year: { krw: 190000, usd: 15000 } },
      limits: { stores: 3 },
      features: ['replies'],
      monthlyCredits: 300,
    },
    {
      code: 'premium',
      name: { ko: '프리미엄', en: 'Premium' },
      description: {
        ko: '매장 10곳, 고급 분석과 경쟁 매장 비교',
        en: 'Ten stores, advanced analytics and competitor tracking',
      },
      prices: { month: { krw: 49000, usd: 3900 }, year: { krw: 490000, usd: 39000 } },
      limits: { stores: 10 },
      features: ['replies', 'advancedAnalytics'],
      monthlyCredits: 1500,
    },
    {
      code: 'enterprise',
      contactSales: true,
      name: { ko: '엔터프라이즈', en: 'Enterprise' },
      description: {
        ko: '매장 무제한, API 키와 조직 설정',
        en: 'Unlimited stores, API keys and organisation settings',
      },
      prices: { month: { krw: 190000, usd: 15000 }, year: { krw: 1900000, usd: 150000 } },
      limits: { stores: null },
      features: ['replies', 'advancedAnalytics', 'apiKeys', 'settings'],
      monthlyCredits: 10000,
    },
  ],
  labels: {
    stores: { ko: '매장 수', en: 'Stores' },
    replies: { ko: '리뷰 답글 (AI 초안, 게시)', en: 'Review replies (AI drafts, posting)' },
    advancedAnalytics: { ko: '고급 분석', en: 'Advanced analytics' },
    apiKeys: { ko: 'API 키', en: 'API keys' },
    settings: { ko: '조직 설정', en: 'Organisation settings' },
  },
});
