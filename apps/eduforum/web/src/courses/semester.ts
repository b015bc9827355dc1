import { useT } from '../i18n.js';

/** The terms a semester may name (`2026-fall`, `2026-1`), as the contract's semester rule allows. */
export const terms = ['1', '2', 'spring', 'summer', 'fall', 'winter'] as const;

/** `2026-fall` as people say it ("Fall 2026", "2026년 가을학기"); anything else as it is. */
export function useSemesterLabel(): (semester: string) => string {
  const { t } = useT();
  return (semester) => {
    const [year, term] = semester.split('-');
    const known = terms.find((x) => x === term);
    if (!year || !known) return semester;
    return t('courses.semesterLabel', { year, term: t(`courses.fields.terms.${known}`) });
  };
}
