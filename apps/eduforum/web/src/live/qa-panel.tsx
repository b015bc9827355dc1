import { call } from '@app/client';
import type { EduforumPaths, MyQaQuestion } from '@app/eduforum-contracts';
import { Badge, Button, CheckboxField, useApi, useFormat, useToast } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import type { LiveRoom } from './use-live-room.js';

/** Open questions by votes (then oldest first), answered ones after them. */
export function sortQuestions(questions: MyQaQuestion[]): MyQaQuestion[] {
  const rank = (q: MyQaQuestion) => (q.status === 'answered' ? 1 : 0);
  return [...questions].sort(
    (a, b) => rank(a) - rank(b) || b.votes - a.votes || a.createdAt.localeCompare(b.createdAt),
  );
}

/**
 * Loads the session's questions into the room's state: on joining and again after each new
 * snapshot (a reconnect may have missed `qa.changed` events); the events keep it current between.
 */
export function useQaQuestions(room: LiveRoom, sessionId: string): void {
  const api = useApi<EduforumPaths>();
  const { dispatch } = room;
  const snapshot = room.state.snapshot;
  const list = useQuery({
    queryKey: ['eduforum', 'qa', sessionId, snapshot],
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/sessions/{sessionId}/qa', { params: { path: { sessionId } } })),
    enabled: snapshot !== null,
  });
  useEffect(() => {
    if (list.data) dispatch({ type: 'qa', questions: list.data.items as MyQaQuestion[] });
  }, [dispatch, list.data]);
}

/** Q&A of the live room: ask (optionally anonymously), upvote, and for staff mark answered, hide or reopen. */
export function QaPanel({ room, sessionId, live }: { room: LiveRoom; sessionId: string; live: boolean }) {
  const { t } = useT();
  const { state, staff } = room;
  const questions = sortQuestions(Object.values(state.qa).filter((q) => staff || q.status !== 'hidden'));
  return (
    <div className="flex flex-col gap-4">
      {live && <AskForm room={room} sessionId={sessionId} />}
      {questions.length === 0 ? (
        <p className="text-sm text-fg-muted">{t('live.qa.none')}</p>
      ) : (
        <ol className="flex flex-col gap-2" aria-label={t('live.qa.title')}>
          {questions.map((question) => (
            <li key={question.id}>
              <QuestionItem question={question} room={room} live={live} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function AskForm({ room, sessionId }: { room: LiveRoom; sessionId: string }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const errorText = useErrorText();
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setError(t('live.qa.empty'));
    setBusy(true);
    setError(undefined);
    try {
      const asked = await call(
        api.POST('/api/v1/eduforum/sessions/{sessionId}/qa', {
          params: { path: { sessionId } },
          body: { body, anonymous },
        }),
      );
      room.dispatch({ type: 'qa', questions: [asked as MyQaQuestion] });
      setBody('');
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" aria-label={t('live.qa.ask')} noValidate>
      <label htmlFor="qa-body" className="text-sm font-semibold">
        {t('live.qa.yourQuestion')}
      </label>
      <textarea
        id="qa-body"
        value={body}
        maxLength={500}
        rows={2}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'qa-error' : undefined}
        onChange={(event) => setBody(event.target.value)}
        className="min-h-11 w-full rounded-lg border border-border bg-surface p-2"
      />
      {error && (
        <p id="qa-error" role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CheckboxField
          label={t('live.qa.anonymous')}
          checked={anonymous}
          onChange={(event) => setAnonymous(event.target.checked)}
        />
        <Button type="submit" loading={busy}>
          {t('live.qa.ask')}
        </Button>
      </div>
    </form>
  );
}

function QuestionItem({ question, room, live }: { question: MyQaQuestion; room: LiveRoom; live: boolean }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const format = useFormat();
  const toast = useToast();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      room.dispatch({ type: 'qa', questions: [(await run()) as MyQaQuestion] });
    } catch (caught) {
      toast(errorText(caught), 'danger');
    } finally {
      setBusy(false);
    }
  };
  const path = { params: { path: { qaId: question.id } } };
  const vote = () =>
    act(() =>
      call(
        question.myVote
          ? api.DELETE('/api/v1/eduforum/qa/{qaId}/vote', path)
          : api.PUT('/api/v1/eduforum/qa/{qaId}/vote', path),
      ),
    );
  const setStatus = (status: MyQaQuestion['status']) =>
    act(() => call(api.PUT('/api/v1/eduforum/qa/{qaId}/status', { ...path, body: { status } })));
  const who = question.author?.name ?? t('live.qa.anonymousAuthor');
  return (
    <article
      className={`flex gap-3 rounded-lg border p-3 ${question.status === 'hidden' ? 'border-dashed border-border opacity-70' : 'border-border'}`}
    >
      <Button
        variant={question.myVote ? 'primary' : 'secondary'}
        aria-pressed={question.myVote}
        disabled={!live || busy}
        onClick={() => void vote()}
        className="flex min-w-14 flex-col px-2 leading-tight"
      >
        <span aria-hidden="true">▲</span>
        <span aria-hidden="true">{question.votes}</span>
        <span className="sr-only">
          {t('live.qa.upvote', { count: question.votes, question: question.body })}
        </span>
      </Button>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="break-words whitespace-pre-wrap">{question.body}</p>
        <p className="flex flex-wrap items-center gap-2 text-xs text-fg-muted">
          <span>
            {who}
            {question.mine && ` · ${t('live.qa.mine')}`} · {format.time(question.createdAt)}
          </span>
          {question.status === 'answered' && <Badge tone="success">{t('live.qa.answered')}</Badge>}
          {question.status === 'hidden' && <Badge>{t('live.qa.hidden')}</Badge>}
        </p>
        {room.staff && (
          <div className="flex flex-wrap gap-2">
            {question.status !== 'answered' && (
              <Button
                variant="secondary"
                className="px-3"
                disabled={busy}
                onClick={() => void setStatus('answered')}
              >
                {t('live.qa.markAnswered')}
              </Button>
            )}
            {question.status !== 'hidden' && (
              <Button
                variant="secondary"
                className="px-3"
                disabled={busy}
                onClick={() => void setStatus('hidden')}
              >
                {t('live.qa.hide')}
              </Button>
            )}
            {question.status !== 'open' && (
              <Button
                variant="secondary"
                className="px-3"
                disabled={busy}
                onClick={() => void setStatus('open')}
              >
                {t('live.qa.reopen')}
              </Button>
            )}
          </div>
        )}
      </div>
    </article>
  );
}

/** The recap's Q&A: what was asked, by votes, with what staff did (read-only). */
export function QaRecap({ sessionId }: { sessionId: string }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const list = useQuery({
    queryKey: ['eduforum', 'qa-recap', sessionId],
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/sessions/{sessionId}/qa', { params: { path: { sessionId } } })),
  });
  const questions = sortQuestions((list.data?.items ?? []) as MyQaQuestion[]);
  if (list.isSuccess && questions.length === 0)
    return <p className="text-sm text-fg-muted">{t('live.qa.none')}</p>;
  return (
    <ol className="flex flex-col gap-2" aria-label={t('live.qa.title')}>
      {questions.map((question) => (
        <li key={question.id} className="flex gap-3 rounded-lg border border-border p-3">
          <span className="min-w-10 text-center font-semibold tabular-nums">
            <span aria-hidden="true">▲ {question.votes}</span>
            <span className="sr-only">{t('live.qa.votes', { count: question.votes })}</span>
          </span>
          <div className="min-w-0 flex-1">
            <p className="break-words whitespace-pre-wrap">{question.body}</p>
            <p className="flex flex-wrap items-center gap-2 text-xs text-fg-muted">
              {question.author?.name ?? t('live.qa.anonymousAuthor')}
              {question.status === 'answered' && <Badge tone="success">{t('live.qa.answered')}</Badge>}
              {question.status === 'hidden' && <Badge>{t('live.qa.hidden')}</Badge>}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
