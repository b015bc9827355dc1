import type { Dashboard } from '@app/studymate-contracts';
import { Card, useFormat } from '@app/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../shared/i18n.js';
import { GoalRing } from './ring.js';

/** Today: study time against the daily goal, reviews done, cards due now, and the streak. */
export function TodayCard({ data }: { data: Dashboard }) {
  const { t } = useT();
  const format = useFormat();
  const studied = Math.floor(data.today.studySeconds / 60);
  const goal = Math.round(data.today.goalSeconds / 60);
  return (
    <Card className="flex flex-col gap-5">
      <h2 className="text-lg font-semibold">{t('home.today')}</h2>
      <div className="flex items-center gap-5">
        <GoalRing value={data.today.studySeconds} goal={data.today.goalSeconds} label={t('home.goalRing')} />
        <div className="flex flex-col gap-1">
          <p className="text-3xl font-bold tabular-nums">
            {t('home.minutes', { count: studied })}
            <span className="text-base font-normal text-fg-muted">
              {' '}
              / {t('home.minutes', { count: goal })}
            </span>
          </p>
          <p className="text-sm text-fg-muted">
            {studied >= goal ? t('home.goalReached') : t('home.goalLeft', { count: goal - studied })}
          </p>
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3">
        <Stat label={t('home.reviewsToday')} value={format.number(data.today.reviews)} />
        <Stat
          label={t('home.dueNow')}
          value={format.number(data.today.due)}
          note={
            data.today.due > 0 ? (
              <Link to="/review" className="font-semibold text-accent underline underline-offset-4">
                {t('home.reviewNow')}
              </Link>
            ) : undefined
          }
        />
        <Stat
          label={t('home.streak')}
          value={t('home.days', { count: data.streak.current })}
          note={t('home.longest', { count: data.streak.longest })}
        />
        <Stat label={t('home.totalCards')} value={format.number(data.totals.cards)} />
      </dl>
    </Card>
  );
}

/** One figure with its label (inside a `<dl>`). */
export function Stat({ label, value, note }: { label: string; value: string; note?: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 rounded-lg border border-border p-3">
      <dt className="text-sm text-fg-muted">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums">{value}</dd>
      {note && <dd className="text-sm">{note}</dd>}
    </div>
  );
}
