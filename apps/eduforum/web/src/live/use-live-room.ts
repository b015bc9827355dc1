import { call } from '@app/client';
import type { ClientEventName, ClientPayload } from '@app/contracts';
import type { EduforumPaths } from '@app/eduforum-contracts';
import {
  type Breakout,
  breakoutRoom,
  type LiveSnapshot,
  liveSession,
  liveStaff,
  type Poll,
  type Quiz,
} from '@app/eduforum-contracts';
import { useApi, useDeclaredChannel, useRealtime } from '@app/ui';
import { useCallback, useEffect, useReducer, useState } from 'react';
import { initialLiveState, type LiveEvent, type LiveState, liveReducer, roomOf } from './live-state.js';
import { useOnline } from './use-online.js';

/** A refusal of a room action (the ack's `{ error }`), with the error catalogue's code. */
export class LiveActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Seconds to wait before trying again (RATE_LIMITED). */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

/** A room action: a client event of the session channel. */
export type LiveAction = ClientEventName<typeof liveSession>;

/** Whether the caller runs the room (controls, breakouts, staff channel): from the abilities the API sent. */
export const runsRoom = (snapshot: Pick<LiveSnapshot, 'abilities'> | null | undefined) =>
  snapshot?.abilities.includes('session.moderate') ?? false;

/**
 * The live room of one session: the snapshot, every event of the session channel (plus the staff
 * channel for staff and one's breakout room channel), and `act` to send room events.
 */
export function useLiveRoom(sessionId: string) {
  const api = useApi<EduforumPaths>();
  const { client, state: socketState } = useRealtime();
  const online = useOnline();
  // One state for the page: no network is offline, whatever the socket has noticed yet.
  const connection = online ? socketState : 'closed';
  const [state, dispatch] = useReducer(liveReducer, initialLiveState);
  const [error, setError] = useState<Error | null>(null);
  const open = connection === 'open';
  const me = state.snapshot?.me;
  const staff = runsRoom(state.snapshot);

  const act = useCallback(
    async <E extends LiveAction>(
      event: E,
      payload: ClientPayload<typeof liveSession, E>,
    ): Promise<unknown> => {
      const result = (await client.publishTo(liveSession, sessionId, event, payload)) as
        | { error?: { code: string; message: string; details?: { retryAfter?: unknown } } }
        | undefined;
      if (result && typeof result === 'object' && 'error' in result && result.error) {
        const retryAfter = result.error.details?.retryAfter;
        throw new LiveActionError(
          result.error.code,
          result.error.message,
          typeof retryAfter === 'number' ? retryAfter : undefined,
        );
      }
      return result;
    },
    [client, sessionId],
  );

  const loadExtras = useCallback(
    async (snapshot: LiveSnapshot) => {
      const polls = await call(
        api.GET('/api/v1/eduforum/sessions/{sessionId}/polls', { params: { path: { sessionId } } }),
      );
      dispatch({ type: 'polls', polls: polls.items as Poll[] });
      // Every launched quiz, closed ones too: their results and reviews stay reachable after a reload.
      const quizzes = await call(
        api.GET('/api/v1/eduforum/sessions/{sessionId}/quizzes', { params: { path: { sessionId } } }),
      );
      for (const quiz of quizzes.items) dispatch({ type: 'quiz', quiz: quiz as Quiz });
      if (snapshot.breakout || runsRoom(snapshot)) {
        const current = await call(
          api.GET('/api/v1/eduforum/sessions/{sessionId}/breakouts/current', {
            params: { path: { sessionId } },
          }),
        );
        dispatch({ type: 'breakout', breakout: current as Breakout | null });
      }
      if (snapshot.abilities.includes('grade.view')) {
        const totals = await call(
          api.GET('/api/v1/eduforum/sessions/{sessionId}/participation', { params: { path: { sessionId } } }),
        ).catch(() => null);
        if (totals) dispatch({ type: 'talktime', participants: totals.items });
      }
    },
    [api, sessionId],
  );

  const takeSnapshot = useCallback(async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        const snapshot = (await act('snapshot', {})) as LiveSnapshot;
        dispatch({ type: 'snapshot', snapshot });
        setError(null);
        await loadExtras(snapshot);
        return;
      } catch (failure) {
        // The subscription may still be on its way (a remount while it was pending): try again shortly.
        if (attempt < 3 && (failure as { code?: string }).code === 'NOT_SUBSCRIBED') {
          await new Promise((resolve) => setTimeout(resolve, 250));
          continue;
        }
        setError(failure as Error);
        return;
      }
    }
  }, [act, loadExtras]);

  const myId = me?.userId ?? '';
  const onEvent = (event: LiveEvent) => dispatch({ type: 'event', event, me: myId });

  useDeclaredChannel(client, open, liveSession, sessionId, onEvent, () => void takeSnapshot(), setError);
  useDeclaredChannel(client, open, liveStaff, staff ? sessionId : null, onEvent);
  const myRoom = me ? roomOf(state.breakout, me.userId) : null;
  const [enteredRoomId, setEnteredRoomId] = useState<string | null>(null);
  const roomId = myRoom?.id ?? (state.breakout ? enteredRoomId : null);
  useDeclaredChannel(client, open, breakoutRoom, roomId, onEvent);

  // Reactions float for a few seconds each; one timer sweeps them while any are shown.
  const showingReactions = state.reactions.length > 0;
  useEffect(() => {
    if (!showingReactions) return;
    const timer = setInterval(() => dispatch({ type: 'reactions.prune', now: Date.now() }), 500);
    return () => clearInterval(timer);
  }, [showingReactions]);

  // A breakout started or moved: staff who entered a room keep it; students follow their membership.
  useEffect(() => {
    if (!state.breakout) setEnteredRoomId(null);
  }, [state.breakout]);

  return {
    state: state as LiveState,
    connection,
    error,
    me,
    staff,
    act,
    dispatch,
    myRoom,
    enteredRoomId,
    setEnteredRoomId,
    reload: takeSnapshot,
  };
}

export type LiveRoom = ReturnType<typeof useLiveRoom>;
