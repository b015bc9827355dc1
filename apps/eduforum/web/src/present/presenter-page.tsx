import { call } from '@app/client';
import type { EduforumPaths, Poll, PollResults, Quiz } from '@app/eduforum-contracts';
import { Button, CheckboxField, ErrorState, LoadingState, useApi, useFormat, useTitle } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useCourse } from '../courses/data.js';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { PollResultsView } from '../live/poll-results.js';
import { sortQuestions, useQaQuestions } from '../live/qa-panel.js';
import { type LiveRoom, useLiveRoom } from '../live/use-live-room.js';
import { QrCode } from './qr-code.js';
import { wordCloud } from './word-cloud.js';

const cloudSizes = { 1: 'text-lg', 2: 'text-2xl', 3: 'text-3xl', 4: 'text-4xl', 5: 'text-6xl' } as const;

/**
 * The presenter view for the projector (issue #21): how to join (QR code and invite code), the
 * current poll's live results (a word cloud for open text), the most upvoted questions, and the
 * latest quiz's leaderboard when the professor turns it on. Staff only; full screen on request.
 */
export function PresenterPage() {
  const { sessionId = '' } = useParams();
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const errorText = useErrorText();
  const session = useQuery({
    queryKey: ['eduforum', 'session', sessionId],
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/sessions/{sessionId}', { params: { path: { sessionId } } })),
  });
  useTitle(t('present.title', { title: session.data?.title ?? '' }));
  if (session.isPending) return <LoadingState />;
  if (session.isError)
    return <ErrorState message={errorText(session.error)} onRetry={() => session.refetch()} />;
  return <Presenter sessionId={sessionId} title={session.data.title} courseId={session.data.courseId} />;
}

function Presenter({ sessionId, title, courseId }: { sessionId: string; title: string; courseId: string }) {
  const { t } = useT();
  const room = useLiveRoom(sessionId);
  useQaQuestions(room, sessionId);
  const course = useCourse(courseId);
  const screen = useRef<HTMLDivElement>(null);
  const [leaderboard, setLeaderboard] = useState(false);
  if (!room.state.snapshot || !course.data) return <LoadingState label={t('live.joining')} />;
  if (!room.staff) return <ErrorState message={t('present.staffOnly')} />;
  const code = course.data.inviteCode ?? '';
  const joinUrl = `${window.location.origin}/eduforum/join?code=${code}`;
  return (
    <div ref={screen} className="flex min-h-[80dvh] flex-col gap-6 bg-bg p-2 sm:p-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <CheckboxField
            label={t('present.leaderboard')}
            checked={leaderboard}
            onChange={(event) => setLeaderboard(event.target.checked)}
          />
          <Button variant="secondary" onClick={() => void screen.current?.requestFullscreen?.()}>
            {t('present.fullScreen')}
          </Button>
        </div>
      </header>
      <div className="grid flex-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <CurrentPoll room={room} />
          {leaderboard && <Leaderboard room={room} />}
        </div>
        <aside className="flex min-w-0 flex-col gap-6" aria-label={t('present.side')}>
          <section
            aria-labelledby="present-join"
            className="flex flex-col items-center gap-3 rounded-xl border border-border bg-surface p-6"
          >
            <h2 id="present-join" className="text-xl font-semibold">
              {t('present.join')}
            </h2>
            <QrCode text={joinUrl} label={t('present.qr', { code })} />
            <p className="font-mono text-4xl font-bold tracking-widest" data-testid="present-code">
              {code}
            </p>
            <p className="text-center text-sm break-all text-fg-muted">{joinUrl}</p>
          </section>
          <TopQuestions room={room} />
        </aside>
      </div>
    </div>
  );
}

/** The poll running now, else the one that closed last: its live results, big. */
function CurrentPoll({ room }: { room: LiveRoom }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const format = useFormat();
  const { state, dispatch } = room;
  const polls = Object.values(state.polls).filter((p) => p.status !== 'draft');
  const poll: Poll | undefined = polls.filter((p) => p.status === 'open').at(-1) ?? polls.at(-1);
  const results: PollResults | undefined = poll ? state.results[poll.id] : undefined;
  // Later results arrive on the staff channel; the first comes from the API.
  const asked = useRef(new Set<string>());
  useEffect(() => {
    if (!poll || results || asked.current.has(poll.id)) return;
    asked.current.add(poll.id);
    void call(api.GET('/api/v1/eduforum/polls/{pollId}/results', { params: { path: { pollId: poll.id } } }))
      .then((fetched) =>
        dispatch({ type: 'event', event: { event: 'poll.results', payload: fetched }, me: '' }),
      )
      .catch(() => undefined);
  }, [api, dispatch, poll, results]);
  if (!poll)
    return (
      <section className="flex flex-1 items-center justify-center rounded-xl border border-dashed border-border p-10">
        <p className="text-2xl text-fg-muted">{t('present.noPoll')}</p>
      </section>
    );
  const cloud = poll.kind === 'text' && results ? wordCloud(results.texts.map((a) => a.text)) : [];
  return (
    <section
      aria-labelledby="present-poll"
      className="flex flex-col gap-4 rounded-xl border border-border bg-surface p-6"
    >
      <h2 id="present-poll" className="text-3xl font-semibold">
        {poll.question}
      </h2>
      {!results ? (
        <LoadingState />
      ) : poll.kind === 'text' ? (
        <div className="flex flex-col gap-3">
          <p className="text-fg-muted" aria-live="polite">
            {t('live.polls.voters', { count: results.voters })}
          </p>
          <ul
            className="flex flex-wrap items-baseline justify-center gap-x-6 gap-y-2"
            aria-label={t('present.cloud')}
            data-testid="word-cloud"
          >
            {cloud.length === 0 && <li className="text-fg-muted">{t('live.polls.noAnswers')}</li>}
            {cloud.map((word) => (
              <li key={word.word} className={`${cloudSizes[word.size]} font-bold text-accent`}>
                {word.word}
                <span className="sr-only"> ({format.number(word.count)})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="text-xl">
          {/* Anonymous or not, the projector shows no names. */}
          <PollResultsView poll={poll} results={results} />
        </div>
      )}
    </section>
  );
}

function TopQuestions({ room }: { room: LiveRoom }) {
  const { t } = useT();
  const top = sortQuestions(Object.values(room.state.qa).filter((q) => q.status === 'open')).slice(0, 5);
  return (
    <section
      aria-labelledby="present-qa"
      className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-6"
    >
      <h2 id="present-qa" className="text-xl font-semibold">
        {t('present.questions')}
      </h2>
      {top.length === 0 ? (
        <p className="text-fg-muted">{t('live.qa.none')}</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {top.map((question) => (
            <li key={question.id} className="flex gap-3">
              <span className="min-w-10 font-bold tabular-nums text-accent">
                <span aria-hidden="true">▲ {question.votes}</span>
                <span className="sr-only">{t('live.qa.votes', { count: question.votes })}</span>
              </span>
              <span className="min-w-0 break-words">{question.body}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The latest quiz's top ten (names on the projector: the professor turns it on). */
function Leaderboard({ room }: { room: LiveRoom }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const format = useFormat();
  const quiz: Quiz | undefined = Object.values(room.state.quizzes)
    .filter((q) => q.status !== 'draft')
    .at(-1);
  const report = useQuery({
    queryKey: [
      'eduforum',
      'quiz-report',
      quiz?.id,
      quiz?.status,
      room.state.submissions[quiz?.id ?? ''] ?? 0,
    ],
    queryFn: () =>
      call(
        api.GET('/api/v1/eduforum/quizzes/{quizId}/report', { params: { path: { quizId: quiz?.id ?? '' } } }),
      ),
    enabled: quiz !== undefined,
  });
  const top = [...(report.data?.students ?? [])].sort((a, b) => b.score - a.score).slice(0, 10);
  return (
    <section
      aria-labelledby="present-board"
      className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-6"
    >
      <h2 id="present-board" className="text-2xl font-semibold">
        {quiz ? t('present.boardOf', { title: quiz.title }) : t('present.board')}
      </h2>
      {top.length === 0 ? (
        <p className="text-fg-muted">{t('present.noScores')}</p>
      ) : (
        <ol className="flex flex-col gap-1 text-xl">
          {top.map((student, index) => (
            <li key={student.userId} className="flex justify-between gap-3">
              <span>
                {index + 1}. {student.name}
              </span>
              <span className="tabular-nums">
                {format.number(student.score)} / {format.number(student.maxScore)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
