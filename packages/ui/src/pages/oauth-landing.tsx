import { call } from '@app/client';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi, useWebSession } from '../app/context.js';
import { LoadingState, Notice } from '../components/states.js';
import { AuthCard } from './auth-card.js';

// Read once at load: the hash is removed right away so the code does not linger in history.
const initialHash = typeof window === 'undefined' ? '' : window.location.hash;

/** Where a provider sign-in returns: trades the one-use `#oauth_code` for a session. */
export function OAuthLandingPage() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useWebSession();
  const navigate = useNavigate();
  const hash = new URLSearchParams(initialHash.slice(1));
  const code = hash.get('oauth_code');
  const exchange = useQuery({
    queryKey: ['oauth-exchange', code],
    queryFn: () => call(api.POST('/api/v1/auth/oauth/exchange', { body: { code: code ?? '' } })),
    enabled: Boolean(code),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, []);
  useEffect(() => {
    const result = exchange.data;
    if (!result) return;
    if ('twoFactorRequired' in result) {
      navigate('/sign-in', { replace: true, state: { challengeToken: result.challengeToken } });
      return;
    }
    session.adopt(result);
    navigate('/', { replace: true });
  }, [exchange.data, navigate, session]);

  const failed = !code || exchange.isError;
  return (
    <AuthCard title={t('auth.oauthTitle')}>
      {failed ? (
        <>
          <Notice tone="danger">{t('auth.oauthFailed')}</Notice>
          <Link to="/sign-in" className="font-semibold underline">
            {t('auth.toSignIn')}
          </Link>
        </>
      ) : (
        <LoadingState />
      )}
    </AuthCard>
  );
}
