import { useTranslation } from 'react-i18next';
import { useTitle } from '../app/context.js';
import { PageHeader } from '../components/card.js';
import { Tabs } from '../components/tabs.js';
import { ApiKeysPanel } from './security-api-keys.js';
import { SessionsPanel } from './security-sessions.js';
import { TwoFactorPanel } from './security-two-factor.js';

/** Sessions with revoke, two-step verification (QR code, backup codes) and API keys. */
export function SecurityPage() {
  const { t } = useTranslation();
  useTitle(t('security.title'));
  return (
    <>
      <PageHeader title={t('security.title')} lead={t('security.lead')} />
      <Tabs
        label={t('security.title')}
        tabs={[
          { value: 'sessions', label: t('security.tabs.sessions'), content: <SessionsPanel /> },
          { value: 'two-factor', label: t('security.tabs.twoFactor'), content: <TwoFactorPanel /> },
          { value: 'api-keys', label: t('security.tabs.apiKeys'), content: <ApiKeysPanel /> },
        ]}
      />
    </>
  );
}
