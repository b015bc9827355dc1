import { useTranslation } from 'react-i18next';

/** `t` for studymate's texts (`t('review.show')`); the kit's texts stay in the default namespace. */
export function useT() {
  return useTranslation('studymate');
}
