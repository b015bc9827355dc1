import { PageHeader, useAppTitle, useLocalized, useSession, useTitle, useWebApp } from '@app/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hashTarget } from './shared/hash-link.js';
import { Stores } from './stores.js';

/** The first screen after sign-in: the stores one owns or staffs, and adding one. */
export function HomePage() {
  const { t } = useTranslation('storehelper');
  const { t: kit } = useTranslation();
  const { user } = useSession();
  const pick = useLocalized();
  const { manifest } = useWebApp();
  const navigate = useNavigate();
  useTitle(useAppTitle());
  useEffect(() => {
    const target = hashTarget(window.location.hash);
    if (target) navigate(target, { replace: true });
  }, [navigate]);
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
