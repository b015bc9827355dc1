import { defineManifest } from '@app/contracts';

/** What the portal and the web shell show of eduforum. */
export const eduforumManifest = defineManifest({
  name: 'eduforum',
  title: { ko: '에듀포럼', en: 'EduForum' },
  tagline: { ko: '실시간 능동 학습 세미나', en: 'Live active-learning seminars' },
  description: {
    ko: '투표, 소그룹 토론방, 공유 화이트보드, 채점과 수업 분석이 있는 화상 세미나.',
    en: 'Video seminars with polls, breakout rooms, a shared whiteboard, grading and class analytics.',
  },
  accent: '#1d4ed8',
  icon: 'E',
  // App-wide roles (course roles are per course): admins run eduforum, professors may teach.
  appRoles: [
    { role: 'admin', label: { ko: '에듀포럼 관리자', en: 'EduForum admin' } },
    { role: 'professor', label: { ko: '교수 (강의 개설 가능)', en: 'Professor (may create courses)' } },
  ],
  // Who may teach and the requests to teach (the portal's console links here).
  adminPath: '/admin',
});
