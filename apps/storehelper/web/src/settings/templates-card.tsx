import { call } from '@app/client';
import { type StorehelperPaths, templateInputSchema } from '@app/storehelper-contracts';
import {
  Button,
  Card,
  ErrorState,
  Form,
  LoadingState,
  TextAreaField,
  TextField,
  useApi,
  useToast,
  useZodForm,
} from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../shared/confirm-dialog.js';
import { keys, useTemplates } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/** Reply templates for common cases; `{author}` and `{store}` are filled in when one is used. */
export function TemplatesCard({ storeId }: { storeId: string }) {
  const { t } = useT();
  const api = useApi<StorehelperPaths>();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorText = useErrorText();
  const templates = useTemplates(storeId);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const form = useZodForm(templateInputSchema, { name: '', body: '' });
  const submit = form.onSubmit(async (body) => {
    await call(
      api.POST('/api/v1/storehelper/stores/{storeId}/templates', { params: { path: { storeId } }, body }),
    );
    form.reset({ name: '', body: '' });
    toast(t('settings.templates.added', { name: body.name }));
    await queryClient.invalidateQueries({ queryKey: keys.templates(storeId) });
  });
  const items = templates.data?.items ?? [];
  return (
    <Card className="flex flex-col gap-4">
      <div>
        <h2 id="templates" className="text-lg font-semibold">
          {t('settings.templates.title')}
        </h2>
        <p className="text-sm text-fg-muted">{t('settings.templates.lead')}</p>
      </div>
      {templates.isPending ? (
        <LoadingState />
      ) : templates.isError ? (
        <ErrorState message={errorText(templates.error)} onRetry={() => void templates.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-fg-muted">{t('settings.templates.empty')}</p>
      ) : (
        <ul
          aria-label={t('settings.templates.title')}
          className="flex flex-col divide-y divide-border rounded-lg border border-border"
        >
          {items.map((template) => (
            <li key={template.id} className="flex flex-wrap items-start gap-2 px-4 py-3">
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <span className="font-semibold">{template.name}</span>
                <span className="whitespace-pre-line text-sm text-fg-muted">{template.body}</span>
              </div>
              <Button variant="danger" onClick={() => setRemoving({ id: template.id, name: template.name })}>
                {t('settings.templates.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Form onSubmit={submit} error={form.formError} label={t('settings.templates.add')}>
        <TextField label={t('settings.templates.name')} maxLength={80} {...form.field('name')} />
        <TextAreaField
          label={t('settings.templates.body')}
          hint={t('settings.templates.placeholders')}
          maxLength={4000}
          rows={4}
          {...form.field('body')}
        />
        <Button type="submit" loading={form.submitting} className="self-start">
          {t('settings.templates.add')}
        </Button>
      </Form>
      <ConfirmDialog
        open={removing !== null}
        title={t('settings.templates.removeTitle', { name: removing?.name ?? '' })}
        body={t('settings.templates.removeBody')}
        confirmLabel={t('settings.templates.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await call(
            api.DELETE('/api/v1/storehelper/stores/{storeId}/templates/{id}', {
              params: { path: { storeId, id: removing.id } },
            }),
          );
          await queryClient.invalidateQueries({ queryKey: keys.templates(storeId) });
        }}
      />
    </Card>
  );
}
