import { call } from '@app/client';
import { updateMeBodySchema } from '@app/contracts';
import { useTranslation } from 'react-i18next';
import { useApi, useSession, useTitle, useWebSession } from '../app/context.js';
import { Avatar } from '../components/avatar.js';
import { Badge } from '../components/badge.js';
import { Button } from '../components/button.js';
import { Card, PageHeader } from '../components/card.js';
import { SelectField, TextField } from '../components/field.js';
import { Form, useZodForm } from '../components/form.js';
import { useToast } from '../components/toast.js';
import { useFormat } from '../i18n/format.js';

/** Name and language of the account, as every app shows them. */
export function ProfilePage() {
  const { t, i18n } = useTranslation();
  useTitle(t('profile.title'));
  const { user } = useSession();
  const api = useApi();
  const session = useWebSession();
  const toast = useToast();
  const format = useFormat();
  const form = useZodForm(updateMeBodySchema, { name: user?.name ?? '', locale: user?.locale ?? 'ko' });
  if (!user) return null;
  const submit = form.onSubmit(async (body) => {
    const updated = await call(api.PATCH('/api/v1/me', { body }));
    session.setUser(updated);
    if (body.locale) await i18n.changeLanguage(body.locale);
    toast(t('common.saved'));
  });
  return (
    <>
      <PageHeader title={t('profile.title')} lead={t('profile.lead')} />
      <Card className="flex flex-col gap-6">
        <div className="flex items-center gap-4">
          <Avatar name={user.name} className="size-14 text-lg" />
          <div className="min-w-0">
            <p className="text-lg font-semibold">{user.name}</p>
            <p className="flex flex-wrap items-center gap-2 text-fg-muted">
              <span className="break-all">{user.email}</span>
              <Badge tone={user.emailVerified ? 'success' : 'neutral'}>
                {user.emailVerified ? t('profile.emailVerified') : t('profile.emailNotVerified')}
              </Badge>
            </p>
            <p className="text-sm text-fg-muted">
              {t('profile.memberSince', { date: format.date(user.createdAt) })}
            </p>
          </div>
        </div>
        <Form onSubmit={submit} error={form.formError} label={t('profile.title')}>
          <TextField label={t('auth.name')} autoComplete="name" {...form.field('name')} />
          <SelectField
            label={t('profile.language')}
            hint={t('profile.languageHint')}
            options={[
              { value: 'ko', label: t('languages.ko') },
              { value: 'en', label: t('languages.en') },
            ]}
            {...form.field('locale')}
          />
          <Button type="submit" loading={form.submitting} className="self-start">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
