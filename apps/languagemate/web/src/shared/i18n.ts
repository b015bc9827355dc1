import { useTranslation } from 'react-i18next';

/** `t` for languagemate's texts (`t('home.tabs.suggestions')`); the kit's texts stay in the default namespace. */
export function useT() {
  return useTranslation('languagemate');
}
