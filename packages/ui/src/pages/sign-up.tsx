import { call } from '@app/client';
import { registerBodySchema } from '@app/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useApi, useSession } from '../app/context.js';
import { Button } from '../components/button.js';
import { TextField } from '../components/field.js';
import { Form } from '../components/form.js';
import { useZodForm } from '../components/form-state.js';
import { Notice } from '../components/states.js';
import { currentLanguage } from '../i18n/i18n.js';
import { AuthCard } from './auth-card.js';
import { OAuthButtons } from './oauth-buttons.js';

/**
 * Create an account; the server mails a verification link in the page's language. `?email=` fills
 * the address (an invitation's link: the invited address is the one that gets enrolled).
 */
export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const api = useApi();
  const { status } = useSession();
  const [sentTo, setSentTo] = useState<string>();
  const form = useZodForm(
    registerBodySchema,
    { name: '', email: params.get('email')?.slice(0, 320) ?? '', password: '' },
    {
      fieldOfCode: { EMAIL_TAKEN: 'email', WEAK_PASSWORD: 'password' },
    },
  );

  if (status === 'signed-in') return <Navigate to="/" replace />;
  if (sentTo) {
    return (
      <AuthCard title={t('auth.signUpDoneTitle')}>
        <Notice tone="success">{t('auth.signUpDoneBody', { email: sentTo })}</Notice>
        <Link to="/sign-in" className="font-semibold underline">
          {t('auth.toSignIn')}
        </Link>
      </AuthCard>
    );
  }

  const submit = form.onSubmit(async (body) => {
    await call(
      api.POST('/api/v1/auth/register', { body: { ...body, locale: currentLanguage(i18n.language) } }),
    );
    setSentTo(body.email);
  });

  return (
    <AuthCard title={t('auth.signUpTitle')} lead={t('auth.signInLead')}>
      <Form onSubmit={submit} error={form.formError} label={t('auth.signUpTitle')}>
        <TextField label={t('auth.name')} autoComplete="name" {...form.field('name')} />
        <TextField
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          {...form.field('email')}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="new-password"
          hint={t('auth.passwordHint')}
          {...form.field('password')}
        />
        <Button type="submit" loading={form.submitting} className="w-full">
          {t('auth.signUpButton')}
        </Button>
      </Form>
      <OAuthButtons />
      <p className="text-sm text-fg-muted">
        {t('auth.haveAccount')}{' '}
        <Link to="/sign-in" className="font-semibold text-fg underline">
          {t('nav.signIn')}
        </Link>
      </p>
    </AuthCard>
  );
}
