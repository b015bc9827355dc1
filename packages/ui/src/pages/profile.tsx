import { call } from '@app/client';
import { type User, updateMeBodySchema } from '@app/contracts';
import { useTranslation } from 'react-i18next';
import { useApi, useSession, useTitle, useWebSession } from '../app/context.js';
import { Avatar } from '../components/avatar.js';
import { Badge } from '../components/badge.js';
import { Button } from '../components/button.js';
import { Card, PageHeader } from '../components/card.js';
import { SelectField, TextField } from '../components/field.js';
import { Form } from '../components/form.js';
import { useSeededForm } from '../components/form-state.js';
import { LoadingState } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { useFormat } from '../i18n/format.js';

const profileValues = (user: User) => ({ name: user.name, locale: user.locale });

/** Name and language of the account, as every app shows them. */
export function ProfilePage() {
  const { t } = useTranslation();
  useTitle(t('profile.title'));
  const { user } = useSession();
  // The page is only routed for a signed-in user; the form needs the loaded account to start from.
  if (!user) return <LoadingState />;
  return <Profile user={user} />;
}

function Profile({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const session = useWebSession();
  const toast = useToast();
  const format = useFormat();
  // The session's user changes under the form (another tab, the language switch, this save): what
  // the person typed stays, the fields they left follow.
  const form = useSeededForm(updateMeBodySchema, user, profileValues);
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
