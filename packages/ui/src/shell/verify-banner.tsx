import { call } from '@app/client';
import type { User } from '@app/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/context.js';
import { Button } from '../components/button.js';
import { errorMessage } from '../components/form.js';
import { Notice } from '../components/states.js';
import { useToast } from '../components/toast.js';

/**
 * Shown while the signed-in user's email is not verified: what waits for it (posting, uploads,
 * calls: docs/decisions/015) and a button that mails a fresh link.
 */
export function VerifyEmailBanner({ user }: { user: User }) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [sending, setSending] = useState(false);
  const resend = async () => {
    setSending(true);
    try {
      await call(api.POST('/api/v1/auth/verify-email/resend'));
      toast(t('home.verificationSent', { email: user.email }));
    } catch (error) {
      toast(errorMessage(error, t), 'danger');
    } finally {
      setSending(false);
    }
  };
  return (
    <Notice tone="warning">
      <span className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span>
          {t('home.verifyBanner', { email: user.email })} {t('home.verifyNeeded')}
        </span>
        <Button variant="secondary" onClick={resend} loading={sending}>
          {t('home.resendVerification')}
        </Button>
      </span>
    </Notice>
  );
}
