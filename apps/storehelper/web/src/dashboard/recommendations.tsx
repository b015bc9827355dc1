import type { Dashboard } from '@app/storehelper-contracts';
import { Card } from '@app/ui';
import { Link } from 'react-router';
import { useT } from '../shared/i18n.js';

type Recommendation = Dashboard['recommendations'][number];

/** Where each recommendation leads: the inbox view to act in, or the settings. */
function target(storeId: string, rec: Recommendation): string {
  const base = `/stores/${storeId}`;
  switch (rec.kind) {
    case 'answer-urgent':
      return `${base}?status=urgent`;
    case 'answer-unanswered':
      return `${base}?status=unanswered`;
    case 'fix-aspect':
      return `${base}?sentiment=negative`;
    case 'praise-aspect':
      return `${base}?sentiment=positive`;
    case 'collect':
      return `${base}/import`;
    case 'connect':
      return `${base}/settings#platforms`;
  }
}

/** What to do next, each a link to the place where it is done. */
export function Recommendations({
  recommendations,
  storeId,
  isOwner,
}: {
  recommendations: Dashboard['recommendations'];
  storeId: string;
  isOwner: boolean;
}) {
  const { t } = useT();
  // Staff cannot import or change settings: those are the owner's to do.
  const shown = recommendations.filter(
    (rec) => isOwner || (rec.kind !== 'collect' && rec.kind !== 'connect'),
  );
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">{t('dashboard.recommendations')}</h2>
      {shown.length === 0 ? (
        <p className="text-fg-muted">{t('dashboard.noRecommendations')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {shown.map((rec) => (
            <li key={`${rec.kind}-${rec.aspect ?? ''}`}>
              <Link
                to={target(storeId, rec)}
                className="flex min-h-11 items-center justify-between gap-3 rounded-lg border border-border px-4 py-2 font-semibold hover:bg-surface-muted"
              >
                <span>
                  {t(`dashboard.rec.${rec.kind}`, {
                    count: rec.count ?? 0,
                    aspect: rec.aspect ? t(`aspects.${rec.aspect}`) : '',
                  })}
                </span>
                <span aria-hidden="true" className="text-accent">
                  →
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
