import { useTranslation } from 'react-i18next';

/**
 * The `t` of a namespace whose texts live with a lazily loaded page instead of the first screen's
 * bundle: the first render that asks adds them to the page's i18next instance (both languages, once),
 * so they load with the page's chunk. Keys are checked like the kit's (`Translation<typeof en>`).
 */
export function useNamespace(
  namespace: string,
  messages: { en: Record<string, unknown>; ko: Record<string, unknown> },
) {
  const { i18n } = useTranslation();
  if (!i18n.hasResourceBundle('en', namespace)) {
    i18n.addResourceBundle('en', namespace, messages.en);
    i18n.addResourceBundle('ko', namespace, messages.ko);
  }
  return useTranslation(namespace);
}
