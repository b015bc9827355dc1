/** The stored daily and weekly reports. */
export const en = {
  reports: {
    title: 'Reports',
    lead: 'A daily report every morning at 09:00 ({{zone}}) and a weekly analysis every Monday, also sent to the owner by email.',
    emptyTitle: 'No reports yet',
    emptyBody: 'The first daily report is made tomorrow at 09:00 in the store’s time zone.',
    kind: { daily: 'Daily', weekly: 'Weekly' },
    period: '{{from}} – {{to}}',
    reviews: 'New reviews',
    rating: 'Average rating',
    negative: 'Negative',
    unanswered: 'Unanswered',
    keywords: 'Top keywords',
    complaints: 'Complaints about',
    sent: 'Emailed {{date}}',
    notSent: 'Not emailed',
  },
};

export const ko: typeof en = {
  reports: {
    title: '리포트',
    lead: '매일 오전 9시({{zone}})에 일간 리포트를, 매주 월요일에 주간 분석을 만들어 사장님께 이메일로도 보내요.',
    emptyTitle: '아직 리포트가 없어요',
    emptyBody: '첫 일간 리포트는 내일 오전 9시(매장 시간대)에 만들어져요.',
    kind: { daily: '일간', weekly: '주간' },
    period: '{{from}} ~ {{to}}',
    reviews: '새 리뷰',
    rating: '평균 별점',
    negative: '부정 리뷰',
    unanswered: '미답변',
    keywords: '많이 나온 키워드',
    complaints: '불만 항목',
    sent: '{{date}}에 이메일 발송',
    notSent: '이메일 발송 안 함',
  },
};
