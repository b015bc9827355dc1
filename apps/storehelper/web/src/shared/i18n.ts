import { useTranslation } from 'react-i18next';

/** `t` for storehelper's texts (`t('store.inbox')`); the kit's texts stay in the default namespace. */
export function useT() {
  return useTranslation('storehelper');
}
