import { call } from '@app/client';
import type { EduforumPaths, Question, Quiz, QuizResult } from '@app/eduforum-contracts';
import {
  Badge,
  Button,
  Card,
  CheckboxField,
  SelectField,
  TextField,
  useApi,
  useFormat,
  useToast,
} from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import type { LiveRoom } from './use-live-room.js';

/** Seconds left until `closesAt`, ticking every second. */
function useSecondsLeft(closesAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!closesAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [closesAt]);
  return closesAt ? Math.max(0, Math.round((new Date(closesAt).getTime() - now) / 1000)) : null;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** Quizzes of the session: staff launch one from the course's bank; students answer within the time. */
export function QuizPanel({
  room,
  courseId,
  sessionId,
}: {
  room: LiveRoom;
  courseId: string;
  sessionId: string;
}) {
  const { t } = useT();
  const quizzes = Object.values(room.state.quizzes).reverse();
  return (
    <div className="flex flex-col gap-4">
      {room.staff && <QuizLauncher courseId={courseId} sessionId={sessionId} room={room} />}
      {quizzes.length === 0 && <p className="text-sm text-fg-muted">{t('live.quizzes.none')}</p>}
      {quizzes.map((quiz) =>
        room.staff ? (
          <StaffQuiz key={quiz.id} quiz={quiz} room={room} />
        ) : (
          <StudentQuiz key={quiz.id} quiz={quiz} />
        ),
      )}
    </div>
  );
}

function QuizLauncher({
  courseId,
  sessionId,
  room,
}: {
  courseId: string;
  sessionId: string;
  room: LiveRoom;
}) {
  const { t } = useT();
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const [expanded, setExpanded] = useState(false);
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('5');
  const [picked, setPicked] = useState<string[]>([]);
  const [scoring, setScoring] = useState<Quiz['scoring']>('all_or_nothing');
  const [showAnswers, setShowAnswers] = useState(true);
  const [busy, setBusy] = useState(false);
  const bank = useQuery({
    queryKey: ['eduforum', 'questions', courseId],
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/courses/{courseId}/questions', { params: { path: { courseId } } })),
    enabled: expanded,
  });
  if (!expanded)
    return (
      <Button variant="secondary" onClick={() => setExpanded(true)}>
        {t('live.quizzes.new')}
      </Button>
    );
  const launch = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const created = await call(
        api.POST('/api/v1/eduforum/sessions/{sessionId}/quizzes', {
          params: { path: { sessionId } },
          body: {
            title: title.trim() || t('live.quizzes.defaultTitle'),
            questionIds: picked,
            timeLimitS: Math.round(Number(minutes) * 60),
            scoring,
            showAnswers,
          },
        }),
      );
      const opened = await call(
        api.POST('/api/v1/eduforum/quizzes/{quizId}/open', { params: { path: { quizId: created.id } } }),
      );
      room.dispatch({ type: 'quiz', quiz: opened as Quiz });
      setExpanded(false);
      setPicked([]);
    } catch (error) {
      toast(errorText(error), 'danger');
    } finally {
      setBusy(false);
    }
  };
  const questions = (bank.data?.items ?? []) as Question[];
  return (
    <Card>
      <form onSubmit={launch} className="flex flex-col gap-3">
        <h3 className="font-semibold">{t('live.quizzes.new')}</h3>
        <TextField
          label={t('live.quizzes.title')}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextField
          label={t('live.quizzes.minutes')}
          type="number"
          min={1}
          max={120}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <SelectField
          label={t('live.quizzes.scoring')}
          value={scoring}
          onChange={(e) => setScoring(e.target.value as Quiz['scoring'])}
          options={(['all_or_nothing', 'partial'] as const).map((value) => ({
            value,
            label: t(`live.quizzes.scorings.${value}`),
          }))}
        />
        <CheckboxField
          label={t('live.quizzes.showAnswers')}
          checked={showAnswers}
          onChange={(e) => setShowAnswers(e.target.checked)}
        />
        <fieldset>
          <legend className="mb-1 text-sm font-semibold">{t('live.quizzes.pick')}</legend>
          {bank.isPending && <p className="text-sm text-fg-muted">{tc('common.loading')}</p>}
          {bank.isSuccess && questions.length === 0 && (
            <p className="text-sm text-fg-muted">{t('live.quizzes.emptyBank')}</p>
          )}
          <div className="flex max-h-64 flex-col overflow-y-auto">
            {questions.map((q) => (
              <CheckboxField
                key={q.id}
                label={`${q.prompt} (${t(`live.quizzes.kinds.${q.kind}`)}, ${q.points})`}
                checked={picked.includes(q.id)}
                onChange={(e) =>
                  setPicked((list) => (e.target.checked ? [...list, q.id] : list.filter((id) => id !== q.id)))
                }
              />
            ))}
          </div>
        </fieldset>
        <div className="flex gap-2">
          <Button type="submit" loading={busy} disabled={picked.length === 0 || !(Number(minutes) >= 1)}>
            {t('live.quizzes.launch')}
          </Button>
          <Button variant="ghost" onClick={() => setExpanded(false)}>
            {tc('common.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Staff's card of one quiz: timer, submissions and the report; in the room, "Close now". */
export function StaffQuiz({ quiz, room }: { quiz: Quiz; room?: LiveRoom | undefined }) {
  const { t } = useT();
  const errorText = useErrorText();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const left = useSecondsLeft(quiz.status === 'open' ? quiz.closesAt : null);
  const report = useQuery({
    queryKey: ['eduforum', 'quiz-report', quiz.id, quiz.status, room?.state.submissions[quiz.id] ?? 0],
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/quizzes/{quizId}/report', { params: { path: { quizId: quiz.id } } })),
  });
  const close = async () => {
    try {
      const closed = await call(
        api.POST('/api/v1/eduforum/quizzes/{quizId}/close', { params: { path: { quizId: quiz.id } } }),
      );
      room?.dispatch({ type: 'quiz', quiz: closed as Quiz });
    } catch (error) {
      toast(errorText(error), 'danger');
    }
  };
  const prompts = new Map(quiz.questions.map((q) => [q.id, q.prompt]));
  return (
    <Card>
      <div className="mb-2 flex items-start justify-between gap-2">
        <h3 className="font-semibold">{quiz.title}</h3>
        <Badge tone={quiz.status === 'open' ? 'success' : 'neutral'}>
          {quiz.status === 'open' && left !== null ? clock(left) : t(`live.polls.status.${quiz.status}`)}
        </Badge>
      </div>
      <p className="text-sm text-fg-muted">{t(`live.quizzes.scorings.${quiz.scoring}`)}</p>
      <p className="text-sm text-fg-muted" aria-live="polite">
        {t('live.quizzes.submitted', { count: report.data?.students.length ?? 0 })}
      </p>
      {report.data && report.data.students.length > 0 && (
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <table className="text-sm">
            <caption className="text-left font-semibold">{t('live.quizzes.byStudent')}</caption>
            <tbody>
              {report.data.students.map((s) => (
                <tr key={s.userId}>
                  <td className="py-1 pr-2">{s.name}</td>
                  <td className="tabular-nums">
                    {s.score}/{s.maxScore}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="text-sm">
            <caption className="text-left font-semibold">{t('live.quizzes.byQuestion')}</caption>
            <tbody>
              {report.data.questions.map((q) => (
                <tr key={q.questionId}>
                  <td className="py-1 pr-2">{prompts.get(q.questionId)}</td>
                  <td className="tabular-nums">
                    {q.correct}/{q.answered}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {quiz.status === 'open' && room && (
        <Button variant="secondary" className="mt-3" onClick={close}>
          {t('live.quizzes.close')}
        </Button>
      )}
    </Card>
  );
}

type Answers = Record<string, { choices?: string[]; text?: string }>;

/** A student's answer sheet of one quiz with its timer, then their score. */
export function StudentQuiz({ quiz, onAnswered }: { quiz: Quiz; onAnswered?: () => void }) {
  const { t } = useT();
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const format = useFormat();
  const [answers, setAnswers] = useState<Answers>({});
  const [result, setResult] = useState<QuizResult | null>(null);
  const [busy, setBusy] = useState(false);
  const left = useSecondsLeft(quiz.status === 'open' ? quiz.closesAt : null);
  const mine = useQuery({
    queryKey: ['eduforum', 'my-result', quiz.id, quiz.status],
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/quizzes/{quizId}/my-result', { params: { path: { quizId: quiz.id } } })),
    retry: false,
  });
  const shown = result ?? (mine.data as QuizResult | undefined) ?? null;
  // Answered (now, or before a reload): the activity sheet has nothing more to ask.
  const answered = shown !== null;
  useEffect(() => {
    if (answered) onAnswered?.();
  }, [answered, onAnswered]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const graded = await call(
        api.POST('/api/v1/eduforum/quizzes/{quizId}/submissions', {
          params: { path: { quizId: quiz.id } },
          body: { answers: Object.entries(answers).map(([questionId, a]) => ({ questionId, ...a })) },
        }),
      );
      setResult(graded as QuizResult);
    } catch (error) {
      toast(errorText(error), 'danger');
    } finally {
      setBusy(false);
    }
  };
  const set = (questionId: string, value: { choices?: string[]; text?: string }) =>
    setAnswers((current) => ({ ...current, [questionId]: value }));
  return (
    <Card>
      <div className="mb-3 flex items-start justify-between gap-2">
        <h3 className="font-semibold">{quiz.title}</h3>
        <Badge tone={quiz.status === 'open' ? 'success' : 'neutral'}>
          {quiz.status === 'open' && left !== null ? clock(left) : t(`live.polls.status.${quiz.status}`)}
        </Badge>
      </div>
      <p className="mb-3 text-sm text-fg-muted">{t(`live.quizzes.scorings.${quiz.scoring}`)}</p>
      {shown ? (
        <div className="flex flex-col gap-3">
          <p className="font-semibold" aria-live="polite">
            {t('live.quizzes.score', {
              score: format.number(shown.score),
              max: format.number(shown.maxScore),
            })}
          </p>
          {shown.review ? (
            <QuizReview quiz={quiz} result={shown} />
          ) : (
            <p className="text-sm text-fg-muted">
              {quiz.showAnswers ? t('live.quizzes.answersLater') : t('live.quizzes.answersHidden')}
            </p>
          )}
        </div>
      ) : quiz.status !== 'open' ? (
        <p className="text-sm text-fg-muted">{t('live.quizzes.closedUnanswered')}</p>
      ) : mine.isPending ? (
        // Whether this person already answered (another tab, before a reload) is not known yet:
        // no answer sheet to fill in and send until it is.
        <p role="status" className="text-sm text-fg-muted">
          {tc('common.loading')}
        </p>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-4">
          {quiz.questions.map((q, index) => (
            <fieldset key={q.id} className="flex flex-col gap-1">
              <legend className="mb-1 font-medium">
                {index + 1}. {q.prompt}{' '}
                <span className="text-sm text-fg-muted">
                  ({t('live.quizzes.points', { count: q.points })})
                </span>
              </legend>
              {q.kind === 'short' ? (
                <input
                  aria-label={q.prompt}
                  maxLength={500}
                  value={answers[q.id]?.text ?? ''}
                  onChange={(e) => set(q.id, { text: e.target.value })}
                  className="min-h-11 rounded-lg border border-border bg-surface px-3"
                />
              ) : (
                (q.kind === 'true_false'
                  ? [
                      { id: 'true', text: t('live.quizzes.true') },
                      { id: 'false', text: t('live.quizzes.false') },
                    ]
                  : q.options
                ).map((option) => {
                  const chosen = answers[q.id]?.choices ?? [];
                  return (
                    <label
                      key={option.id}
                      className="flex min-h-11 items-center gap-3 rounded-lg px-2 hover:bg-surface-muted"
                    >
                      <input
                        type={q.kind === 'multiple' ? 'checkbox' : 'radio'}
                        name={`q-${q.id}`}
                        checked={chosen.includes(option.id)}
                        onChange={(e) =>
                          set(q.id, {
                            choices:
                              q.kind === 'multiple'
                                ? e.target.checked
                                  ? [...chosen, option.id]
                                  : chosen.filter((c) => c !== option.id)
                                : [option.id],
                          })
                        }
                        className="size-5 accent-accent"
                      />
                      {option.text}
                    </label>
                  );
                })
              )}
            </fieldset>
          ))}
          <Button type="submit" loading={busy} disabled={left === 0}>
            {t('live.quizzes.submit')}
          </Button>
        </form>
      )}
    </Card>
  );
}

/** A closed quiz's review for its student: per question their answer, the right one, the explanation. */
function QuizReview({ quiz, result }: { quiz: Quiz; result: QuizResult }) {
  const { t } = useT();
  const format = useFormat();
  const earned = new Map(result.answers.map((a) => [a.questionId, a]));
  const labelOf = (question: Quiz['questions'][number], ids: string[]) =>
    ids
      .map((id) =>
        question.kind === 'true_false'
          ? t(id === 'true' ? 'live.quizzes.true' : 'live.quizzes.false')
          : (question.options.find((o) => o.id === id)?.text ?? id),
      )
      .join(', ');
  return (
    <section aria-label={t('live.quizzes.review')} className="flex flex-col gap-3">
      <h4 className="font-semibold">{t('live.quizzes.review')}</h4>
      <ol className="flex flex-col gap-3">
        {(result.review ?? []).map((item, index) => {
          const question = quiz.questions.find((q) => q.id === item.questionId);
          if (!question) return null;
          const mark = earned.get(item.questionId);
          const given =
            item.given?.text ?? (item.given?.choices ? labelOf(question, item.given.choices) : '');
          const right =
            question.kind === 'short'
              ? item.acceptedAnswers.join(' / ')
              : labelOf(question, item.correctChoices);
          return (
            <li
              key={item.questionId}
              className={`rounded-lg border p-3 ${mark?.correct ? 'border-success' : 'border-danger'}`}
            >
              <p className="font-medium">
                {index + 1}. {question.prompt}
              </p>
              <p className="text-sm">
                {given ? t('live.quizzes.yourAnswer', { answer: given }) : t('live.quizzes.noAnswer')}
              </p>
              <p className="text-sm font-semibold text-success">
                {t('live.quizzes.rightAnswer', { answer: right })}
              </p>
              <p className="text-sm text-fg-muted">
                {t('live.quizzes.earned', {
                  count: question.points,
                  points: format.number(mark?.points ?? 0),
                  max: format.number(question.points),
                })}
              </p>
              {item.explanation && <p className="mt-1 text-sm whitespace-pre-wrap">{item.explanation}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The recap's quizzes: staff see each report, a student their score and review. */
export function RecapQuizzes({ sessionId, staff }: { sessionId: string; staff: boolean }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const quizzes = useQuery({
    queryKey: ['eduforum', 'recap-quizzes', sessionId],
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/sessions/{sessionId}/quizzes', { params: { path: { sessionId } } })),
  });
  const items = ((quizzes.data?.items ?? []) as Quiz[]).filter((quiz) => quiz.status !== 'draft');
  return (
    <div className="flex flex-col gap-4">
      {quizzes.isSuccess && items.length === 0 && (
        <p className="text-sm text-fg-muted">{t('live.quizzes.none')}</p>
      )}
      {items.map((quiz) =>
        staff ? <StaffQuiz key={quiz.id} quiz={quiz} /> : <StudentQuiz key={quiz.id} quiz={quiz} />,
      )}
    </div>
  );
}
