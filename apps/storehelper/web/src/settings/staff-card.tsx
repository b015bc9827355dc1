import { ApiError, call } from '@app/client';
import { addStaffBodySchema, type StorehelperPaths } from '@app/storehelper-contracts';
import {
  Button,
  Card,
  ErrorState,
  Form,
  LoadingState,
  TextField,
  useApi,
  useFormat,
  useToast,
  useZodForm,
} from '@app/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../shared/confirm-dialog.js';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/** The store's staff: they see the reviews and draft replies; the owner approves. */
export function StaffCard({ storeId }: { storeId: string }) {
  const { t } = useT();
  const api = useApi<StorehelperPaths>();
  const queryClient = useQueryClient();
  const toast = useToast();
  const format = useFormat();
  const errorText = useErrorText();
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);
  const path = { params: { path: { storeId } } };
  const staff = useQuery({
    queryKey: keys.staff(storeId),
    queryFn: () => call(api.GET('/api/v1/storehelper/stores/{storeId}/staff', path)),
  });
  const form = useZodForm(addStaffBodySchema, { email: '' });
  const submit = form.onSubmit(async (body) => {
    try {
      await call(api.POST('/api/v1/storehelper/stores/{storeId}/staff', { ...path, body }));
    } catch (error) {
      // The server names the problem in English words: no such account, or the owner's own email.
      const said = error instanceof ApiError ? (error.fieldErrors.email ?? '') : '';
      if (said.startsWith('No account')) return form.setFormError(t('settings.staff.noAccount'));
      if (said.startsWith('The owner')) return form.setFormError(t('settings.staff.isOwner'));
      throw error;
    }
    form.reset({ email: '' });
    toast(t('settings.staff.added', { email: body.email }));
    await queryClient.invalidateQueries({ queryKey: keys.staff(storeId) });
  });
  const items = staff.data?.items ?? [];
  return (
    <Card className="flex flex-col gap-4">
      <div>
        <h2 id="staff" className="text-lg font-semibold">
          {t('settings.staff.title')}
        </h2>
        <p className="text-sm text-fg-muted">{t('settings.staff.lead')}</p>
      </div>
      {staff.isPending ? (
        <LoadingState />
      ) : staff.isError ? (
        <ErrorState message={errorText(staff.error)} onRetry={() => void staff.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-fg-muted">{t('settings.staff.empty')}</p>
      ) : (
        <ul
          aria-label={t('settings.staff.title')}
          className="flex flex-col divide-y divide-border rounded-lg border border-border"
        >
          {items.map((member) => (
            <li key={member.userId} className="flex flex-wrap items-center gap-2 px-4 py-2">
              <div className="flex min-w-0 flex-1 flex-col">
                <span className="font-semibold">{member.name}</span>
                <span className="truncate text-sm text-fg-muted">
                  {member.email} · {t('settings.staff.since', { date: format.date(member.addedAt) })}
                </span>
              </div>
              <Button
                variant="danger"
                onClick={() => setRemoving({ userId: member.userId, name: member.name })}
              >
                {t('settings.staff.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Form onSubmit={submit} error={form.formError} label={t('settings.staff.add')}>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex-1">
            <TextField
              label={t('settings.staff.email')}
              type="email"
              autoComplete="off"
              {...form.field('email')}
            />
          </div>
          <Button type="submit" loading={form.submitting}>
            {t('settings.staff.add')}
          </Button>
        </div>
        <p className="text-sm text-fg-muted">{t('settings.staff.emailHint')}</p>
      </Form>
      <ConfirmDialog
        open={removing !== null}
        title={t('settings.staff.removeTitle', { name: removing?.name ?? '' })}
        body={t('settings.staff.removeBody')}
        confirmLabel={t('settings.staff.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await call(
            api.DELETE('/api/v1/storehelper/stores/{storeId}/staff/{userId}', {
              params: { path: { storeId, userId: removing.userId } },
            }),
          );
          await queryClient.invalidateQueries({ queryKey: keys.staff(storeId) });
        }}
      />
    </Card>
  );
}
