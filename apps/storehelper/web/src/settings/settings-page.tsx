import { EmptyState, useTitle } from '@app/ui';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useT } from '../shared/i18n.js';
import { useStoreContext } from '../store/store-context.js';
import { AutoDraftForm } from './auto-draft-form.js';
import { CollectionCard } from './collection-card.js';
import { CompetitorsCard } from './competitors-card.js';
import { GoogleCard } from './google-card.js';
import { StaffCard } from './staff-card.js';
import { DetailsForm, PlatformsForm, ReplyStyleForm } from './store-forms.js';
import { TemplatesCard } from './templates-card.js';

/** A store's settings (the owner's): details, platforms, replies, staff, templates, competitors, collection. */
export function SettingsPage() {
  const { store, isOwner } = useStoreContext();
  const { t } = useT();
  const { hash } = useLocation();
  useTitle(`${t('store.settings')} · ${store.name}`);
  // Links such as "…/settings#collection" land on their section once the page is drawn.
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [hash]);
  if (!isOwner)
    return <EmptyState title={t('settings.ownerOnlyTitle')}>{t('settings.ownerOnlyBody')}</EmptyState>;
  return (
    <div className="flex flex-col gap-4">
      <h2 className="sr-only">{t('store.settings')}</h2>
      <DetailsForm store={store} />
      <PlatformsForm store={store} />
      <GoogleCard storeId={store.id} />
      <CollectionCard storeId={store.id} />
      <ReplyStyleForm store={store} />
      <AutoDraftForm store={store} />
      <TemplatesCard storeId={store.id} />
      <StaffCard storeId={store.id} />
      <CompetitorsCard storeId={store.id} />
    </div>
  );
}
