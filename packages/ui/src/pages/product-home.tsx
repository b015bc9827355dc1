import type { AppName } from '@app/contracts';
import { useTranslation } from 'react-i18next';
import { useSession, useTitle } from '../app/context.js';
import { PageHeader } from '../components/card.js';
import { EmptyState } from '../components/states.js';

/**
 * An app's first screen until its product issue fills it: says honestly what will be here,
 * with no made-up data.
 */
export function ProductHome({ app }: { app: AppName }) {
  const { t } = useTranslation();
  const { user } = useSession();
  useTitle(t(`apps.${app}.name`));
  return (
    <>
      <PageHeader title={t('home.welcome', { name: user?.name ?? '' })} lead={t(`apps.${app}.description`)} />
      <EmptyState title={t(`apps.${app}.emptyTitle`)}>
        <p>{t(`apps.${app}.emptyBody`)}</p>
      </EmptyState>
    </>
  );
}
