import { Badge, Card } from '@app/ui';
import { useT } from '../shared/i18n.js';

// PLACEHOLDER (issue #17): the Google Business Profile connector lands separately; the lead wires
// its connect/disconnect routes here after merging it. Until then the section says "coming soon".
/** Connecting the store's Google Business Profile (reviews through the API, replies posted there). */
export function GoogleCard() {
  const { t } = useT();
  return (
    <Card className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="google" className="text-lg font-semibold">
          {t('settings.google.title')}
        </h2>
        <Badge>{t('settings.google.soon')}</Badge>
      </div>
      <p className="text-sm text-fg-muted">{t('settings.google.body')}</p>
    </Card>
  );
}
