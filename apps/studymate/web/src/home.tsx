import { call } from '@app/client';
import type { StudymatePaths } from '@app/studymate-contracts';
import {
  EmptyState,
  ErrorState,
  errorMessage,
  LoadingState,
  PageHeader,
  useApi,
  useAppTitle,
  useLocalized,
  useSession,
  useTitle,
  useWebApp,
} from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/** The first screen after sign-in: the caller's role in studymate (from the API). */
export function Home() {
  const { t } = useTranslation('studymate');
  const { t: kit } = useTranslation();
  const { user } = useSession();
  const api = useApi<StudymatePaths>();
  const pick = useLocalized();
  const { manifest } = useWebApp();
  useTitle(useAppTitle());
  const overview = useQuery({
    queryKey: ['studymate', 'overview'],
    queryFn: () => call(api.GET('/api/v1/studymate/overview')),
  });
  return (
    <>
      <PageHeader title={kit('home.welcome', { name: user?.name ?? '' })} lead={pick(manifest.description)} />
      <EmptyState title={t('home.emptyTitle')}>
        <p>{t('home.lead')}</p>
        {overview.isPending ? (
          <LoadingState />
        ) : overview.isError ? (
          <ErrorState message={errorMessage(overview.error, kit)} onRetry={() => void overview.refetch()} />
        ) : (
          <p>{t('home.role', { role: t(`home.roles.${overview.data.role}`) })}</p>
        )}
      </EmptyState>
    </>
  );
}
