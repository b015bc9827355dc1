/** Texts shared by several areas: navigation, error codes, plan units. */
export const en = {
  nav: {
    subjects: 'Subjects',
    review: 'Review',
    cards: 'Cards',
    settings: 'Settings',
  },
  errors: {
    MATERIAL_NOT_READY:
      'This material is still being read, or could not be read. Try again when it is ready.',
    ATTEMPT_CLOSED: 'This attempt was already submitted. Here is its result.',
    ALREADY_ANSWERED: 'This question was already answered (perhaps in another tab). Here is the feedback.',
    ALREADY_REVIEWED: 'This card was already graded.',
    NOTHING_TO_UNDO: 'There is no grade to undo.',
    NOT_ENOUGH_REVIEWS: 'The optimiser needs more of your reviews first.',
    TIMER_RUNNING: 'A study timer is already running.',
    GRADE_NOT_ALLOWED: 'In pass/fail mode, grade with Again or Good.',
    PAYLOAD_TOO_LARGE: 'The file is too large (up to 10 MB).',
    UNSUPPORTED_MEDIA_TYPE: 'StudyMate reads PDF, Word (DOCX), Markdown and text files only.',
    QUOTA_EXCEEDED: 'Your storage is full. Delete some materials and try again.',
  },
  // Counts in upgrade prompts ("Your Free plan includes 3 subjects").
  planUnits: {
    subjects_one: '{{count}} subject',
    subjects_other: '{{count}} subjects',
    materials_one: '{{count}} material',
    materials_other: '{{count}} materials',
  },
};

export const ko: typeof en = {
  nav: {
    subjects: '과목',
    review: '복습',
    cards: '카드',
    settings: '설정',
  },
  errors: {
    MATERIAL_NOT_READY: '아직 자료를 읽는 중이거나 읽지 못한 자료예요. 준비되면 다시 시도해 주세요.',
    ATTEMPT_CLOSED: '이미 제출한 풀이예요. 결과를 보여 드릴게요.',
    ALREADY_ANSWERED: '이미 답한 문제예요(다른 탭에서 답했을 수 있어요). 채점 결과를 보여 드릴게요.',
    ALREADY_REVIEWED: '이미 평가한 카드예요.',
    NOTHING_TO_UNDO: '되돌릴 평가가 없어요.',
    NOT_ENOUGH_REVIEWS: '최적화하려면 복습 기록이 더 필요해요.',
    TIMER_RUNNING: '공부 타이머가 이미 돌아가고 있어요.',
    GRADE_NOT_ALLOWED: '통과/실패 모드에서는 “다시” 또는 “알맞음”으로 평가해요.',
    PAYLOAD_TOO_LARGE: '파일이 너무 커요 (최대 10MB).',
    UNSUPPORTED_MEDIA_TYPE: 'PDF, 워드(DOCX), 마크다운, 텍스트 파일만 읽을 수 있어요.',
    QUOTA_EXCEEDED: '저장 공간이 가득 찼어요. 자료를 정리한 뒤 다시 시도해 주세요.',
  },
  // 업그레이드 안내의 수량 ("무료 요금제에는 과목 3개까지 포함됩니다").
  planUnits: {
    subjects_one: '과목 {{count}}개',
    subjects_other: '과목 {{count}}개',
    materials_one: '자료 {{count}}개',
    materials_other: '자료 {{count}}개',
  },
};
