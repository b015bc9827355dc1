/** Texts shared by several areas: navigation, practice modes, people, reasons, live state, error codes. */
export const en = {
  nav: {
    schedule: 'Schedule',
    dashboard: 'Dashboard',
    corrections: 'Corrections',
    admin: 'Reports (admin)',
  },
  modes: { text: 'Text', voice: 'Voice', video: 'Video' },
  person: {
    speaks: 'Speaks',
    learns: 'Learns',
    tested: 'Tested: {{language}} {{level}}',
  },
  why: {
    languages: 'Speaks {{teach}} natively and is learning {{learn}}',
    schedule: 'You are both free about {{hours}} h a week:',
    interests: 'Shared interests: {{list}}',
    level: {
      close: 'Your levels are close, so neither of you has to hold back',
      apart: 'Your levels differ a little',
    },
    modes: 'You both like: {{list}}',
    reliability: 'Keeps appointments and replies within a day ({{percent}}%)',
    moreWindows_one: 'and {{count}} more time',
    moreWindows_other: 'and {{count}} more times',
  },
  live: {
    offline: 'Live updates are paused: reconnecting… Lists refresh when the connection is back.',
  },
  errors: {
    PROFILE_REQUIRED: 'Please finish your profile first.',
    ALREADY_PARTNERS: 'You are already partners.',
    REQUEST_NOT_PENDING: 'This request was already answered or withdrawn.',
    NOT_PARTNERS: 'This is only possible between partners.',
    SUSPENDED: 'Your account is suspended from messaging, requests and calls.',
    SESSION_CONFLICT: 'One of you already has a session at that time. Please pick another time.',
    CONFLICT: 'This has changed in the meantime. Please reload and try again.',
    PAYLOAD_TOO_LARGE: 'The file is too large.',
    UNSUPPORTED_MEDIA_TYPE: 'This file is not an image. Please choose a photo (JPG, PNG or WebP).',
    QUOTA_EXCEEDED: 'Your storage is full. Delete some files and try again.',
  },
};

export const ko: typeof en = {
  nav: {
    schedule: '일정',
    dashboard: '대시보드',
    corrections: '교정 복습',
    admin: '신고 관리',
  },
  modes: { text: '채팅', voice: '음성 통화', video: '영상 통화' },
  person: {
    speaks: '모국어',
    learns: '배우는 언어',
    tested: '테스트 결과: {{language}} {{level}}',
  },
  why: {
    languages: '{{teach}} 원어민이고 {{learn}}를 배우고 있어요',
    schedule: '둘 다 시간이 되는 때가 일주일에 약 {{hours}}시간 있어요:',
    interests: '같은 관심사: {{list}}',
    level: {
      close: '서로 수준이 비슷해서 편하게 이야기할 수 있어요',
      apart: '서로 수준이 조금 달라요',
    },
    modes: '둘 다 좋아하는 연습 방식: {{list}}',
    reliability: '약속을 잘 지키고 하루 안에 답장해요 ({{percent}}%)',
    moreWindows_one: '외 {{count}}개 시간대',
    moreWindows_other: '외 {{count}}개 시간대',
  },
  live: {
    offline: '실시간 연결이 끊겨 다시 연결하는 중이에요. 연결되면 목록이 새로 고쳐져요.',
  },
  errors: {
    PROFILE_REQUIRED: '먼저 프로필을 완성해 주세요.',
    ALREADY_PARTNERS: '이미 파트너예요.',
    REQUEST_NOT_PENDING: '이미 응답했거나 취소된 신청이에요.',
    NOT_PARTNERS: '파트너끼리만 할 수 있어요.',
    SUSPENDED: '계정이 정지되어 메시지, 신청, 통화를 할 수 없어요.',
    SESSION_CONFLICT: '그 시간에 이미 둘 중 한 사람의 일정이 있어요. 다른 시간을 골라 주세요.',
    CONFLICT: '그사이에 상태가 바뀌었어요. 새로 고친 뒤 다시 시도해 주세요.',
    PAYLOAD_TOO_LARGE: '파일이 너무 커요.',
    UNSUPPORTED_MEDIA_TYPE: '이미지 파일이 아니에요. JPG, PNG, WebP 사진을 골라 주세요.',
    QUOTA_EXCEEDED: '저장 공간이 가득 찼어요. 파일을 정리한 뒤 다시 시도해 주세요.',
  },
};
