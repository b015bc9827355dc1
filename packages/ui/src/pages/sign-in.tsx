import { call } from '@app/client';
import { loginBodySchema, twoFactorVerifyBodySchema } from '@app/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { safeNext, useApi, useSession, useWebSession } from '../app/context.js';
import { Button } from '../components/button.js';
import { CheckboxField, TextField } from '../components/field.js';
import { Form } from '../components/form.js';
import { useZodForm } from '../components/form-state.js';
import { AuthCard } from './auth-card.js';
import { OAuthButtons } from './oauth-buttons.js';

/** Sign in with email and password (or a provider), then the 2FA prompt when the account has it. */
export function SignInPage() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useWebSession();
  const { status } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  // A provider sign-in that needs a second factor arrives here with its challenge.
  const [challenge, setChallenge] = useState<string | undefined>(
    (location.state as { challengeToken?: string } | null)?.challengeToken,
  );
  const form = useZodForm(loginBodySchema, { email: '', password: '' });

  if (status === 'signed-in') return <Navigate to={next} replace />;
  if (challenge)
    return <TwoFactorStep challengeToken={challenge} next={next} onRestart={() => setChallenge(undefined)} />;

  const submit = form.onSubmit(async (body) => {
    const result = await call(api.POST('/api/v1/auth/login', { body }));
    if ('twoFactorRequired' in result) {
      setChallenge(result.challengeToken);
      return;
    }
    session.adopt(result);
    navigate(next, { replace: true });
  });

  return (
    <AuthCard title={t('auth.signInTitle')} lead={t('auth.signInLead')}>
      <Form onSubmit={submit} error={form.formError} label={t('auth.signInTitle')}>
        <TextField
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          {...form.field('email')}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          {...form.field('password')}
        />
        <Button type="submit" loading={form.submitting} className="w-full">
          {t('auth.signInButton')}
        </Button>
      </Form>
      <Link to="/forgot-password" className="self-start text-sm font-semibold underline">
        {t('auth.forgotLink')}
      </Link>
      <OAuthButtons />
      <p className="text-sm text-fg-muted">
        {t('auth.noAccount')}{' '}
        <Link to="/sign-up" className="font-semibold text-fg underline">
          {t('nav.signUp')}
        </Link>
      </p>
    </AuthCard>
  );
}

function TwoFactorStep({
  challengeToken,
  next,
  onRestart,
}: {
  challengeToken: string;
  next: string;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useWebSession();
  const navigate = useNavigate();
  const form = useZodForm(twoFactorVerifyBodySchema, { challengeToken, code: '', rememberDevice: false });
  const submit = form.onSubmit(async (body) => {
    const pair = await call(api.POST('/api/v1/auth/2fa/verify', { body }));
    session.adopt(pair);
    navigate(next, { replace: true });
  });
  const code = form.field('code');
  return (
    <AuthCard title={t('auth.twoFactorTitle')} lead={t('auth.twoFactorLead')}>
      <Form onSubmit={submit} error={form.formError} label={t('auth.twoFactorTitle')}>
        <TextField
          label={t('auth.code')}
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          {...code}
          error={code.error ? t('validation.code') : undefined}
        />
        <CheckboxField
          label={t('auth.rememberDevice')}
          checked={Boolean(form.values.rememberDevice)}
          onChange={(event) => form.set('rememberDevice', event.target.checked)}
        />
        <Button type="submit" loading={form.submitting} className="w-full">
          {t('auth.verifyButton')}
        </Button>
      </Form>
      <Button variant="ghost" onClick={onRestart} className="self-start">
        {t('common.back')}
      </Button>
    </AuthCard>
  );
}
