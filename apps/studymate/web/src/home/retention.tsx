import type { Dashboard } from '@app/studymate-contracts';
import { Card, useFormat } from '@app/ui';
import { useT } from '../shared/i18n.js';

/** True retention (last 30 days) and accuracy per subject. */
export function RetentionCard({ data }: { data: Dashboard }) {
  const { t } = useT();
  const format = useFormat();
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <Card className="flex flex-col gap-2 lg:col-span-2">
        <h2 className="text-lg font-semibold">{t('home.retention')}</h2>
        <p className="text-4xl font-bold tabular-nums">
          {data.trueRetention === null ? '—' : percent.format(data.trueRetention)}
        </p>
        <p className="text-sm text-fg-muted">
          {data.trueRetention === null ? t('home.retentionNone') : t('home.retentionHelp')}
        </p>
      </Card>
      <Card className="flex flex-col gap-3 lg:col-span-3">
        <h2 className="text-lg font-semibold">{t('home.bySubject')}</h2>
        {data.subjects.length === 0 ? (
          <p className="text-fg-muted">{t('home.noSubjects')}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {data.subjects.map((subject) => (
              <li key={subject.subjectId ?? subject.name} className="flex flex-col gap-1">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="flex items-center gap-2 font-semibold">
                    <span
                      aria-hidden="true"
                      className="size-3 rounded-full"
                      style={{ background: subject.color }}
                    />
                    {subject.name}
                  </span>
                  <span className="text-sm text-fg-muted">
                    {subject.accuracy === null
                      ? t('home.noAnswers')
                      : t('home.accuracy', { percent: percent.format(subject.accuracy) })}
                    {' · '}
                    {t('home.minutes', { count: Math.round(subject.studySeconds / 60) })}
                    {' · '}
                    {t('home.reviewsCount', { count: subject.reviews })}
                  </span>
                </div>
                <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-surface-muted">
                  <div
                    className="h-full rounded-full bg-accent"
                    style={{ width: `${Math.round((subject.accuracy ?? 0) * 100)}%` }}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
