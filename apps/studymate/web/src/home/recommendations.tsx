import { call } from '@app/client';
import type { Dashboard, StudymatePaths } from '@app/studymate-contracts';
import { Card, useApi } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { keys } from '../shared/data.js';
import { useT } from '../shared/i18n.js';

type Recommendation = Dashboard['recommendations'][number];

const linkClass =
  'flex min-h-11 items-center justify-between gap-3 rounded-lg border border-border px-4 py-2 font-semibold hover:bg-surface-muted';

/** What to do next, most useful first, each a link to where it is done. */
export function Recommendations({ items }: { items: Recommendation[] }) {
  const { t } = useT();
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t('home.next')}</h2>
      {items.length === 0 ? (
        <p className="text-fg-muted">{t('home.nothingNext')}</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2">
          {items.map((item) => (
            <li key={`${item.kind}-${item.materialId ?? ''}`}>
              <RecommendationLink item={item} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function RecommendationLink({ item }: { item: Recommendation }) {
  const { t } = useT();
  const count = item.count ?? 0;
  const arrow = <span aria-hidden="true">→</span>;
  switch (item.kind) {
    case 'review':
      return (
        <Link to="/review" className={linkClass}>
          {t('home.rec.review', { count })}
          {arrow}
        </Link>
      );
    case 'new-cards':
      return (
        <Link to="/review" className={linkClass}>
          {t('home.rec.newCards', { count })}
          {arrow}
        </Link>
      );
    case 'quiz':
      return item.materialId && item.subjectId ? (
        <QuizLink materialId={item.materialId} subjectId={item.subjectId} />
      ) : null;
    case 'material':
      return (
        <Link to="/subjects" className={linkClass}>
          {t('home.rec.material')}
          {arrow}
        </Link>
      );
    case 'optimize':
      return (
        <Link to="/settings#optimizer" className={linkClass}>
          {t('home.rec.optimize', { count })}
          {arrow}
        </Link>
      );
    case 'goal':
      return (
        <button
          type="button"
          className={`${linkClass} w-full text-left`}
          onClick={() => {
            const timer = document.getElementById('timer');
            timer?.scrollIntoView({ block: 'center' });
            timer?.parentElement?.querySelector<HTMLElement>('button, select')?.focus();
          }}
        >
          {t('home.rec.goal', { count })}
          {arrow}
        </button>
      );
  }
}

/** "Take a quiz on <material>": the title comes from the subject's material list (shared cache). */
function QuizLink({ materialId, subjectId }: { materialId: string; subjectId: string }) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const materials = useQuery({
    // Not the subject page's paged list (another shape), but under its key, so it refreshes with it.
    queryKey: [...keys.materials(subjectId), 'first-page'],
    queryFn: () =>
      call(api.GET('/api/v1/studymate/materials', { params: { query: { subjectId, limit: 100 } } })),
  });
  const title = materials.data?.items.find((material) => material.id === materialId)?.title;
  return (
    <Link to={`/materials/${materialId}#quizzes`} className={linkClass}>
      {title ? t('home.rec.quizOn', { title }) : t('home.rec.quiz')}
      <span aria-hidden="true">→</span>
    </Link>
  );
}
