import { PageHeader, useAppTitle, useLocalized, useSession, useTitle, useWebApp } from '@app/ui';
import { useTranslation } from 'react-i18next';
import { Stores } from './stores.js';

/** The first screen after sign-in: the owner's stores, and what the app will show about them. */
export function HomePage() {
  const { t } = useTranslation('storehelper');
  const { t: kit } = useTranslation();
  const { user } = useSession();
  const pick = useLocalized();
  const { manifest } = useWebApp();
  useTitle(useAppTitle());
  return (
    <>
      <PageHeader title={kit('home.welcome', { name: user?.name ?? '' })} lead={pick(manifest.description)} />
      <div className="flex flex-col gap-6">
        <Stores />
        <p className="text-fg-muted">{t('home.lead')}</p>
      </div>
    </>
  );
}
