import { call } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import {
  type Poll,
  type PollResults,
  type Session,
  sessionNotes,
  sessionWhiteboard,
} from '@app/eduforum-contracts';
import { Button, Card, Notice, Tabs, useApi, useSession } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCourse } from '../courses/data.js';
import { useT } from '../i18n.js';
import { Whiteboard } from '../whiteboard/whiteboard.js';
import { AttendancePanel } from './attendance-panel.js';
import { ChatPanel } from './chat-panel.js';
import { PollResultsView } from './poll-results.js';
import { QaRecap } from './qa-panel.js';
import { RecapQuizzes } from './quiz-panel.js';
import { SharedNotes } from './shared-notes.js';
import { TalkTimePanel } from './talktime-panel.js';

/**
 * A session after it ended (or was cancelled): the whiteboard read-only (with its export), the
 * chat history, the polls with their results, the quizzes (a student's own score and review), the
 * Q&A, and for staff the attendance and the final
 * TalkTime.
 */
export function Recap({ session }: { session: Session }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const { user } = useSession();
  const sessionId = session.id;
  const course = useCourse(session.courseId);
  const staff = course.data?.abilities.includes('grade.view') ?? false;
  const polls = useQuery({
    queryKey: ['eduforum', 'recap-polls', sessionId],
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/sessions/{sessionId}/polls', { params: { path: { sessionId } } })),
  });
  const participation = useQuery({
    queryKey: ['eduforum', 'recap-participation', sessionId],
    queryFn: () =>
      call(
        api.GET('/api/v1/eduforum/sessions/{sessionId}/participation', { params: { path: { sessionId } } }),
      ),
    enabled: staff,
  });
  const names = Object.fromEntries((participation.data?.items ?? []).map((p) => [p.userId, p.name]));
  if (user) names[user.id] = user.name;
  const cancelled = session.status === 'cancelled';
  const breakouts = useQuery({
    queryKey: ['eduforum', 'recap-breakouts', sessionId],
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/sessions/{sessionId}/breakouts', { params: { path: { sessionId } } })),
  });
  const rooms = (breakouts.data?.items ?? []).flatMap((breakout, index, all) =>
    breakout.rooms.map((room) => ({
      ...room,
      label:
        all.length > 1
          ? t('live.recapBoards.roomOf', { breakout: index + 1, n: room.number })
          : t('live.breakouts.roomN', { n: room.number }),
    })),
  );

  const tabs = [
    {
      value: 'polls',
      label: t('live.tabs.polls'),
      content: (
        <div className="flex flex-col gap-4">
          {polls.data?.items.length === 0 && (
            <p className="text-sm text-fg-muted">{t('live.polls.noneStaff')}</p>
          )}
          {polls.data?.items.map((poll) => (
            <RecapPoll
              key={poll.id}
              poll={poll as Poll}
              names={names}
              showResults={staff || poll.resultsVisible}
            />
          ))}
        </div>
      ),
    },
    {
      value: 'chat',
      label: t('live.tabs.chat'),
      content: <ChatPanel roomId={session.chatRoomId} names={names} label={t('live.chat.title')} />,
    },
    {
      value: 'quizzes',
      label: t('live.tabs.quizzes'),
      content: <RecapQuizzes sessionId={sessionId} staff={staff} />,
    },
    { value: 'qa', label: t('live.tabs.qa'), content: <QaRecap sessionId={sessionId} /> },
    {
      value: 'notes',
      label: t('live.tabs.notes'),
      content: <SharedNotes documentName={sessionNotes(sessionId)} title={session.title} />,
    },
    ...(staff
      ? [
          {
            value: 'attendance',
            label: t('live.tabs.attendance'),
            content: <AttendancePanel sessionId={sessionId} />,
          },
        ]
      : []),
    ...(participation.isSuccess
      ? [
          {
            value: 'talktime',
            label: t('live.tabs.talktime'),
            content: <TalkTimePanel participants={participation.data.items} />,
          },
        ]
      : []),
  ];

  return (
    <div className="flex flex-col gap-4">
      <header>
        <Link
          to={`/courses/${session.courseId}`}
          className="text-sm text-fg-muted underline-offset-4 hover:underline"
        >
          ← {t('live.backToCourse')}
        </Link>
        <h1 className="text-2xl font-bold tracking-tight">{session.title}</h1>
      </header>
      <Notice tone={cancelled ? 'warning' : 'success'}>
        {cancelled ? t('live.cancelled') : t('live.ended')}
      </Notice>
      {!cancelled && rooms.length > 0 && <RoomBoards rooms={rooms} />}
      {!cancelled && (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
          <Whiteboard documentName={sessionWhiteboard(sessionId)} title={session.title} readOnly />
          <aside
            aria-label={t('live.sidebar')}
            className="min-w-0 rounded-xl border border-border bg-surface p-4"
          >
            <Tabs label={t('live.sidebar')} tabs={tabs} />
          </aside>
        </div>
      )}
    </div>
  );
}

function RecapPoll({
  poll,
  names,
  showResults,
}: {
  poll: Poll;
  names: Record<string, string>;
  showResults: boolean;
}) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  // Students see the results only of polls whose results were shared.
  const results = useQuery({
    queryKey: ['eduforum', 'poll-results', poll.id],
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/polls/{pollId}/results', { params: { path: { pollId: poll.id } } })),
    enabled: showResults,
  });
  return (
    <Card>
      <h3 className="mb-3 font-semibold">{poll.question}</h3>
      {results.data ? (
        <PollResultsView
          poll={poll}
          results={results.data as PollResults}
          names={poll.anonymous ? {} : names}
        />
      ) : (
        <ul className="list-disc pl-5 text-sm">
          {poll.options.map((o) => (
            <li key={o.id}>
              {o.text}
              {o.correct && (
                <span className="ml-1 font-semibold text-success">✓ {t('live.polls.correct')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The breakout rooms' boards, read-only, one at a time (each is a live document to open). */
function RoomBoards({ rooms }: { rooms: { id: string; whiteboard: string; label: string }[] }) {
  const { t } = useT();
  const [shown, setShown] = useState<string | null>(null);
  const room = rooms.find((r) => r.id === shown);
  return (
    <section
      aria-labelledby="recap-boards"
      className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4"
    >
      <h2 id="recap-boards" className="text-lg font-semibold">
        {t('live.recapBoards.title')}
      </h2>
      <div className="flex flex-wrap gap-2">
        {rooms.map((r) => (
          <Button
            key={r.id}
            variant={r.id === shown ? 'primary' : 'secondary'}
            aria-pressed={r.id === shown}
            onClick={() => setShown(r.id === shown ? null : r.id)}
          >
            {r.label}
          </Button>
        ))}
      </div>
      {room && <Whiteboard key={room.id} documentName={room.whiteboard} title={room.label} readOnly />}
    </section>
  );
}
