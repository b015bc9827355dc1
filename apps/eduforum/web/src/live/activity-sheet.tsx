import { Dialog } from '@app/ui';
import { useCallback, useState } from 'react';
import { useT } from '../i18n.js';
import { StudentPoll } from './poll-panel.js';
import { StudentQuiz } from './quiz-panel.js';
import type { LiveRoom } from './use-live-room.js';

type Activity = { kind: 'poll' | 'quiz'; id: string };

const add = (set: ReadonlySet<string>, id: string): ReadonlySet<string> => new Set([...set, id]);

/**
 * Puts what the professor opens in front of every student (issue #21): an open poll or quiz comes
 * up as a sheet over the room (a modal dialog: focus moves into it, Tab stays inside, Escape or
 * × puts it aside), with the quiz's timer. Put aside by mistake, it waits behind a button fixed at
 * the bottom of the screen until answered or closed. A vote closes the poll's sheet; a quiz's
 * sheet stays to show the score until closed.
 */
export function ActivitySheet({ room }: { room: LiveRoom }) {
  const { t } = useT();
  const { state } = room;
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  const finish = useCallback((id: string) => setDone((current) => add(current, id)), []);
  const markAnswered = useCallback((id: string) => setAnswered((current) => add(current, id)), []);

  const open: Activity[] = [
    ...Object.values(state.quizzes)
      .filter((quiz) => quiz.status === 'open')
      .map((quiz) => ({ kind: 'quiz' as const, id: quiz.id })),
    ...Object.values(state.polls)
      .filter((poll) => poll.status === 'open')
      .map((poll) => ({ kind: 'poll' as const, id: poll.id })),
  ].filter((activity) => !done.has(activity.id));
  const current = open.find((activity) => !dismissed.has(activity.id));
  const waiting = open.filter((activity) => dismissed.has(activity.id));
  const poll = current?.kind === 'poll' ? state.polls[current.id] : undefined;
  const quiz = current?.kind === 'quiz' ? state.quizzes[current.id] : undefined;

  const close = () => {
    if (!current) return;
    if (answered.has(current.id)) finish(current.id);
    else setDismissed((set) => add(set, current.id));
  };
  const first = waiting[0];

  return (
    <>
      <Dialog
        open={current !== undefined}
        onClose={close}
        title={quiz ? t('live.sheet.quizTitle') : t('live.sheet.pollTitle')}
      >
        {poll && (
          <StudentPoll
            poll={poll}
            results={state.results[poll.id]}
            room={room}
            onVoted={() => finish(poll.id)}
          />
        )}
        {quiz && <StudentQuiz quiz={quiz} onAnswered={() => markAnswered(quiz.id)} />}
      </Dialog>
      {!current && first && (
        <button
          type="button"
          onClick={() => setDismissed((set) => new Set([...set].filter((id) => id !== first.id)))}
          className="fixed right-4 bottom-4 z-40 min-h-11 rounded-full bg-accent px-5 font-semibold text-white shadow-lg ring-4 ring-accent/25"
        >
          {first.kind === 'quiz' ? t('live.sheet.answerQuiz') : t('live.sheet.answerPoll')}
          {waiting.length > 1 && ` (${waiting.length})`}
        </button>
      )}
    </>
  );
}
