import type { Quiz } from '@app/studymate-contracts';
import { useT } from '../shared/i18n.js';

type Question = Quiz['questions'][number];

/** The question's number and prompt (shown above its feedback once answered). */
export function QuestionHeading({ question, n }: { question: Question; n: number }) {
  const { t } = useT();
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm font-semibold text-fg-muted">
        {t('quiz.questionN', { n })} · {t(`quiz.type.${question.type}`)}
      </p>
      <h2 className="text-lg font-semibold whitespace-pre-wrap">{question.prompt}</h2>
    </div>
  );
}
