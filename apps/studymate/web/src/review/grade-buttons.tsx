import type { Grade, ReviewNext } from '@app/studymate-contracts';
import { buttonClass } from '@app/ui';
import { useT } from '../shared/i18n.js';
import { intervalParts } from '../shared/time.js';

type Preview = NonNullable<ReviewNext['preview']>;

const grades: { grade: Grade; key: keyof Preview }[] = [
  { grade: 1, key: 'again' },
  { grade: 2, key: 'hard' },
  { grade: 3, key: 'good' },
  { grade: 4, key: 'easy' },
];

/** The grade buttons, each with its key and the interval it would give ("10m", "3d"). */
export function GradeButtons({
  preview,
  passFail,
  disabled,
  onGrade,
}: {
  preview: Preview;
  passFail: boolean;
  disabled: boolean;
  onGrade: (grade: Grade) => void;
}) {
  const { t } = useT();
  const now = Date.now();
  const shown = passFail ? grades.filter((g) => g.grade === 1 || g.grade === 3) : grades;
  return (
    <fieldset className={`grid gap-2 ${passFail ? 'grid-cols-2' : 'grid-cols-2 sm:grid-cols-4'}`}>
      <legend className="sr-only">{t('review.gradeGroup')}</legend>
      {shown.map(({ grade, key }) => {
        const interval = intervalParts(now, new Date(preview[key]).getTime());
        const after = t(`review.unit.${interval.unit}`, { count: interval.value });
        return (
          <button
            key={grade}
            type="button"
            disabled={disabled}
            onClick={() => onGrade(grade)}
            aria-keyshortcuts={String(grade)}
            className={buttonClass(
              grade === 1 ? 'danger' : grade === 3 ? 'primary' : 'secondary',
              'flex-col gap-0 py-2',
            )}
          >
            <span>{t(`review.grade.${key}`)}</span>
            <span className="text-xs font-normal">{after}</span>
            <span aria-hidden="true" className="text-xs font-normal opacity-80">
              {grade}
            </span>
          </button>
        );
      })}
    </fieldset>
  );
}
