import { buttonClass, ErrorState, LoadingState, Tabs, useAppTitle, useSession, useTitle } from '@app/ui';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { emptyDraft } from '../onboarding/draft.js';
import { ProfileStepper } from '../onboarding/profile-stepper.js';
import { useOverview, usePartners, useProfile, useRequests } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { OfflineNotice, useLiveLists } from '../shared/live.js';
import { PersonAvatar } from '../shared/person.js';
import { browserZone } from '../shared/zones.js';
import { Partners } from './partners.js';
import { Requests } from './requests.js';
import { Suggestions } from './suggestions.js';

const TABS = ['suggestions', 'requests', 'partners'] as const;
type Tab = (typeof TABS)[number];

/**
 * The first screen: the onboarding stepper until the profile exists, then suggestions, requests
 * and partners. Notification links of the form `/languagemate/#/requests` land here too.
 */
export function HomePage() {
  const { user } = useSession();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const profile = useProfile();
  useTitle(useAppTitle());

  useEffect(() => {
    const hash = window.location.hash;
    if (!hash.startsWith('#/')) return;
    const target = hash.slice(1);
    navigate(target === '/requests' ? '/?tab=requests' : target, { replace: true });
  }, [navigate]);

  if (!user || profile.isPending) return <LoadingState />;
  if (profile.isError)
    return <ErrorState message={errorText(profile.error)} onRetry={() => void profile.refetch()} />;
  if (!profile.data.profile)
    return (
      <ProfileStepper
        mode="onboarding"
        userId={user.id}
        initial={emptyDraft(user.name, browserZone())}
        onSaved={() => window.scrollTo({ top: 0 })}
      />
    );
  return (
    <HomeView
      name={profile.data.profile.displayName}
      photoFileId={profile.data.profile.photoFileId}
      zone={profile.data.profile.timeZone}
    />
  );
}

function HomeView({ name, photoFileId, zone }: { name: string; photoFileId: string | null; zone: string }) {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const online = useLiveLists();
  const tabParam = params.get('tab');
  const tab: Tab = TABS.find((value) => value === tabParam) ?? 'suggestions';
  const incoming = useRequests('incoming');
  const partners = usePartners();
  const overview = useOverview();
  const incomingCount = incoming.data?.items.length ?? 0;
  const unread = partners.data?.items.reduce((sum, p) => sum + p.unread, 0) ?? 0;
  const canReview = overview.data?.abilities.includes('reports.review') ?? false;
  const count = (n: number) => (n > 0 ? ` (${n})` : '');
  return (
    <div className="flex flex-col gap-6">
      <header className="flex items-center gap-3">
        <PersonAvatar name={name} photoFileId={photoFileId} className="size-12 text-lg" />
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-2xl font-bold tracking-tight">{t('home.hello', { name })}</h1>
          <Link to="/profile" className="text-sm font-semibold text-accent underline underline-offset-4">
            {t('home.editProfile')}
          </Link>
        </div>
      </header>
      <nav aria-label={t('home.shortcuts')} className="flex flex-wrap gap-2">
        <Link to="/dashboard" className={buttonClass('secondary')}>
          {t('nav.dashboard')}
        </Link>
        <Link to="/schedule" className={buttonClass('secondary')}>
          {t('nav.schedule')}
        </Link>
        <Link to="/corrections" className={buttonClass('secondary')}>
          {t('nav.corrections')}
        </Link>
        {canReview && (
          <Link to="/admin/reports" className={buttonClass('secondary')}>
            {t('nav.admin')}
          </Link>
        )}
      </nav>
      <OfflineNotice online={online} />
      <Tabs
        label={t('home.tabsLabel')}
        value={tab}
        onValueChange={(value) => setParams(value === 'suggestions' ? {} : { tab: value }, { replace: true })}
        tabs={[
          { value: 'suggestions', label: t('home.tabs.suggestions'), content: <Suggestions myZone={zone} /> },
          {
            value: 'requests',
            label: `${t('home.tabs.requests')}${count(incomingCount)}`,
            content: <Requests />,
          },
          { value: 'partners', label: `${t('home.tabs.partners')}${count(unread)}`, content: <Partners /> },
        ]}
      />
    </div>
  );
}
