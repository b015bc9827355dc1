import { call } from '@app/client';
import { competitorInputSchema, type StorehelperPaths } from '@app/storehelper-contracts';
import {
  Badge,
  Button,
  Card,
  ErrorState,
  Form,
  LoadingState,
  TextField,
  useApi,
  useToast,
  useZodForm,
} from '@app/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/** Competitors tracked read-only, compared on the dashboard (Premium); they do not count as stores. */
export function CompetitorsCard({ storeId }: { storeId: string }) {
  const { t } = useT();
  const api = useApi<StorehelperPaths>();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorText = useErrorText();
  const path = { params: { path: { storeId } } };
  const competitors = useQuery({
    queryKey: keys.competitors(storeId),
    queryFn: () => call(api.GET('/api/v1/storehelper/stores/{storeId}/competitors', path)),
  });
  const form = useZodForm(competitorInputSchema, { name: '', naverPlaceId: '', kakaoPlaceId: '' });
  const submit = form.onSubmit(async (body) => {
    const added = await call(api.POST('/api/v1/storehelper/stores/{storeId}/competitors', { ...path, body }));
    form.reset({ name: '', naverPlaceId: '', kakaoPlaceId: '' });
    toast(t('settings.competitors.added', { name: added.name }));
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.competitors(storeId) }),
      queryClient.invalidateQueries({ queryKey: keys.dashboard(storeId) }),
    ]);
  });
  const items = competitors.data?.items ?? [];
  return (
    <Card className="flex flex-col gap-4">
      <div>
        <h2 id="competitors" className="text-lg font-semibold">
          {t('settings.competitors.title')}
        </h2>
        <p className="text-sm text-fg-muted">{t('settings.competitors.lead')}</p>
      </div>
      {competitors.isPending ? (
        <LoadingState />
      ) : competitors.isError ? (
        <ErrorState message={errorText(competitors.error)} onRetry={() => void competitors.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-fg-muted">{t('settings.competitors.empty')}</p>
      ) : (
        <ul
          aria-label={t('settings.competitors.title')}
          className="flex flex-col divide-y divide-border rounded-lg border border-border"
        >
          {items.map((competitor) => (
            <li key={competitor.id} className="flex flex-wrap items-center gap-2 px-4 py-2">
              <span className="flex-1 font-semibold">{competitor.name}</span>
              {competitor.naverPlaceId && (
                <Badge>{t('settings.competitors.naverId', { id: competitor.naverPlaceId })}</Badge>
              )}
              {competitor.kakaoPlaceId && (
                <Badge>{t('settings.competitors.kakaoId', { id: competitor.kakaoPlaceId })}</Badge>
              )}
            </li>
          ))}
        </ul>
      )}
      <Form onSubmit={submit} error={form.formError} label={t('settings.competitors.add')}>
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField
            label={t('settings.competitors.name')}
            maxLength={80}
            autoComplete="off"
            {...form.field('name')}
          />
          <TextField
            label={t('stores.naver')}
            hint={t('stores.naverHint')}
            autoComplete="off"
            {...form.field('naverPlaceId')}
          />
          <TextField
            label={t('stores.kakao')}
            hint={t('stores.kakaoHint')}
            autoComplete="off"
            {...form.field('kakaoPlaceId')}
          />
        </div>
        <Button type="submit" loading={form.submitting} className="self-start">
          {t('settings.competitors.add')}
        </Button>
      </Form>
    </Card>
  );
}
