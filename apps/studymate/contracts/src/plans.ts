import { definePlans } from '@app/contracts';

/**
 * studymate's plans (seed 002: Free and Pro with AI credits). Reviewing cards is never limited:
 * credits meter AI generation only (summaries, quizzes, card generation).
 */
export const studymatePlans = definePlans({
  plans: [
    {
      code: 'free',
      free: true,
      name: { ko: '무료', en: 'Free' },
      description: {
        ko: '복습과 학습 기록은 무제한, AI 생성은 매달 조금씩',
        en: 'Unlimited reviews and study logs; a little AI each month',
      },
      prices: { month: { krw: 0, usd: 0 }, year: { krw: 0, usd: 0 } },
      limits: { subjects: 3, materials: 20 },
      features: [],
      monthlyCredits: 50,
    },
    {
      code: 'pro',
      name: { ko: '프로', en: 'Pro' },
      description: {
        ko: '과목과 자료 무제한, AI 크레딧 넉넉히, FSRS 최적화',
        en: 'Unlimited subjects and materials, plenty of AI credits, FSRS optimisation',
      },
      prices: { month: { krw: 9900, usd: 799 }, year: { krw: 99000, usd: 7900 } },
      limits: { subjects: null, materials: null },
      features: ['fsrsOptimizer', 'weeklyReport'],
      monthlyCredits: 1000,
    },
  ],
  labels: {
    subjects: { ko: '과목', en: 'Subjects' },
    materials: { ko: '학습 자료', en: 'Materials' },
    fsrsOptimizer: {
      ko: '나에게 맞춘 복습 간격 (FSRS 최적화)',
      en: 'Review intervals fitted to you (FSRS optimiser)',
    },
    weeklyReport: { ko: '주간 학습 리포트 메일', en: 'Weekly report by email' },
  },
});
