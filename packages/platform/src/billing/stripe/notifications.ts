import { notificationType } from '../../notifications/types.js';

/** Dunning: a renewal payment failed; Stripe retries it, and the customer should fix their card. */
export const paymentFailed = notificationType(
  'platform.billing.payment_failed',
  {
    ko: {
      title: '결제에 실패했습니다',
      body: '{plan} 요금제의 결제가 실패했습니다. 결제 수단을 확인해 주세요. 며칠 뒤 다시 시도합니다.',
    },
    en: {
      title: 'Your payment failed',
      body: 'The payment for your {plan} plan failed. Please check your payment method; we will try again in a few days.',
    },
  },
  { link: (data) => `/${String(data.app)}/billing` },
);
