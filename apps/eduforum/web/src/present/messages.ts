import type { Translation } from '@app/ui';

/** The presenter view's texts; `ko` has the same keys. */
export const en = {
  title: 'Presenter view: {{title}}',
  open: 'Presenter view',
  staffOnly: 'The presenter view is for the professor and TAs.',
  fullScreen: 'Full screen',
  leaderboard: 'Show the quiz leaderboard',
  side: 'Joining and questions',
  join: 'Join this class',
  qr: 'QR code to join with invite code {{code}}',
  noPoll: 'Polls appear here when you open one.',
  cloud: 'Most used words',
  questions: 'Top questions',
  board: 'Quiz leaderboard',
  boardOf: 'Leaderboard: {{title}}',
  noScores: 'No scores yet.',
};

export const ko: Translation<typeof en> = {
  title: '발표자 화면: {{title}}',
  open: '발표자 화면',
  staffOnly: '발표자 화면은 교수와 조교만 볼 수 있습니다.',
  fullScreen: '전체 화면',
  leaderboard: '퀴즈 순위 보이기',
  side: '참여 방법과 질문',
  join: '수업 참여',
  qr: '초대 코드 {{code}}로 참여하는 QR 코드',
  noPoll: '투표를 열면 여기에 나타납니다.',
  cloud: '많이 나온 단어',
  questions: '추천이 많은 질문',
  board: '퀴즈 순위',
  boardOf: '순위: {{title}}',
  noScores: '아직 점수가 없습니다.',
};
