import { call } from '@app/client';
import { useTranslation } from 'react-i18next';
import { useApi, useSession, useWebSession } from '../app/context.js';
import { currentLanguage, type Language } from '../i18n/i18n.js';

/** Switches between Korean and English; a signed-in user's choice is also saved (mail language). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const session = useWebSession();
  const { status } = useSession();
  const next: Language = currentLanguage(i18n.language) === 'ko' ? 'en' : 'ko';
  const change = () => {
    void i18n.changeLanguage(next);
    // The saved account follows, so the profile page shows (and a save keeps) the new language.
    if (status === 'signed-in')
      void call(api.PATCH('/api/v1/me', { body: { locale: next } }))
        .then((user) => session.setUser(user))
        .catch(() => undefined);
  };
  return (
    <button
      type="button"
      onClick={change}
      lang={next}
      title={t('common.language')}
      className="min-h-11 shrink-0 whitespace-nowrap rounded-lg px-3 text-sm font-semibold text-fg hover:bg-surface-muted"
    >
      {t(`languages.${next}`)}
    </button>
  );
}
