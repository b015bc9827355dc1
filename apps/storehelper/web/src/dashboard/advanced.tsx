import type { Dashboard, Store } from '@app/storehelper-contracts';
import { Card, UpgradePrompt, useEntitlements, useFormat } from '@app/ui';
import { Link } from 'react-router';
import { useT } from '../shared/i18n.js';

/**
 * Premium's analysis: what customers praise and criticise by aspect, recurring complaints with
 * example reviews, and the competitors side by side. Without it: the upgrade prompt to the owner,
 * a note to staff (the plan is the owner's).
 */
export function Advanced({ data, store, isOwner }: { data: Dashboard; store: Store; isOwner: boolean }) {
  const { t } = useT();
  const plan = useEntitlements().data?.plan;
  if (!data.advanced)
    return (
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">{t('dashboard.advanced')}</h2>
        <p className="text-fg-muted">{t('dashboard.advancedLead')}</p>
        {isOwner ? (
          <UpgradePrompt
            limit={{
              app: 'storehelper',
              plan: plan ?? 'free',
              key: 'advancedAnalytics',
              kind: 'feature',
              allowed: null,
              used: 0,
              upgradeTo: 'premium',
            }}
          />
        ) : (
          <p>{t('dashboard.advancedStaff')}</p>
        )}
      </Card>
    );
  return (
    <>
      <div className="grid gap-4 lg:grid-cols-2">
        <Aspects aspects={data.aspects ?? []} />
        <Complaints complaints={data.complaints ?? []} storeId={store.id} />
      </div>
      <Competitors data={data} store={store} />
    </>
  );
}

function Aspects({ aspects }: { aspects: NonNullable<Dashboard['aspects']> }) {
  const { t } = useT();
  const most = Math.max(1, ...aspects.map((row) => row.positive + row.negative + row.neutral));
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('dashboard.aspects')}</h2>
      <p className="mb-3 text-sm text-fg-muted">{t('dashboard.aspectsLead')}</p>
      {aspects.length === 0 ? (
        <p className="text-fg-muted">{t('dashboard.noAspects')}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {aspects.map((row) => (
            <li key={row.aspect} className="flex flex-col gap-1">
              <div className="flex items-baseline justify-between gap-2 text-sm">
                <span className="font-semibold">{t(`aspects.${row.aspect}`)}</span>
                <span className="tabular-nums">
                  <span className="text-success">{t('dashboard.praised', { count: row.positive })}</span>
                  {' · '}
                  <span className="text-danger">{t('dashboard.criticised', { count: row.negative })}</span>
                </span>
              </div>
              <div aria-hidden="true" className="flex h-2.5 overflow-hidden rounded-full bg-surface-muted">
                <div className="h-full bg-success" style={{ width: `${(row.positive / most) * 100}%` }} />
                <div className="h-full bg-danger" style={{ width: `${(row.negative / most) * 100}%` }} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Complaints({
  complaints,
  storeId,
}: {
  complaints: NonNullable<Dashboard['complaints']>;
  storeId: string;
}) {
  const { t } = useT();
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('dashboard.complaints')}</h2>
      <p className="mb-3 text-sm text-fg-muted">{t('dashboard.complaintsLead')}</p>
      {complaints.length === 0 ? (
        <p className="text-fg-muted">{t('dashboard.noComplaints')}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {complaints.map((row) => (
            <li key={row.aspect} className="flex flex-col gap-1.5">
              <p className="font-semibold">
                {t('dashboard.complaint', { aspect: t(`aspects.${row.aspect}`), count: row.count })}
              </p>
              <ul className="flex flex-col gap-1">
                {row.examples.slice(0, 3).map((example) => (
                  <li key={example.reviewId}>
                    <Link
                      to={`/stores/${storeId}?review=${example.reviewId}`}
                      className="block rounded-lg border-l-4 border-danger bg-surface-muted px-3 py-2 text-sm hover:underline"
                    >
                      “{example.evidence}”
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Competitors({ data, store }: { data: Dashboard; store: Store }) {
  const { t } = useT();
  const format = useFormat();
  const rows = [
    {
      id: store.id,
      name: t('dashboard.ourStore', { name: store.name }),
      reviews: data.totals.reviews,
      rating: data.totals.averageRating,
      sentiment: data.totals.averageSentiment,
    },
    ...(data.competitors ?? []).map((row) => ({
      id: row.storeId,
      name: row.name,
      reviews: row.reviews,
      rating: row.averageRating,
      sentiment: row.averageSentiment,
    })),
  ];
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">{t('dashboard.competitors')}</h2>
      {rows.length === 1 ? (
        <p className="text-fg-muted">
          {t('dashboard.noCompetitors')}{' '}
          <Link
            to={`/stores/${store.id}/settings#competitors`}
            className="font-semibold text-accent underline underline-offset-4"
          >
            {t('dashboard.addCompetitor')}
          </Link>
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('dashboard.competitors')}</caption>
            <thead>
              <tr className="border-b border-border">
                <th scope="col" className="py-2 pr-3">
                  {t('dashboard.col.store')}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t('dashboard.col.reviews')}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t('dashboard.col.rating')}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t('dashboard.col.sentiment')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.id} className={`border-b border-border ${index === 0 ? 'font-semibold' : ''}`}>
                  <th scope="row" className="py-2 pr-3 font-semibold">
                    {row.name}
                  </th>
                  <td className="py-2 pr-3 text-right tabular-nums">{format.number(row.reviews)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">
                    {row.rating === null ? '–' : row.rating.toFixed(2)}
                  </td>
                  <td className="py-2 text-right tabular-nums">
                    {row.sentiment === null ? '–' : row.sentiment.toFixed(2)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
