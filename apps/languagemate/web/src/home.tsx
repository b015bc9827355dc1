import { call } from '@app/client';
import {
  EmptyState,
  ErrorState,
  errorMessage,
  LoadingState,
  PageHeader,
  useApi,
  useAppTitle,
  useSession,
  useTitle,
} from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/** The first screen after sign-in: the caller's role in languagemate (from the API). */
export function Home() {
  const { t } = useTranslation('languagemate');
  const { t: kit } = useTranslation();
  const { user } = useSession();
  const api = useApi();
  useTitle(useAppTitle());
  const overview = useQuery({
    queryKey: ['languagemate', 'overview'],
    queryFn: () => call(api.GET('/api/v1/languagemate/overview')),
  });
  return (
    <>
      <PageHeader title={kit('home.welcome', { name: user?.name ?? '' })} lead={t('home.lead')} />
      {overview.isPending ? (
        <LoadingState />
      ) : overview.isError ? (
        <ErrorState message={errorMessage(overview.error, kit)} onRetry={() => void overview.refetch()} />
      ) : (
        <EmptyState title={t('home.role', { role: t(`home.roles.${overview.data.role}`) })} />
      )}
    </>
  );
}
