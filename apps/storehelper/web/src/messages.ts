/** storehelper's texts: the i18next namespace `storehelper` (`useTranslation('storehelper')`). */
export const messages = {
  en: {
    home: {
      lead: 'Soon each store will show its new reviews, their sentiment and reply drafts waiting for approval here. These features are being built.',
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
    },
    // Counts in upgrade prompts ("Your Free plan includes 1 store").
    planUnits: {
      stores_one: '{{count}} store',
      stores_other: '{{count}} stores',
    },
  },
  ko: {
    home: {
      lead: '곧 매장마다 새 리뷰와 감정 분석, 승인을 기다리는 답글 초안이 여기에 표시됩니다. 지금 만드는 중입니다.',
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
    },
    // 업그레이드 안내의 수량 ("무료 요금제에는 매장 1곳까지 포함됩니다").
    planUnits: {
      stores_other: '매장 {{count}}곳',
    },
  },
};
