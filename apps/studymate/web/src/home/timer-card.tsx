import { call } from '@app/client';
import type { StudymatePaths, Timer } from '@app/studymate-contracts';
import { Button, Card, ErrorState, LoadingState, Notice, SelectField, useApi, useToast } from '@app/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { keys, useSubjects } from '../shared/data.js';
import { codeOf, useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { clockText, elapsedSeconds } from '../shared/time.js';

/**
 * The study timer: start with a subject, pause, resume, stop. The server holds it, so a reload or
 * another device continues it; the clock ticks here from the server's last figure.
 */
export function TimerCard() {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const errorText = useErrorText();
  const timer = useQuery({
    queryKey: keys.timer,
    queryFn: () => call(api.GET('/api/v1/studymate/timer')),
  });
  return (
    <Card className="flex flex-col gap-4">
      <h2 id="timer" className="text-lg font-semibold">
        {t('timer.title')}
      </h2>
      {timer.isPending ? (
        <LoadingState />
      ) : timer.isError ? (
        <ErrorState message={errorText(timer.error)} onRetry={() => void timer.refetch()} />
      ) : timer.data.timer ? (
        <Running timer={timer.data.timer} receivedAt={timer.dataUpdatedAt} />
      ) : (
        <Start />
      )}
    </Card>
  );
}

function useTimerDone() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.timer }),
      queryClient.invalidateQueries({ queryKey: keys.dashboard }),
    ]);
}

function Start() {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const subjects = useSubjects();
  const errorText = useErrorText();
  const refresh = useTimerDone();
  const [subjectId, setSubjectId] = useState('');
  const start = useMutation({
    mutationFn: () => call(api.POST('/api/v1/studymate/timer', { body: { subjectId: subjectId || null } })),
    onSettled: refresh,
  });
  const options = [
    { value: '', label: t('timer.noSubject') },
    ...(subjects.data?.items ?? []).map((subject) => ({ value: subject.id, label: subject.name })),
  ];
  return (
    <div className="flex flex-col gap-3">
      <p className="text-fg-muted">{t('timer.lead')}</p>
      <SelectField
        label={t('timer.subject')}
        options={options}
        value={subjectId}
        onChange={(event) => setSubjectId(event.target.value)}
      />
      {start.isError && codeOf(start.error) !== 'TIMER_RUNNING' && (
        <Notice tone="danger">{errorText(start.error)}</Notice>
      )}
      <Button onClick={() => start.mutate()} loading={start.isPending}>
        {t('timer.start')}
      </Button>
    </div>
  );
}

function Running({ timer, receivedAt }: { timer: Timer; receivedAt: number }) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const subjects = useSubjects();
  const refresh = useTimerDone();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (timer.paused) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [timer.paused]);
  const act = useMutation({
    mutationFn: (action: 'pause' | 'resume' | 'stop') =>
      call(api.PATCH('/api/v1/studymate/timer', { body: { action } })),
    onSuccess: (done, action) => {
      if (action === 'stop') toast(t('timer.saved', { time: clockText(done.elapsedSeconds) }));
    },
    onSettled: refresh,
  });
  const subject = subjects.data?.items.find((item) => item.id === timer.subjectId);
  const seconds = elapsedSeconds(timer, receivedAt, now);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-fg-muted">
        {subject ? t('timer.studying', { subject: subject.name }) : t('timer.studyingNoSubject')}
        {timer.paused && ` · ${t('timer.paused')}`}
      </p>
      <p role="timer" aria-label={t('timer.elapsed')} className="text-5xl font-bold tabular-nums">
        {clockText(seconds)}
      </p>
      {act.isError && <Notice tone="danger">{errorText(act.error)}</Notice>}
      <div className="flex flex-wrap gap-2">
        {timer.paused ? (
          <Button
            onClick={() => act.mutate('resume')}
            loading={act.isPending && act.variables === 'resume'}
            disabled={act.isPending}
          >
            {t('timer.resume')}
          </Button>
        ) : (
          <Button
            variant="secondary"
            onClick={() => act.mutate('pause')}
            loading={act.isPending && act.variables === 'pause'}
            disabled={act.isPending}
          >
            {t('timer.pause')}
          </Button>
        )}
        <Button
          variant="secondary"
          onClick={() => act.mutate('stop')}
          loading={act.isPending && act.variables === 'stop'}
          disabled={act.isPending}
        >
          {t('timer.stop')}
        </Button>
      </div>
    </div>
  );
}
