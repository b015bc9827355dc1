import { call } from '@app/client';
import { forgotBodySchema } from '@app/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../app/context.js';
import { Button } from '../components/button.js';
import { TextField } from '../components/field.js';
import { Form } from '../components/form.js';
import { useZodForm } from '../components/form-state.js';
import { Notice } from '../components/states.js';
import { AuthCard } from './auth-card.js';

/** Ask for a reset link; the answer never tells whether the account exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [sentTo, setSentTo] = useState<string>();
  const form = useZodForm(forgotBodySchema, { email: '' });
  const submit = form.onSubmit(async (body) => {
    await call(api.POST('/api/v1/auth/password/forgot', { body }));
    setSentTo(body.email);
  });
  return (
    <AuthCard title={t('auth.forgotTitle')} lead={sentTo ? undefined : t('auth.forgotLead')}>
      {sentTo ? (
        <Notice tone="success">{t('auth.forgotDone', { email: sentTo })}</Notice>
      ) : (
        <Form onSubmit={submit} error={form.formError} label={t('auth.forgotTitle')}>
          <TextField
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            inputMode="email"
            {...form.field('email')}
          />
          <Button type="submit" loading={form.submitting} className="w-full">
            {t('auth.forgotButton')}
          </Button>
        </Form>
      )}
      <Link to="/sign-in" className="self-start text-sm font-semibold underline">
        {t('auth.toSignIn')}
      </Link>
    </AuthCard>
  );
}
