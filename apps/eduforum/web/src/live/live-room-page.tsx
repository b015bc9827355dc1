import { ApiError, call, RealtimeError } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { roomNotes, type Session, sessionNotes, sessionWhiteboard } from '@app/eduforum-contracts';
import {
  Badge,
  Button,
  buttonClass,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  Tabs,
  useApi,
  useRealtime,
  useTitle,
  useToast,
} from '@app/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../courses/bits.js';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';

import { Whiteboard } from '../whiteboard/whiteboard.js';
import { ActionBar, reactionEmoji } from './action-bar.js';
import { ActivitySheet } from './activity-sheet.js';
import { BoardAccess } from './board-access.js';
import { BreakoutManager } from './breakout-panel.js';
import { ChatPanel } from './chat-panel.js';
import { mayDraw } from './live-state.js';
import { PeoplePanel } from './people-panel.js';
import { PollPanel } from './poll-panel.js';
import { QaPanel, useQaQuestions } from './qa-panel.js';
import { QuizPanel } from './quiz-panel.js';
import { Recap } from './recap.js';
import { SharedNotes } from './shared-notes.js';
import { TalkTimePanel } from './talktime-panel.js';
import { type LiveRoom, useLiveRoom } from './use-live-room.js';

/** The live seminar room of one session (and its recap once it has ended). */
export function LiveRoomPage() {
  const { sessionId = '' } = useParams();
  const { t } = useT();
  const errorText = useErrorText();
  const api = useApi<EduforumPaths>();
  const session = useQuery({
    queryKey: ['eduforum', 'session', sessionId],
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/sessions/{sessionId}', { params: { path: { sessionId } } })),
  });
  useTitle(session.data?.title ?? t('live.title'));
  if (session.isPending) return <LoadingState />;
  if (session.isError) {
    // A malformed link (400) and a session one may not see (404: existence is not revealed).
    if (
      session.error instanceof ApiError &&
      (session.error.code === 'NOT_FOUND' || session.error.status === 400)
    )
      return (
        <EmptyState
          title={t('live.notFound')}
          action={
            <div className="flex flex-wrap justify-center gap-2">
              <Link to="/join" className={buttonClass('primary')}>
                {t('live.joinCourse')}
              </Link>
              <Link to="/" className={buttonClass('secondary')}>
                {t('live.backToCourses')}
              </Link>
            </div>
          }
        >
          <p>{t('live.notFoundBody')}</p>
        </EmptyState>
      );
    return <ErrorState message={errorText(session.error)} onRetry={() => session.refetch()} />;
  }
  // The room is closed once the session is over; what stays is its recap.
  if (session.data.status === 'ended' || session.data.status === 'cancelled')
    return <Recap session={session.data as Session} />;
  return <Room sessionId={sessionId} title={session.data.title} courseId={session.data.courseId} />;
}

function Room({ sessionId, title, courseId }: { sessionId: string; title: string; courseId: string }) {
  const { t } = useT();
  const { t: kit } = useTranslation();
  const errorText = useErrorText();
  const room = useLiveRoom(sessionId);
  const { state, me, staff, error } = room;
  useQaQuestions(room, sessionId);
  const [tab, setTab] = useState('chat');

  if (state.removed)
    return (
      <Notice tone="danger">
        <span role="alert">{t('live.removed')}</span>
      </Notice>
    );
  const refusal = refusalOf(error);
  if (refusal && !state.snapshot)
    return (
      <Notice tone={refusal === 'locked' ? 'warning' : 'danger'}>
        <div className="flex flex-col items-start gap-3">
          <span role="alert">{t(`live.refused.${refusal}`)}</span>
          <div className="flex flex-wrap gap-2">
            {refusal === 'locked' && (
              <Button variant="secondary" onClick={() => void room.reload()}>
                {kit('common.retry')}
              </Button>
            )}
            {refusal === 'not-member' ? (
              <Link to="/join" className={buttonClass('secondary')}>
                {t('live.joinCourse')}
              </Link>
            ) : (
              <Link to={`/courses/${courseId}`} className={buttonClass('secondary')}>
                {t('live.backToCourse')}
              </Link>
            )}
          </div>
        </div>
      </Notice>
    );
  if (error && !state.snapshot)
    return <ErrorState message={errorText(error)} onRetry={() => void room.reload()} />;
  if (!state.snapshot || !me) return <LoadingState label={t('live.joining')} />;

  const names = Object.fromEntries(Object.values(state.people).map((p) => [p.userId, p.name]));
  const myRoom = room.myRoom ?? state.breakout?.rooms.find((r) => r.id === room.enteredRoomId) ?? null;
  const board = myRoom
    ? { name: myRoom.whiteboard, title: t('live.breakouts.roomBoard', { n: myRoom.number }) }
    : { name: sessionWhiteboard(sessionId), title };
  const ended = state.status === 'ended' || state.status === 'cancelled';
  // A breakout room's board is its members'; the main board is drawn on as staff set it.
  const canDraw = myRoom !== null || mayDraw(state, me.userId, staff);
  const openPolls = Object.values(state.polls).filter((p) => p.status === 'open').length;
  const openQuestions = Object.values(state.qa).filter((q) => q.status === 'open').length;

  const tabs = [
    {
      value: 'chat',
      label: t('live.tabs.chat'),
      content: (
        <ChatPanel
          roomId={state.snapshot.chatRoomId}
          names={names}
          label={t('live.chat.title')}
          send={(body, clientId) => room.act('chat', { body, clientId })}
        />
      ),
    },
    ...(myRoom
      ? [
          {
            value: 'room',
            label: t('live.breakouts.roomN', { n: myRoom.number }),
            content: <RoomChat room={room} chatRoomId={myRoom.chatRoomId} names={names} />,
          },
        ]
      : []),
    {
      value: 'people',
      label: `${t('live.tabs.people', { count: state.online.length })}${state.hands.length ? ` · ✋ ${state.hands.length}` : ''}`,
      content: <PeoplePanel room={room} />,
    },
    {
      value: 'polls',
      label: openPolls ? t('live.tabs.pollsOpen', { count: openPolls }) : t('live.tabs.polls'),
      content: <PollPanel room={room} sessionId={sessionId} />,
    },
    {
      value: 'quizzes',
      label: t('live.tabs.quizzes'),
      content: <QuizPanel room={room} courseId={courseId} sessionId={sessionId} />,
    },
    {
      value: 'notes',
      label: t('live.tabs.notes'),
      content: (
        <SharedNotes
          key={myRoom ? roomNotes(myRoom.id) : sessionNotes(sessionId)}
          documentName={myRoom ? roomNotes(myRoom.id) : sessionNotes(sessionId)}
          title={myRoom ? `${title} · ${t('live.breakouts.roomN', { n: myRoom.number })}` : title}
        />
      ),
    },
    {
      value: 'qa',
      label: openQuestions ? t('live.tabs.qaOpen', { count: openQuestions }) : t('live.tabs.qa'),
      content: <QaPanel room={room} sessionId={sessionId} live={state.status === 'live'} />,
    },
    ...(staff
      ? [
          {
            value: 'breakouts',
            label: t('live.tabs.breakouts'),
            content: <BreakoutManager room={room} sessionId={sessionId} />,
          },
          {
            value: 'talktime',
            label: t('live.tabs.talktime'),
            content: <TalkTimePanel participants={state.talktime} />,
          },
        ]
      : []),
  ];

  return (
    <div className="flex flex-col gap-4">
      <RoomHeader room={room} sessionId={sessionId} title={title} courseId={courseId} />
      {!staff && !ended && <ActivitySheet room={room} />}
      <RoomNotices room={room} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="flex min-w-0 flex-col gap-3">
          {!ended && <ActionBar room={room} />}
          {staff && !ended && !myRoom && <BoardAccess room={room} />}
          {/* Reactions float over the board, so drawing never jumps when one arrives. */}
          <div className="relative">
            <Reactions room={room} />
            <Whiteboard
              key={board.name}
              documentName={board.name}
              title={board.title}
              readOnly={ended || !canDraw}
              canClear={staff}
              lockedNote={!ended && !canDraw ? t('live.board.lockedNote') : undefined}
            />
          </div>
        </div>
        <aside
          aria-label={t('live.sidebar')}
          className="min-w-0 rounded-xl border border-border bg-surface p-4"
        >
          <Tabs
            label={t('live.sidebar')}
            tabs={tabs}
            value={tabs.some((x) => x.value === tab) ? tab : 'chat'}
            onValueChange={setTab}
          />
        </aside>
      </div>
    </div>
  );
}

function RoomChat({
  room,
  chatRoomId,
  names,
}: {
  room: LiveRoom;
  chatRoomId: string;
  names: Record<string, string>;
}) {
  const { t } = useT();
  const { client } = useRealtime();
  return (
    <div className="flex flex-col gap-3">
      {room.state.broadcasts.map((b) => (
        <Notice key={b.at} tone="warning">
          <span className="font-semibold">{t('live.breakouts.fromStaff')}</span> {b.text}
        </Notice>
      ))}
      <ChatPanel
        roomId={chatRoomId}
        names={names}
        label={t('live.breakouts.roomChat')}
        send={(body, clientId) => client.publish(`chat:${chatRoomId}`, 'send', { body, clientId })}
      />
    </div>
  );
}

function RoomHeader({
  room,
  sessionId,
  title,
  courseId,
}: {
  room: LiveRoom;
  sessionId: string;
  title: string;
  courseId: string;
}) {
  const { t } = useT();
  const errorText = useErrorText();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { state, me, connection } = room;
  const manager = me?.role === 'professor' || me?.role === 'admin';
  const [busy, setBusy] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const transition = async (to: 'start' | 'end') => {
    setBusy(true);
    try {
      if (to === 'start')
        await call(
          api.POST('/api/v1/eduforum/sessions/{sessionId}/start', { params: { path: { sessionId } } }),
        );
      else
        await call(
          api.POST('/api/v1/eduforum/sessions/{sessionId}/end', { params: { path: { sessionId } } }),
        );
      await queryClient.invalidateQueries({ queryKey: ['eduforum', 'session', sessionId] });
    } catch (error) {
      toast(errorText(error), 'danger');
    } finally {
      setBusy(false);
    }
  };
  return (
    <header className="flex flex-wrap items-center gap-3">
      <div className="min-w-0 flex-1">
        <Link
          to={`/courses/${courseId}`}
          className="text-sm text-fg-muted underline-offset-4 hover:underline"
        >
          ← {t('live.backToCourse')}
        </Link>
        <h1 className="truncate text-2xl font-bold tracking-tight">{title}</h1>
      </div>
      <Badge tone={state.status === 'live' ? 'success' : 'neutral'}>
        {t(`sessionStatus.${state.status}`)}
      </Badge>
      {state.locked && <Badge tone="danger">{t('live.controls.locked')}</Badge>}
      {room.staff && state.status === 'live' && (
        <a
          href={`/eduforum/sessions/${sessionId}/present`}
          target="_blank"
          rel="noopener"
          className={buttonClass('secondary')}
        >
          {t('present.open')}
        </a>
      )}
      <span className="text-sm text-fg-muted" role="status" data-testid="connection">
        {t(`live.connection.${connection}`)}
      </span>
      {manager && state.status === 'scheduled' && (
        <Button loading={busy} onClick={() => transition('start')}>
          {t('live.start')}
        </Button>
      )}
      {manager && state.status === 'live' && (
        <Button variant="danger" loading={busy} onClick={() => setConfirmEnd(true)}>
          {t('live.end')}
        </Button>
      )}
      <ConfirmDialog
        open={confirmEnd}
        title={t('live.end')}
        body={t('live.endConfirm')}
        confirmLabel={t('live.end')}
        onConfirm={() => transition('end')}
        onClose={() => setConfirmEnd(false)}
      />
    </header>
  );
}

/** What the room needs to tell: waiting, ended, who has the floor, the spotlight, staff broadcasts. */
function RoomNotices({ room }: { room: LiveRoom }) {
  const { t } = useT();
  const { state, me } = room;
  const name = (id: string) => state.people[id]?.name ?? t('live.someone');
  const [calledOn, setCalledOn] = useState(state.calledOn);
  useEffect(() => {
    setCalledOn(state.calledOn);
    if (!state.calledOn) return;
    const timer = setTimeout(() => setCalledOn(null), 15_000);
    return () => clearTimeout(timer);
  }, [state.calledOn]);
  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      {state.status === 'scheduled' && <Notice tone="warning">{t('live.waiting')}</Notice>}
      {state.status === 'ended' && <Notice tone="success">{t('live.ended')}</Notice>}
      {calledOn && (
        <Notice tone="success">
          <span data-testid="called-on">
            {calledOn.userId === me?.userId
              ? t('live.hands.yourTurn')
              : t('live.hands.floor', { name: name(calledOn.userId) })}
          </span>
        </Notice>
      )}
      {state.spotlightUserId && (
        <Notice tone="success">
          {t('live.controls.spotlightOn', { name: name(state.spotlightUserId) })}
        </Notice>
      )}
      {!room.staff && room.myRoom && (
        <Notice tone="warning">
          <span data-testid="my-room">{t('live.breakouts.youAreIn', { n: room.myRoom.number })}</span>
        </Notice>
      )}
      {!room.staff &&
        room.myRoom &&
        state.visits.map((v) => (
          <Notice key={`${v.userId}-${v.at}`} tone="warning">
            <span data-testid="staff-visit">
              {t('live.breakouts.staffEntered', { name: name(v.userId) })}
            </span>
          </Notice>
        ))}
      {!room.staff &&
        state.broadcasts.map((b) => (
          <Notice key={b.at} tone="warning">
            <span data-testid="broadcast">
              <span className="font-semibold">{t('live.breakouts.fromStaff')}</span> {b.text}
            </span>
          </Notice>
        ))}
    </div>
  );
}

function Reactions({ room }: { room: LiveRoom }) {
  const { t } = useT();
  const { state } = room;
  if (state.reactions.length === 0) return null;
  return (
    <ul
      className="pointer-events-none absolute right-3 bottom-3 z-10 flex max-w-[60%] flex-col items-end gap-1"
      aria-label={t('live.reactions.label')}
    >
      {state.reactions.map((r) => (
        <li key={r.key} className="rounded-full bg-surface-muted/90 px-3 py-1 text-sm shadow-sm">
          <span aria-hidden="true" className="font-emoji">
            {reactionEmoji[r.kind as keyof typeof reactionEmoji] ?? '•'}
          </span>{' '}
          {state.people[r.from]?.name ?? t('live.someone')}
        </li>
      ))}
    </ul>
  );
}

const refusals = ['locked', 'removed', 'ended', 'not-member'] as const;

/** Why the room refused to let us in, when its answer said (the channel's FORBIDDEN reason). */
function refusalOf(error: unknown): (typeof refusals)[number] | null {
  if (!(error instanceof RealtimeError) || error.code !== 'FORBIDDEN') return null;
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return refusals.find((r) => r === reason) ?? null;
}
