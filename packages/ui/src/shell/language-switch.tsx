import { useTranslation } from 'react-i18next';
import { useApi, useSession } from '../app/context.js';
import { currentLanguage, type Language } from '../i18n/i18n.js';

/** Switches between Korean and English; a signed-in user's choice is also saved (mail language). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { status } = useSession();
  const next: Language = currentLanguage(i18n.language) === 'ko' ? 'en' : 'ko';
  const change = () => {
    void i18n.changeLanguage(next);
    if (status === 'signed-in')
      void api.PATCH('/api/v1/me', { body: { locale: next } }).catch(() => undefined);
  };
  return (
    <button
      type="button"
      onClick={change}
      lang={next}
      title={t('common.language')}
      className="min-h-11 rounded-lg px-3 text-sm font-semibold text-fg hover:bg-surface-muted"
    >
      {t(`languages.${next}`)}
    </button>
  );
}
