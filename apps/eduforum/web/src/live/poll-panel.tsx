import { call } from '@app/client';
import type { EduforumPaths, Poll, PollResults } from '@app/eduforum-contracts';
import { Badge, Button, Card, saveBlob, useApi, useToast } from '@app/ui';
import { useEffect, useRef, useState } from 'react';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { PollComposer } from './poll-composer.js';
import { PollResultsView } from './poll-results.js';
import type { LiveRoom } from './use-live-room.js';

/** Polls of the session: staff prepare, open, watch and close them; students vote. */
export function PollPanel({ room, sessionId }: { room: LiveRoom; sessionId: string }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const { state, staff, dispatch } = room;
  const polls = Object.values(state.polls).reverse();
  const names = Object.fromEntries(Object.values(state.people).map((p) => [p.userId, p.name]));

  // Staff see results from the first paint on (later ones arrive live on the staff channel); each
  // poll is asked for once, not again on every change while the answer is on its way.
  const asked = useRef(new Set<string>());
  useEffect(() => {
    if (!staff) return;
    for (const poll of Object.values(state.polls)) {
      if (poll.status === 'draft' || state.results[poll.id] || asked.current.has(poll.id)) continue;
      asked.current.add(poll.id);
      void call(api.GET('/api/v1/eduforum/polls/{pollId}/results', { params: { path: { pollId: poll.id } } }))
        .then((results) =>
          dispatch({ type: 'event', event: { event: 'poll.results', payload: results }, me: '' }),
        )
        .catch(() => undefined);
    }
  }, [api, dispatch, staff, state.polls, state.results]);

  return (
    <div className="flex flex-col gap-4">
      {staff && (
        <PollComposer
          sessionId={sessionId}
          onCreated={(poll) => dispatch({ type: 'polls', polls: [poll] })}
        />
      )}
      {polls.length === 0 && (
        <p className="text-sm text-fg-muted">{staff ? t('live.polls.noneStaff') : t('live.polls.none')}</p>
      )}
      {polls.map((poll) =>
        staff ? (
          <StaffPoll key={poll.id} poll={poll} results={state.results[poll.id]} names={names} room={room} />
        ) : (
          <StudentPoll key={poll.id} poll={poll} results={state.results[poll.id]} room={room} />
        ),
      )}
      {staff && polls.some((p) => p.status !== 'draft') && <ExportLink sessionId={sessionId} />}
    </div>
  );
}

function StatusBadge({ poll }: { poll: Poll }) {
  const { t } = useT();
  return (
    <Badge tone={poll.status === 'open' ? 'success' : 'neutral'}>
      {t(`live.polls.status.${poll.status}`)}
    </Badge>
  );
}

function StaffPoll({
  poll,
  results,
  names,
  room,
}: {
  poll: Poll;
  results: PollResults | undefined;
  names: Record<string, string>;
  room: LiveRoom;
}) {
  const { t } = useT();
  const errorText = useErrorText();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const transition = async (to: 'open' | 'close') => {
    setBusy(true);
    try {
      const updated =
        to === 'open'
          ? await call(
              api.POST('/api/v1/eduforum/polls/{pollId}/open', { params: { path: { pollId: poll.id } } }),
            )
          : await call(
              api.POST('/api/v1/eduforum/polls/{pollId}/close', { params: { path: { pollId: poll.id } } }),
            );
      room.dispatch({ type: 'polls', polls: [updated as Poll] });
    } catch (error) {
      toast(errorText(error), 'danger');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card>
      <div className="mb-3 flex items-start justify-between gap-2">
        <h3 className="font-semibold">{poll.question}</h3>
        <StatusBadge poll={poll} />
      </div>
      {poll.status === 'draft' ? (
        <ul className="mb-3 list-disc pl-5 text-sm">
          {poll.options.map((o) => (
            <li key={o.id}>
              {o.text}
              {o.correct && ` ✓`}
            </li>
          ))}
        </ul>
      ) : results ? (
        <PollResultsView poll={poll} results={results} names={poll.anonymous ? {} : names} />
      ) : null}
      <div className="mt-3 flex gap-2">
        {poll.status === 'draft' && (
          <Button loading={busy} onClick={() => transition('open')}>
            {t('live.polls.open')}
          </Button>
        )}
        {poll.status === 'open' && (
          <Button variant="secondary" loading={busy} onClick={() => transition('close')}>
            {t('live.polls.close')}
          </Button>
        )}
      </div>
    </Card>
  );
}

/** A student's card of one poll: vote (again while open), then the results when shown. */
export function StudentPoll({
  poll,
  results,
  room,
  onVoted,
}: {
  poll: Poll;
  results: PollResults | undefined;
  room: LiveRoom;
  /** Called once a vote is in (the activity sheet closes). */
  onVoted?: () => void;
}) {
  const { t } = useT();
  const errorText = useErrorText();
  const toast = useToast();
  const [choices, setChoices] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [voted, setVoted] = useState(false);
  const [busy, setBusy] = useState(false);
  const vote = async () => {
    setBusy(true);
    try {
      await room.act(
        'poll.vote',
        poll.kind === 'text' ? { pollId: poll.id, text } : { pollId: poll.id, choices },
      );
      setVoted(true);
      toast(t('live.polls.voted'));
      onVoted?.();
    } catch (error) {
      toast(errorText(error), 'danger');
    } finally {
      setBusy(false);
    }
  };
  const open = poll.status === 'open';
  const legendId = `poll-${poll.id}`;
  return (
    <Card>
      <fieldset disabled={!open} aria-labelledby={legendId}>
        <div className="mb-3 flex items-start justify-between gap-2">
          <h3 id={legendId} className="font-semibold">
            {poll.question}
          </h3>
          <StatusBadge poll={poll} />
        </div>
        {poll.kind === 'text' ? (
          <textarea
            aria-labelledby={legendId}
            value={text}
            maxLength={2000}
            onChange={(e) => setText(e.target.value)}
            className="min-h-24 w-full rounded-lg border border-border bg-surface p-3"
          />
        ) : (
          <div className="flex flex-col gap-1">
            {poll.options.map((option) => (
              <label
                key={option.id}
                className="flex min-h-11 items-center gap-3 rounded-lg px-2 hover:bg-surface-muted"
              >
                <input
                  type={poll.kind === 'single' ? 'radio' : 'checkbox'}
                  name={legendId}
                  value={option.id}
                  checked={choices.includes(option.id)}
                  onChange={(e) =>
                    setChoices((current) =>
                      poll.kind === 'single'
                        ? [option.id]
                        : e.target.checked
                          ? [...current, option.id]
                          : current.filter((c) => c !== option.id),
                    )
                  }
                  className="size-5 accent-accent"
                />
                <span>
                  {option.text}
                  {option.correct && (
                    <span className="ml-1 font-semibold text-success">✓ {t('live.polls.correct')}</span>
                  )}
                </span>
              </label>
            ))}
          </div>
        )}
        {open && (
          <div className="mt-3 flex items-center gap-3">
            <Button
              loading={busy}
              disabled={poll.kind === 'text' ? !text.trim() : choices.length === 0}
              onClick={vote}
            >
              {voted ? t('live.polls.changeVote') : t('live.polls.vote')}
            </Button>
            {voted && <span className="text-sm text-fg-muted">{t('live.polls.votedHint')}</span>}
          </div>
        )}
      </fieldset>
      {results && poll.resultsVisible && (
        <div className="mt-4">
          <PollResultsView poll={poll} results={results} />
        </div>
      )}
    </Card>
  );
}

/** Downloads the per-student CSV (the request needs the bearer token, so not a plain link). */
function ExportLink({ sessionId }: { sessionId: string }) {
  const { t } = useT();
  const errorText = useErrorText();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const download = async () => {
    try {
      const { data, response } = await api.GET('/api/v1/eduforum/sessions/{sessionId}/polls/export', {
        params: { path: { sessionId } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw new Error(String(response.status));
      saveBlob(data, `polls-${sessionId}.csv`);
    } catch (error) {
      toast(errorText(error), 'danger');
    }
  };
  return (
    <Button variant="secondary" onClick={download}>
      {t('live.polls.export')}
    </Button>
  );
}
