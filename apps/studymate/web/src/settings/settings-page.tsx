import { ErrorState, LoadingState, PageHeader, useTitle } from '@app/ui';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useSettings } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { OptimizerCard } from './optimizer-card.js';
import { ReportsCard } from './reports-card.js';
import { SettingsForm } from './settings-form.js';

/** The learner's settings, the FSRS optimiser, and the weekly reports. */
export function SettingsPage() {
  const { t } = useT();
  useTitle(t('settings.title'));
  const errorText = useErrorText();
  const settings = useSettings({ poll: true });
  const location = useLocation();
  const ready = settings.isSuccess;
  useEffect(() => {
    if (ready && location.hash === '#optimizer')
      document.getElementById('optimizer')?.scrollIntoView({ block: 'start' });
  }, [ready, location.hash]);
  return (
    <>
      <PageHeader title={t('settings.title')} lead={t('settings.lead')} />
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState message={errorText(settings.error)} onRetry={() => void settings.refetch()} />
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-2">
          <SettingsForm settings={settings.data} />
          <div className="flex flex-col gap-6">
            <OptimizerCard settings={settings.data} />
            <ReportsCard />
          </div>
        </div>
      )}
    </>
  );
}
