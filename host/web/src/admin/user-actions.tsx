import { call } from '@app/client';
import { Button, Dialog, Form, TextField, useApi, useZodForm } from '@app/ui';
import { type ReactNode, useState } from 'react';
import { z } from 'zod';
import type { AdminUser } from './admin-data.js';
import { useConsoleText } from './text.js';
import { useAccountChange } from './use-account-change.js';

const suspendSchema = z.object({ reason: z.string().trim().min(3).max(500) });

/** Ends every sign-in of the account, after a confirmation. */
export function SignOutEverywhere({ user }: { user: AdminUser }) {
  const t = useConsoleText();
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const change = useAccountChange(
    user.id,
    () => call(api.POST('/api/v1/admin/users/{userId}/sign-out', { params: { path: { userId: user.id } } })),
    () => t('signedOut', { name: user.name }),
  );
  return (
    <section className="flex flex-col items-start gap-2">
      <h3 className="font-semibold">{t('signOutEverywhere')}</h3>
      <p className="text-sm text-fg-muted">{t('signOutLead')}</p>
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {t('signOutEverywhere')}
      </Button>
      <Confirm
        open={asking}
        title={t('signOutEverywhere')}
        busy={change.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => change.mutate(undefined, { onSettled: () => setAsking(false) })}
      >
        {t('signOutConfirm', { name: user.name })}
      </Confirm>
    </section>
  );
}

/** Suspends the account with a reason, after a confirmation that repeats it. */
export function SuspendForm({ user }: { user: AdminUser }) {
  const t = useConsoleText();
  const api = useApi();
  const [reason, setReason] = useState<string>();
  const form = useZodForm(suspendSchema, { reason: '' });
  const change = useAccountChange(
    user.id,
    (text: string) =>
      call(
        api.POST('/api/v1/admin/users/{userId}/suspend', {
          params: { path: { userId: user.id } },
          body: { reason: text },
        }),
      ),
    () => t('suspendedToast', { name: user.name }),
    (message) => form.setFormError(message),
  );
  const submit = form.onSubmit(async (data) => setReason(data.reason));
  return (
    <section className="flex flex-col gap-2">
      <h3 className="font-semibold">{t('suspend')}</h3>
      <p className="text-sm text-fg-muted">{t('suspendLead')}</p>
      <Form onSubmit={submit} error={form.formError} label={t('suspend')}>
        <TextField label={t('reason')} maxLength={500} autoComplete="off" {...form.field('reason')} />
        <Button type="submit" variant="danger" className="self-start">
          {t('suspend')}
        </Button>
      </Form>
      <Confirm
        open={reason !== undefined}
        title={t('suspendConfirmTitle')}
        busy={change.isPending}
        danger
        onCancel={() => setReason(undefined)}
        onConfirm={() => reason && change.mutate(reason, { onSettled: () => setReason(undefined) })}
      >
        {t('suspendConfirm', { name: user.name, email: user.email, reason: reason ?? '' })}
      </Confirm>
    </section>
  );
}

/** Lifts the suspension, after a confirmation. */
export function UnsuspendButton({ user }: { user: AdminUser }) {
  const t = useConsoleText();
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const change = useAccountChange(
    user.id,
    () => call(api.POST('/api/v1/admin/users/{userId}/unsuspend', { params: { path: { userId: user.id } } })),
    () => t('unsuspendedToast', { name: user.name }),
  );
  return (
    <section className="flex flex-col items-start gap-2">
      <h3 className="font-semibold">{t('unsuspend')}</h3>
      <Button onClick={() => setAsking(true)}>{t('unsuspend')}</Button>
      <Confirm
        open={asking}
        title={t('unsuspendConfirmTitle')}
        busy={change.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => change.mutate(undefined, { onSettled: () => setAsking(false) })}
      >
        {t('unsuspendConfirm', { name: user.name })}
      </Confirm>
    </section>
  );
}

function Confirm({
  open,
  title,
  busy,
  danger,
  onCancel,
  onConfirm,
  children,
}: {
  open: boolean;
  title: string;
  busy: boolean;
  danger?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  children: ReactNode;
}) {
  const t = useConsoleText();
  return (
    <Dialog open={open} onClose={onCancel} title={title}>
      <p className="break-words">{children}</p>
      <div className="flex flex-wrap gap-2">
        <Button variant={danger ? 'danger' : 'primary'} loading={busy} onClick={onConfirm}>
          {t('confirm')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
