import { call } from '@app/client';
import { type apiKeySchema, createApiKeyBodySchema } from '@app/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useApi, useLocalized } from '../app/context.js';
import { Button } from '../components/button.js';
import { Card } from '../components/card.js';
import { Dialog } from '../components/dialog.js';
import { CheckboxField, TextField } from '../components/field.js';
import { errorMessage, Form } from '../components/form.js';
import { useZodForm } from '../components/form-state.js';
import { ErrorState, LoadingState } from '../components/states.js';
import { CursorTable } from '../components/table.js';
import { useToast } from '../components/toast.js';
import { useFormat } from '../i18n/format.js';
import { CurrentPasswordField, useCurrentPassword } from './current-password.js';

type ApiKey = z.infer<typeof apiKeySchema>;

/** Scoped API keys: create (shown once, in a dialog), list page by page, revoke. */
export function ApiKeysPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const format = useFormat();
  const queryClient = useQueryClient();
  const localized = useLocalized();
  const scopes = useQuery({
    queryKey: ['api-keys', 'scopes'],
    queryFn: () => call(api.GET('/api/v1/api-keys/scopes')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [created, setCreated] = useState<string>();
  const confirm = useCurrentPassword();
  const form = useZodForm(
    createApiKeyBodySchema.extend({ password: confirm.password }),
    { name: '', scopes: ['profile:read'], password: '' },
    { fieldOfCode: confirm.fieldOfCode },
  );
  const submit = form.onSubmit(async (body) => {
    const key = await call(api.POST('/api/v1/api-keys', { body: confirm.body(body) }));
    setCreated(key.key);
    form.reset({ name: '', password: '', scopes: ['profile:read'] });
    await queryClient.invalidateQueries({ queryKey: ['api-keys'] });
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      toast(t('security.keyRevoked'));
      return queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
    onError: (error) => toast(errorMessage(error, t), 'danger'),
  });
  const copy = async () => {
    if (!created) return;
    await navigator.clipboard?.writeText(created).catch(() => undefined);
    toast(t('common.copied'));
  };

  return (
    <div className="flex flex-col gap-6">
      <Card className="flex flex-col gap-4">
        <p className="text-fg-muted">{t('security.apiKeysLead')}</p>
        <Form onSubmit={submit} error={form.formError} label={t('security.createKey')}>
          <TextField label={t('security.keyName')} {...form.field('name')} />
          <fieldset className="flex flex-col gap-1">
            <legend className="text-sm font-semibold">{t('security.keyScope')}</legend>
            {scopes.isPending ? <LoadingState /> : null}
            {scopes.isError ? (
              <ErrorState message={errorMessage(scopes.error, t)} onRetry={() => scopes.refetch()} />
            ) : null}
            {scopes.data?.items.map(({ scope, label }) => (
              <CheckboxField
                key={scope}
                label={localized(label)}
                checked={form.values.scopes?.includes(scope) ?? false}
                onChange={(event) => {
                  const current = form.values.scopes ?? [];
                  form.set(
                    'scopes',
                    event.target.checked ? [...current, scope] : current.filter((s) => s !== scope),
                  );
                }}
              />
            ))}
            {form.errors.scopes ? <p className="text-sm text-danger">{form.errors.scopes}</p> : null}
          </fieldset>
          <CurrentPasswordField hasPassword={confirm.hasPassword} field={form.field('password')} />
          <Button type="submit" loading={form.submitting} className="self-start">
            {t('security.createKey')}
          </Button>
        </Form>
      </Card>
      <CursorTable<ApiKey>
        caption={t('security.tabs.apiKeys')}
        queryKey={['api-keys']}
        fetchPage={(cursor) =>
          call(
            api.GET('/api/v1/api-keys', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } }),
          )
        }
        rowKey={(key) => key.id}
        empty={{ title: t('security.noKeys'), body: t('security.noKeysBody') }}
        columns={[
          { header: t('security.keyName'), cell: (key) => <span className="font-semibold">{key.name}</span> },
          {
            header: t('security.keyPrefix'),
            cell: (key) => <code className="font-mono">{key.prefix}…</code>,
            wide: true,
          },
          { header: t('security.created'), cell: (key) => format.date(key.createdAt), wide: true },
          {
            header: t('security.lastUsedColumn'),
            cell: (key) => (key.lastUsedAt ? format.dateTime(key.lastUsedAt) : t('common.never')),
            wide: true,
          },
          {
            header: t('security.actions'),
            cell: (key) => (
              <Button
                variant="danger"
                onClick={() => revoke.mutate(key.id)}
                loading={revoke.isPending && revoke.variables === key.id}
                aria-label={`${t('security.revokeKey')}: ${key.name}`}
              >
                {t('security.revokeKey')}
              </Button>
            ),
          },
        ]}
      />
      <Dialog
        open={created !== undefined}
        onClose={() => setCreated(undefined)}
        title={t('security.newKeyTitle')}
        description={t('security.newKeyLead')}
      >
        <code data-testid="new-api-key" className="block rounded-md bg-surface-muted p-3 font-mono break-all">
          {created}
        </code>
        <div className="flex gap-2">
          <Button onClick={copy}>{t('common.copy')}</Button>
          <Button variant="secondary" onClick={() => setCreated(undefined)}>
            {t('common.close')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
