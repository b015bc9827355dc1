import { call } from '@app/client';
import { resetBodySchema } from '@app/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../app/context.js';
import { Button, buttonClass } from '../components/button.js';
import { TextField } from '../components/field.js';
import { Form } from '../components/form.js';
import { useZodForm } from '../components/form-state.js';
import { Notice } from '../components/states.js';
import { AuthCard } from './auth-card.js';

/** The landing page of the reset mail's link (`/reset-password?token=…`). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [params] = useSearchParams();
  const [done, setDone] = useState(false);
  const form = useZodForm(
    resetBodySchema,
    { token: params.get('token') ?? '', password: '' },
    {
      fieldOfCode: { WEAK_PASSWORD: 'password' },
    },
  );
  const submit = form.onSubmit(async (body) => {
    await call(api.POST('/api/v1/auth/password/reset', { body }));
    setDone(true);
  });
  if (done) {
    return (
      <AuthCard title={t('auth.resetTitle')}>
        <Notice tone="success">{t('auth.resetDone')}</Notice>
        <Link to="/sign-in" className={buttonClass('primary', 'w-full')}>
          {t('auth.toSignIn')}
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('auth.resetTitle')}>
      {form.errors.token && <Notice tone="danger">{t('auth.missingToken')}</Notice>}
      <Form onSubmit={submit} error={form.formError} label={t('auth.resetTitle')}>
        <TextField
          label={t('auth.newPassword')}
          type="password"
          autoComplete="new-password"
          hint={t('auth.passwordHint')}
          {...form.field('password')}
        />
        <Button type="submit" loading={form.submitting} className="w-full">
          {t('auth.resetButton')}
        </Button>
      </Form>
    </AuthCard>
  );
}
