import type { AppName } from '@app/contracts';
import { useTitle } from '@app/ui';
import { useTranslation } from 'react-i18next';

const look = {
  eduforum: { accent: 'bg-[#1d4ed8]' },
  languagemate: { accent: 'bg-[#047857]' },
  studymate: { accent: 'bg-[#6d28d9]' },
  storehelper: { accent: 'bg-[#c2410c]' },
} as const satisfies Record<AppName, unknown>;

// Listed here rather than imported from the contracts, whose zod schemas would come along.
const appNames = Object.keys(look) as AppName[];

/** The four apps, each a link to its own web app at `/<app>/`. */
export function PortalHome() {
  const { t } = useTranslation();
  useTitle(t('apps.portal.name'));
  return (
    <>
      <header className="mb-8">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t('portal.title')}</h1>
        <p className="mt-2 text-lg text-fg-muted">{t('portal.lead')}</p>
      </header>
      <ul className="grid gap-4 sm:grid-cols-2">
        {appNames.map((app) => (
          <li key={app}>
            <a
              href={`/${app}/`}
              className="flex h-full flex-col gap-3 rounded-xl border border-border bg-surface p-5 shadow-sm transition hover:border-fg-muted hover:shadow-md"
            >
              <span className="flex items-center gap-3">
                {/* The name's first letter on the app's colour: no emoji or icon font to depend on. */}
                <span
                  aria-hidden="true"
                  className={`flex size-11 shrink-0 items-center justify-center rounded-lg text-xl font-bold text-white ${look[app].accent}`}
                >
                  {[...t(`apps.${app}.name`)][0]}
                </span>
                <span>
                  <span className="block text-lg font-semibold">{t(`apps.${app}.name`)}</span>
                  <span className="block text-sm text-fg-muted">{t(`apps.${app}.tagline`)}</span>
                </span>
              </span>
              <span className="text-fg-muted">{t(`apps.${app}.description`)}</span>
              <span className="mt-auto text-sm font-semibold underline">
                {t('portal.open', { app: t(`apps.${app}.name`) })}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
