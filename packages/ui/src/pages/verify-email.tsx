import { call } from '@app/client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApi, useSession, useWebSession } from '../app/context.js';
import { buttonClass } from '../components/button.js';
import { LoadingState, Notice } from '../components/states.js';
import { AuthCard } from './auth-card.js';

/** The landing page of the verification mail's link (`/verify-email?token=…`). */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useWebSession();
  const { status } = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  // A query, not an effect: one request per token even when React mounts twice.
  const verify = useQuery({
    queryKey: ['verify-email', token],
    queryFn: async () => {
      const result = await call(api.POST('/api/v1/auth/verify-email', { body: { token } }));
      session.setUser(result.user);
      return result;
    },
    enabled: token.length >= 10,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const next = status === 'signed-in' ? '/' : '/sign-in';
  return (
    <AuthCard title={t('auth.verifyTitle')}>
      {token.length < 10 ? (
        <Notice tone="danger">{t('auth.missingToken')}</Notice>
      ) : verify.isPending ? (
        <LoadingState label={t('auth.verifying')} />
      ) : verify.isError ? (
        <Notice tone="danger">{t('auth.verifyFailed')}</Notice>
      ) : (
        <Notice tone="success">
          <strong className="block">{t('auth.verifiedTitle')}</strong>
          {t('auth.verifiedBody')}
        </Notice>
      )}
      <Link to={next} className={buttonClass('primary', 'w-full')}>
        {status === 'signed-in' ? t('common.goHome') : t('auth.toSignIn')}
      </Link>
    </AuthCard>
  );
}
