import type { AnswerFeedback, Quiz } from '@app/studymate-contracts';
import { Link } from 'react-router';
import { useT } from '../shared/i18n.js';

type Question = Quiz['questions'][number];

/** Right or wrong, the expected answer, the explanation, and a link to the passage it came from. */
export function FeedbackPanel({
  feedback,
  question,
  materialId,
}: {
  feedback: AnswerFeedback;
  question: Question;
  materialId: string;
}) {
  const { t } = useT();
  const shown = (answer: string) =>
    question.type === 'true-false' ? t(`quiz.${answer.toLowerCase() === 'true' ? 'true' : 'false'}`) : answer;
  return (
    <div
      role="status"
      className={`flex flex-col gap-2 rounded-lg border p-4 ${
        feedback.correct ? 'border-success bg-success-soft' : 'border-danger bg-danger-soft'
      }`}
    >
      <p className={`text-lg font-bold ${feedback.correct ? 'text-success' : 'text-danger'}`}>
        <span aria-hidden="true">{feedback.correct ? '✓ ' : '✗ '}</span>
        {feedback.correct ? t('quiz.correct') : t('quiz.incorrect')}
      </p>
      <p>
        <span className="font-semibold">{t('quiz.yourAnswerWas')}</span> {shown(feedback.answer)}
      </p>
      {!feedback.correct && (
        <p>
          <span className="font-semibold">{t('quiz.expected')}</span> {shown(feedback.expected)}
        </p>
      )}
      {feedback.explanation && <p className="text-fg">{feedback.explanation}</p>}
      {feedback.passage !== null && (
        <Link
          to={`/materials/${materialId}?passage=${feedback.passage}`}
          className="self-start font-semibold text-accent underline underline-offset-4"
        >
          {t('quiz.seePassage', { n: feedback.passage + 1 })}
        </Link>
      )}
    </div>
  );
}
