import { call } from '@app/client';
import type { Grade, ReviewNext, StudymatePaths } from '@app/studymate-contracts';
import {
  Button,
  buttonClass,
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  useApi,
  useFormat,
  useTitle,
  useToast,
} from '@app/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { keys, useDashboard } from '../shared/data.js';
import { codeOf, useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { MarkdownText } from '../shared/markdown-text.js';
import { nextDueDay } from '../shared/time.js';
import { GradeButtons } from './grade-buttons.js';
import { shortcutOf } from './keys.js';

/**
 * The review session: the front, Space or Enter shows the back, 1-4 grade it (Again and Good only
 * in pass/fail mode), z or Ctrl+Z undoes the last grade. What is left today is counted above.
 */
export function ReviewPage() {
  const { t } = useT();
  useTitle(t('review.title'));
  const api = useApi<StudymatePaths>();
  const errorText = useErrorText();
  const next = useQuery({
    queryKey: keys.review,
    queryFn: () => call(api.GET('/api/v1/studymate/review/next')),
    refetchOnMount: 'always',
  });
  return (
    <>
      <PageHeader title={t('review.title')} />
      {next.isPending ? (
        <LoadingState />
      ) : next.isError ? (
        <ErrorState message={errorText(next.error)} onRetry={() => void next.refetch()} />
      ) : (
        <Session data={next.data} loading={next.isFetching} />
      )}
    </>
  );
}

function Session({ data, loading }: { data: ReviewNext; loading: boolean }) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { card, preview, remaining, passFail } = data;
  const showing = card ? `${card.id}:${card.reps}` : null;
  const [revealed, setRevealed] = useState<string | null>(null);
  const shownAt = useRef(Date.now());
  const answer = useRef<HTMLElement>(null);
  const front = useRef<HTMLElement>(null);
  // A new card (or the same one back after an undo) starts hidden, its clock from now, with the
  // focus on its question (read out, and Space works from there whatever was focused before).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another showing starts
  useEffect(() => {
    shownAt.current = Date.now();
    front.current?.focus({ preventScroll: true });
  }, [showing]);
  const isRevealed = showing !== null && revealed === showing;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.review }),
      queryClient.invalidateQueries({ queryKey: keys.dashboard }),
    ]);
  const grade = useMutation({
    mutationFn: (value: Grade) => {
      if (!card) throw new Error('no card');
      return call(
        api.POST('/api/v1/studymate/cards/{id}/review', {
          params: { path: { id: card.id } },
          body: {
            grade: value,
            reps: card.reps,
            durationMs: Math.min(3_600_000, Math.max(0, Date.now() - shownAt.current)),
          },
        }),
      );
    },
    // Graded already (a double tap, another tab): the next card is all that is needed.
    onError: (error) => {
      if (codeOf(error) !== 'ALREADY_REVIEWED') toast(errorText(error), 'danger');
    },
    onSettled: refresh,
  });
  const undo = useMutation({
    mutationFn: () => call(api.POST('/api/v1/studymate/review/undo')),
    onSuccess: () => toast(t('review.undone'), 'neutral'),
    onError: (error) => toast(errorText(error), codeOf(error) === 'NOTHING_TO_UNDO' ? 'neutral' : 'danger'),
    onSettled: refresh,
  });
  const busy = grade.isPending || undo.isPending || loading;
  const reveal = () => {
    if (!showing) return;
    setRevealed(showing);
    requestAnimationFrame(() => answer.current?.focus());
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutOf(event, { revealed: isRevealed, passFail });
      if (!action || busy || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      if (action === 'undo') undo.mutate();
      else if (action === 'reveal') reveal();
      else if (card) grade.mutate(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="flex flex-col gap-4">
      <Counts remaining={remaining} />
      {card && preview ? (
        <Card className="flex flex-col gap-5">
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-fg-muted">
            <span>{t(`review.state.${card.state}`)}</span>
            {card.materialId && (
              <Link
                to={`/materials/${card.materialId}${card.passage !== null ? `?passage=${card.passage}` : ''}`}
                className="font-semibold text-accent underline underline-offset-4"
              >
                {t('review.source')}
              </Link>
            )}
          </div>
          <section
            ref={front}
            tabIndex={-1}
            aria-label={t('review.front')}
            className="min-h-24 text-xl leading-8 break-words outline-none"
          >
            <MarkdownText text={card.front} />
          </section>
          {isRevealed ? (
            <>
              <section
                ref={answer}
                tabIndex={-1}
                aria-label={t('review.back')}
                className="border-t border-border pt-5 text-lg leading-8 break-words outline-none"
              >
                {card.back ? (
                  <MarkdownText text={card.back} />
                ) : (
                  <p className="text-fg-muted">{t('review.noBack')}</p>
                )}
              </section>
              <GradeButtons
                preview={preview}
                passFail={passFail}
                disabled={busy}
                onGrade={(g) => grade.mutate(g)}
              />
            </>
          ) : (
            <Button onClick={reveal} disabled={busy} className="w-full sm:w-auto sm:self-center">
              {t('review.show')}
              <kbd className="hidden rounded border border-white/50 px-1.5 text-xs sm:inline">
                {t('review.spaceKey')}
              </kbd>
            </Button>
          )}
        </Card>
      ) : (
        <Done />
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        {/* Keys are for keyboards: phones do not show them. */}
        <p className="hidden text-sm text-fg-muted sm:block">
          {passFail ? t('review.keysPassFail') : t('review.keys')}
        </p>
        <Button variant="ghost" onClick={() => undo.mutate()} disabled={busy}>
          {t('review.undo')}
        </Button>
      </div>
    </div>
  );
}

function Counts({ remaining }: { remaining: ReviewNext['remaining'] }) {
  const { t } = useT();
  const format = useFormat();
  const items = [
    { key: 'new', value: remaining.new, className: 'text-accent' },
    { key: 'learning', value: remaining.learning, className: 'text-danger' },
    { key: 'due', value: remaining.due, className: 'text-success' },
  ] as const;
  return (
    <dl aria-label={t('review.remaining')} className="flex flex-wrap gap-x-5 gap-y-1">
      {items.map((item) => (
        <div key={item.key} className="flex items-baseline gap-1.5">
          <dt className="text-sm text-fg-muted">{t(`review.count.${item.key}`)}</dt>
          <dd className={`text-lg font-bold tabular-nums ${item.className}`}>{format.number(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Nothing left today: when the next reviews are due (from the dashboard's forecast). */
function Done() {
  const { t } = useT();
  const format = useFormat();
  const dashboard = useDashboard();
  const forecast = dashboard.data?.forecast ?? [];
  const today = forecast[0]?.day;
  const nextDay = today ? nextDueDay(forecast, today) : null;
  const long = new Intl.DateTimeFormat(format.locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const count = forecast.find((entry) => entry.day === nextDay)?.due ?? 0;
  return (
    <EmptyState
      title={t('review.doneTitle')}
      icon={<span className="text-4xl">✓</span>}
      action={
        <Link to="/" className={buttonClass('secondary')}>
          {t('review.toDashboard')}
        </Link>
      }
    >
      {dashboard.isPending
        ? t('review.doneBody')
        : nextDay
          ? t('review.nextDue', { date: long.format(new Date(`${nextDay}T00:00:00Z`)), count })
          : t('review.nothingScheduled')}
    </EmptyState>
  );
}
