/** The home page's stores and a store's frame (its sections). */
export const en = {
  home: {
    lead: 'Open a store to see its review inbox, reply drafts, dashboard and reports.',
  },
  stores: {
    title: 'Your stores',
    count: '{{used}} of {{allowed}} on your plan',
    countUnlimited: '{{used}} (no limit on your plan)',
    emptyTitle: 'No stores yet',
    emptyBody: 'Add your shop to start collecting its reviews.',
    name: 'Store name',
    add: 'Add store',
    added: '{{name}} was added.',
    since: 'Added {{date}}',
    moreDetails: 'More details (optional)',
    fewerDetails: 'Fewer details',
    category: 'Category',
    categoryPlaceholder: 'e.g. Noodle restaurant, Café',
    address: 'Address',
    naver: 'Naver Place id or address',
    naverHint:
      'The number in the place’s address, or paste the whole address (map.naver.com, m.place.naver.com).',
    kakao: 'Kakao Map id or address',
    kakaoHint: 'The number in the place’s address, or paste the whole address (place.map.kakao.com).',
    googleLater: 'Google Business Profile is connected later, in the store’s settings.',
  },
  // Counts in upgrade prompts ("Your Free plan includes 1 store").
  planUnits: {
    stores_one: '{{count}} store',
    stores_other: '{{count}} stores',
  },
  store: {
    allStores: '← All stores',
    sections: 'Store sections',
    inbox: 'Reviews',
    dashboard: 'Dashboard',
    import: 'Import',
    reports: 'Reports',
    settings: 'Settings',
    notFoundTitle: 'Store not found',
    notFoundBody: 'It may have been deleted, or you are no longer on its staff.',
    backToStores: 'Back to your stores',
  },
};

export const ko: typeof en = {
  home: {
    lead: '매장을 열면 리뷰함, 답글 초안, 대시보드와 리포트를 볼 수 있어요.',
  },
  stores: {
    title: '내 매장',
    count: '요금제 한도 {{allowed}}곳 중 {{used}}곳',
    countUnlimited: '{{used}}곳 (요금제 한도 없음)',
    emptyTitle: '아직 매장이 없습니다',
    emptyBody: '매장을 추가하면 리뷰를 모으기 시작합니다.',
    name: '매장 이름',
    add: '매장 추가',
    added: '매장을 추가했습니다: {{name}}',
    since: '{{date}} 추가',
    moreDetails: '더 입력하기 (선택)',
    fewerDetails: '간단히 입력하기',
    category: '업종',
    categoryPlaceholder: '예: 국수집, 카페',
    address: '주소',
    naver: '네이버 플레이스 ID 또는 주소',
    naverHint: '플레이스 주소의 숫자, 또는 주소 전체를 붙여 넣으세요 (map.naver.com, m.place.naver.com).',
    kakao: '카카오맵 ID 또는 주소',
    kakaoHint: '장소 주소의 숫자, 또는 주소 전체를 붙여 넣으세요 (place.map.kakao.com).',
    googleLater: '구글 비즈니스 프로필은 나중에 매장 설정에서 연결해요.',
  },
  // 업그레이드 안내의 수량 ("무료 요금제에는 매장 1곳까지 포함됩니다").
  planUnits: {
    stores_one: '매장 {{count}}곳',
    stores_other: '매장 {{count}}곳',
  },
  store: {
    allStores: '← 전체 매장',
    sections: '매장 메뉴',
    inbox: '리뷰함',
    dashboard: '대시보드',
    import: '가져오기',
    reports: '리포트',
    settings: '설정',
    notFoundTitle: '매장을 찾을 수 없어요',
    notFoundBody: '삭제되었거나 더 이상 이 매장의 직원이 아닐 수 있어요.',
    backToStores: '내 매장으로',
  },
};
