import { call } from '@app/client';
import { twoFactorChangeBodySchema } from '@app/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useSession, useWebSession } from '../app/context.js';
import { Button } from '../components/button.js';
import { Card } from '../components/card.js';
import { TextField } from '../components/field.js';
import { errorMessage, Form } from '../components/form.js';
import { useZodForm } from '../components/form-state.js';
import { Notice } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { CurrentPasswordField, useCurrentPassword } from './current-password.js';

interface Setup {
  secret: string;
  otpauthUrl: string;
  qr: string;
}

/**
 * Turn 2FA on (QR code, first code and the password, backup codes shown once) or off (the password
 * and a current code).
 */
export function TwoFactorPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useWebSession();
  const { user } = useSession();
  const toast = useToast();
  const [setup, setSetup] = useState<Setup>();
  const [starting, setStarting] = useState(false);
  const [backupCodes, setBackupCodes] = useState<string[]>();
  const [finishing, setFinishing] = useState(false);
  const confirm = useCurrentPassword();
  const changeSchema = twoFactorChangeBodySchema.extend({ password: confirm.password });
  const formOptions = { fieldOfCode: confirm.fieldOfCode };
  const enableForm = useZodForm(changeSchema, { code: '', password: '' }, formOptions);
  const disableForm = useZodForm(changeSchema, { code: '', password: '' }, formOptions);

  const reloadUser = async () => session.setUser(await call(api.GET('/api/v1/me')));

  const start = async () => {
    setStarting(true);
    try {
      const started = await call(api.POST('/api/v1/auth/2fa/setup'));
      // The QR encoder is loaded only here, not with every page.
      const { toDataURL } = await import('qrcode');
      const qr = await toDataURL(started.otpauthUrl, { margin: 1, width: 220 });
      setSetup({ ...started, qr });
    } catch {
      toast(t('errors.UNKNOWN'), 'danger');
    } finally {
      setStarting(false);
    }
  };

  const enable = enableForm.onSubmit(async (body) => {
    const result = await call(api.POST('/api/v1/auth/2fa/enable', { body: confirm.body(body) }));
    setBackupCodes(result.backupCodes);
    setSetup(undefined);
    toast(t('security.enabled'));
  });

  const disable = disableForm.onSubmit(async (body) => {
    await call(api.POST('/api/v1/auth/2fa/disable', { body: confirm.body(body) }));
    await reloadUser();
    toast(t('security.disabled'));
  });

  if (backupCodes) {
    return (
      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">{t('security.backupTitle')}</h2>
        <Notice tone="warning">{t('security.backupLead')}</Notice>
        <ul
          aria-label={t('security.backupTitle')}
          className="grid grid-cols-2 gap-2 font-mono sm:grid-cols-5"
        >
          {backupCodes.map((code) => (
            <li key={code} className="rounded-md bg-surface-muted px-2 py-1 text-center">
              {code}
            </li>
          ))}
        </ul>
        <Button
          className="self-start"
          loading={finishing}
          onClick={async () => {
            // The account is reloaded first: hiding the codes before it says 2FA is on would show
            // "Set up" for a moment, a button for a setup that is already done.
            setFinishing(true);
            try {
              await reloadUser();
              setBackupCodes(undefined);
            } catch (error) {
              toast(errorMessage(error, t), 'danger');
            } finally {
              setFinishing(false);
            }
          }}
        >
          {t('security.backupDone')}
        </Button>
      </Card>
    );
  }

  if (user?.twoFactorEnabled) {
    return (
      <Card className="flex flex-col gap-4">
        <Notice tone="success">{t('security.twoFactorOn')}</Notice>
        <p className="text-fg-muted">{t('security.disableLead')}</p>
        <Form onSubmit={disable} error={disableForm.formError} label={t('security.disable')}>
          <CurrentPasswordField hasPassword={confirm.hasPassword} field={disableForm.field('password')} />
          <TextField label={t('auth.code')} autoComplete="one-time-code" {...disableForm.field('code')} />
          <Button type="submit" variant="danger" loading={disableForm.submitting} className="self-start">
            {t('security.disable')}
          </Button>
        </Form>
      </Card>
    );
  }

  if (setup) {
    return (
      <Card className="flex flex-col gap-4">
        <p>{t('security.scanQr')}</p>
        <img
          src={setup.qr}
          alt={t('security.qrAlt')}
          width={220}
          height={220}
          className="rounded-lg bg-white p-2"
        />
        <div>
          <p className="text-sm font-semibold">{t('security.secretLabel')}</p>
          <code data-testid="totp-secret" className="font-mono break-all">
            {setup.secret}
          </code>
        </div>
        <Form onSubmit={enable} error={enableForm.formError} label={t('security.enable')}>
          <TextField
            label={t('auth.code')}
            autoComplete="one-time-code"
            inputMode="numeric"
            {...enableForm.field('code')}
          />
          <CurrentPasswordField hasPassword={confirm.hasPassword} field={enableForm.field('password')} />
          <Button type="submit" loading={enableForm.submitting} className="self-start">
            {t('security.enable')}
          </Button>
        </Form>
      </Card>
    );
  }

  return (
    <Card className="flex flex-col gap-4">
      <p className="font-semibold">{t('security.twoFactorOff')}</p>
      <p className="text-fg-muted">{t('security.twoFactorWhy')}</p>
      <Button onClick={start} loading={starting} className="self-start">
        {t('security.setUp')}
      </Button>
    </Card>
  );
}
