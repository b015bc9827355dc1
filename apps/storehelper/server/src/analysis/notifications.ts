import { notificationType } from '@app/platform';

/** An urgent review: in-app, email and push at once unless the owner chose otherwise. */
export const negativeReviewNotification = notificationType(
  'storehelper.negative-review',
  {
    ko: { title: '{store}에 부정적인 리뷰가 올라왔어요', body: '{rating} {excerpt}' },
    en: { title: 'A negative review of {store}', body: '{rating} {excerpt}' },
  },
  {
    app: 'storehelper',
    link: (data) => `/storehelper/stores/${String(data.storeId)}/reviews/${String(data.reviewId)}`,
    defaults: { email: 'instant', push: 'instant' },
  },
);
