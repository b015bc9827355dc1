import { call } from '@app/client';
import type { MaterialDetail, StudymatePaths } from '@app/studymate-contracts';
import { Button, Card, ErrorState, LoadingState, PageHeader, useApi, useTitle } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../shared/confirm-dialog.js';
import { keys, useSubjects } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { HighlightBar, HighlightsPanel } from './highlights-panel.js';
import { jumpToPassage } from './jump.js';
import { MaterialActions } from './material-actions.js';
import { Passages } from './passages.js';
import { QuizList } from './quiz-list.js';
import { FailedStatus, isProcessing, ProcessingStatus } from './status.js';
import { Summary } from './summary.js';
import { useMaterialActions } from './use-material-actions.js';
import { usePassageSelection } from './use-selection.js';

/**
 * A material: while it is read, its stage and progress (polled every 1.5 s); when it failed, why,
 * with Retry and Delete; when ready, the reader (summary citing passages, key terms, passages
 * with highlights) and what to study from it. `?passage=N` opens at passage N.
 */
export function MaterialPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const api = useApi<StudymatePaths>();
  const errorText = useErrorText();
  const detail = useQuery({
    queryKey: keys.material(id),
    queryFn: () => call(api.GET('/api/v1/studymate/materials/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data && isProcessing(query.state.data.material) ? 1500 : false),
  });
  useTitle(detail.data?.material.title ?? t('reader.title'));
  if (detail.isPending) return <LoadingState />;
  if (detail.isError)
    return (
      <>
        <PageHeader title={t('reader.title')} />
        <ErrorState message={errorText(detail.error)} onRetry={() => void detail.refetch()} />
      </>
    );
  return <MaterialView detail={detail.data} />;
}

function MaterialView({ detail }: { detail: MaterialDetail }) {
  const { t } = useT();
  const { material } = detail;
  const subjects = useSubjects();
  const navigate = useNavigate();
  const subject = subjects.data?.items.find((item) => item.id === material.subjectId);
  const { retry, remove } = useMaterialActions(material);
  const [deleting, setDeleting] = useState(false);
  const lead = [
    subject?.name,
    t(`material.kind.${material.kind}`),
    material.pageCount !== null ? t('material.pages', { count: material.pageCount }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          to={`/subjects?subject=${material.subjectId}`}
          className="font-semibold text-accent underline underline-offset-4"
        >
          ← {subject ? t('reader.backTo', { subject: subject.name }) : t('reader.back')}
        </Link>
      </p>
      <PageHeader title={material.title} lead={lead} />
      {isProcessing(material) ? (
        <Card className="flex flex-col gap-3">
          <ProcessingStatus material={material} />
          <p className="text-sm text-fg-muted">{t('reader.processingHint')}</p>
        </Card>
      ) : material.status === 'failed' ? (
        <FailedStatus
          material={material}
          onRetry={() => retry.mutate()}
          retrying={retry.isPending}
          onDelete={() => setDeleting(true)}
        />
      ) : (
        <Reader detail={detail} onDelete={() => setDeleting(true)} />
      )}
      <ConfirmDialog
        open={deleting}
        title={t('material.deleteTitle', { title: material.title })}
        body={t('material.deleteBody')}
        confirmLabel={t('material.delete')}
        onConfirm={async () => {
          await remove();
          navigate(`/subjects?subject=${material.subjectId}`, { replace: true });
        }}
        onClose={() => setDeleting(false)}
      />
    </>
  );
}

function Reader({ detail, onDelete }: { detail: MaterialDetail; onDelete: () => void }) {
  const { t } = useT();
  const { material, passages, analysis, highlights } = detail;
  const [params] = useSearchParams();
  const location = useLocation();
  const [selection, clearSelection] = usePassageSelection();
  // Opened at a passage (from a quiz's "see passage" or a card's source) or at the quizzes: go there once.
  const target = params.get('passage');
  const jumped = useRef<string | null>(null);
  useEffect(() => {
    const key = `${location.key}:${target ?? location.hash}`;
    if (jumped.current === key) return;
    jumped.current = key;
    if (target !== null) jumpToPassage(Number(target));
    else if (location.hash === '#quizzes')
      document.getElementById('quizzes')?.scrollIntoView({ block: 'start' });
  }, [target, location.key, location.hash]);
  return (
    // Phones read summary, study actions, then the text; wide screens keep the actions beside both.
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 lg:col-start-1">
        {analysis ? (
          <Summary analysis={analysis} passages={passages} />
        ) : (
          <Card>
            <p className="text-fg-muted">{t('reader.noAnalysis')}</p>
          </Card>
        )}
      </div>
      <aside
        className="flex flex-col gap-6 lg:col-start-2 lg:row-span-2 lg:row-start-1"
        aria-label={t('reader.side')}
      >
        <MaterialActions materialId={material.id} />
        <QuizList materialId={material.id} />
        <HighlightsPanel materialId={material.id} highlights={highlights} passages={passages} />
        <Button variant="danger" onClick={onDelete}>
          {t('material.delete')}
        </Button>
      </aside>
      <Card className="flex min-w-0 flex-col gap-2 lg:col-start-1">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold">{t('reader.text')}</h2>
          <p className="text-sm text-fg-muted">{t('reader.selectHint')}</p>
        </div>
        <Passages passages={passages} highlights={highlights} />
      </Card>
      <HighlightBar materialId={material.id} selection={selection} onDone={clearSelection} />
    </div>
  );
}
