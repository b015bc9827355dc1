import { type Store, storePatchSchema } from '@app/storehelper-contracts';
import { Button, Card, Form, SelectField, TextField, useSeededForm, useToast } from '@app/ui';
import { useTranslation } from 'react-i18next';
import { useT } from '../shared/i18n.js';
import { useStorePatch } from './use-store-patch.js';

/** Every IANA time zone the browser knows, with the store's own first when it is not among them. */
function zones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

/** The store's name, address, category and time zone (reports go out at 09:00 there). */
export function DetailsForm({ store }: { store: Store }) {
  const { t } = useT();
  const { t: kit } = useTranslation();
  const toast = useToast();
  const patch = useStorePatch(store.id);
  const form = useSeededForm(storePatchSchema, store, (s) => ({
    name: s.name,
    address: s.address,
    category: s.category,
    timeZone: s.timeZone,
  }));
  const submit = form.onSubmit(async (body) => {
    await patch(body);
    toast(kit('common.saved'));
  });
  return (
    <Card>
      <h2 id="details" className="mb-4 text-lg font-semibold">
        {t('settings.details')}
      </h2>
      <Form onSubmit={submit} error={form.formError} label={t('settings.details')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('stores.name')}
            maxLength={80}
            autoComplete="organization"
            {...form.field('name')}
          />
          <TextField
            label={t('stores.category')}
            maxLength={80}
            placeholder={t('stores.categoryPlaceholder')}
            {...form.field('category')}
          />
          <div className="sm:col-span-2">
            <TextField
              label={t('stores.address')}
              maxLength={300}
              autoComplete="street-address"
              {...form.field('address')}
            />
          </div>
          <SelectField
            label={t('settings.timeZone')}
            hint={t('settings.timeZoneHint')}
            options={zones(store.timeZone).map((zone) => ({ value: zone, label: zone }))}
            {...form.field('timeZone')}
          />
        </div>
        <Button type="submit" loading={form.submitting} className="self-start">
          {kit('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** The store's Naver Place and Kakao Map ids (a pasted place address is reduced to its id). */
export function PlatformsForm({ store }: { store: Store }) {
  const { t } = useT();
  const { t: kit } = useTranslation();
  const toast = useToast();
  const patch = useStorePatch(store.id);
  const form = useSeededForm(storePatchSchema, store, (s) => ({
    naverPlaceId: s.naverPlaceId ?? '',
    kakaoPlaceId: s.kakaoPlaceId ?? '',
  }));
  const submit = form.onSubmit(async (body) => {
    await patch(body);
    toast(kit('common.saved'));
  });
  return (
    <Card>
      <h2 id="platforms" className="text-lg font-semibold">
        {t('settings.platforms')}
      </h2>
      <p className="mb-4 text-sm text-fg-muted">{t('settings.platformsLead')}</p>
      <Form onSubmit={submit} error={form.formError} label={t('settings.platforms')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('stores.naver')}
            hint={t('stores.naverHint')}
            inputMode="url"
            autoComplete="off"
            {...form.field('naverPlaceId')}
          />
          <TextField
            label={t('stores.kakao')}
            hint={t('stores.kakaoHint')}
            inputMode="url"
            autoComplete="off"
            {...form.field('kakaoPlaceId')}
          />
        </div>
        <Button type="submit" loading={form.submitting} className="self-start">
          {kit('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** How replies sound: the tone the AI drafts in (and the checks expect) and the signature. */
export function ReplyStyleForm({ store }: { store: Store }) {
  const { t } = useT();
  const { t: kit } = useTranslation();
  const toast = useToast();
  const patch = useStorePatch(store.id);
  const form = useSeededForm(storePatchSchema, store, (s) => ({
    replyTone: s.replyTone,
    replySignature: s.replySignature,
  }));
  const submit = form.onSubmit(async (body) => {
    await patch(body);
    toast(kit('common.saved'));
  });
  return (
    <Card>
      <h2 id="replies" className="mb-4 text-lg font-semibold">
        {t('settings.replyStyle')}
      </h2>
      <Form onSubmit={submit} error={form.formError} label={t('settings.replyStyle')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t('settings.tone')}
            hint={t('settings.toneHint')}
            options={(['friendly', 'formal', 'apologetic'] as const).map((tone) => ({
              value: tone,
              label: t(`tones.${tone}`),
            }))}
            {...form.field('replyTone')}
          />
          <TextField
            label={t('settings.signature')}
            hint={t('settings.signatureHint')}
            maxLength={200}
            placeholder={t('settings.signaturePlaceholder')}
            {...form.field('replySignature')}
          />
        </div>
        <Button type="submit" loading={form.submitting} className="self-start">
          {kit('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
