import { defineManifest } from '@app/contracts';

/** What the portal and the web shell show of studymate. */
export const studymateManifest = defineManifest({
  name: 'studymate',
  title: { ko: '스터디메이트', en: 'StudyMate' },
  tagline: { ko: '내 자료로 만드는 요약과 퀴즈', en: 'Summaries and quizzes from your material' },
  description: {
    ko: '학습 자료의 AI 요약과 퀴즈, 간격 반복 복습과 학습 계획.',
    en: 'AI summaries and quizzes from your study material, spaced repetition and study plans.',
  },
  accent: '#6d28d9',
  icon: 'S',
});
