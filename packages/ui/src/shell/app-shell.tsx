import { clsx } from 'clsx';
import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useMatches, useNavigate, useNavigation } from 'react-router';
import { useAppTitle, useSession, useWebApp, useWebSession } from '../app/context.js';
import { useHasPlans } from '../billing/keys.js';
import { Avatar } from '../components/avatar.js';
import { LanguageSwitch } from './language-switch.js';
import { VerifyEmailBanner } from './verify-banner.js';

// The bell (and the realtime client it subscribes with) loads after the page's first paint.
const NotificationBell = lazy(async () => ({
  default: (await import('../notifications/bell.js')).NotificationBell,
}));

const linkClass = ({ isActive }: { isActive: boolean }) =>
  clsx(
    'flex min-h-11 items-center whitespace-nowrap rounded-lg px-3 text-sm font-semibold hover:bg-surface-muted',
    isActive ? 'text-fg underline decoration-accent decoration-2 underline-offset-8' : 'text-fg-muted',
  );

/**
 * The frame of every page: skip link, header with the app's name, navigation (a menu button on
 * phones), language switch, the signed-in user, and the page in `<main>`.
 */
export function AppShell() {
  const { t } = useTranslation();
  const { manifest, nav, banner: Banner } = useWebApp();
  const app = manifest.name;
  const title = useAppTitle();
  const matches = useMatches();
  const wide = matches.some((match) => (match.handle as { wide?: boolean } | undefined)?.wide);
  const { status, user } = useSession();
  const session = useWebSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  // While the next page loads (its code on a slow network), the current one stays on screen: it
  // is made inert, so nothing is typed into or sent from a page that is about to go away.
  const leaving = useNavigation().state !== 'idle';
  // Apps with plans get Pricing (also signed out) and Billing; the plans are asked once and cached.
  const hasPlans = useHasPlans();
  // An app with several links of its own needs more room than the page's column: its header spans
  // a wider one, and the links fold into the menu below the `xl` width instead of `lg`.
  // Platform admins also get a link to the portal's admin console in every app.
  const adminConsole = app !== 'portal' && user?.platformRole === 'admin';
  const crowded = (nav?.length ?? 0) + (adminConsole ? 1 : 0) > 2;

  // A new page closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const signOut = async () => {
    await session.signOut();
    navigate('/sign-in', { replace: true });
  };

  const links =
    status === 'signed-in' ? (
      <>
        <NavLink to="/" end className={linkClass}>
          {t('nav.home')}
        </NavLink>
        {nav
          ?.filter((link) => !link.adminOnly || user?.platformRole === 'admin')
          .map((link) => (
            <NavLink key={link.to} to={link.to} className={linkClass}>
              {t(link.label, { ns: app })}
            </NavLink>
          ))}
        <NavLink to="/account/profile" className={linkClass}>
          {t('nav.profile')}
        </NavLink>
        <NavLink to="/account/security" className={linkClass}>
          {t('nav.security')}
        </NavLink>
        {hasPlans && (
          <>
            <NavLink to="/pricing" className={linkClass}>
              {t('nav.pricing')}
            </NavLink>
            <NavLink to="/billing" className={linkClass}>
              {t('nav.billing')}
            </NavLink>
          </>
        )}
        {app !== 'portal' && (
          <a href="/" className={linkClass({ isActive: false })}>
            {t('nav.allApps')}
          </a>
        )}
        {adminConsole && (
          <a href="/admin" className={linkClass({ isActive: false })}>
            {t('nav.adminConsole')}
          </a>
        )}
        <button type="button" onClick={signOut} className={linkClass({ isActive: false })}>
          {t('nav.signOut')}
        </button>
      </>
    ) : status === 'signed-out' ? (
      <>
        {app !== 'portal' && (
          <a href="/" className={linkClass({ isActive: false })}>
            {t('nav.allApps')}
          </a>
        )}
        {hasPlans && (
          <NavLink to="/pricing" className={linkClass}>
            {t('nav.pricing')}
          </NavLink>
        )}
        <NavLink to="/sign-in" className={linkClass}>
          {t('nav.signIn')}
        </NavLink>
        <NavLink to="/sign-up" className={linkClass}>
          {t('nav.signUp')}
        </NavLink>
      </>
    ) : null;

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-surface focus:p-3"
      >
        {t('common.skipToContent')}
      </a>
      <header className="border-b border-border bg-surface">
        <div
          className={clsx(
            'mx-auto flex items-center gap-2 px-4 py-2',
            wide ? 'max-w-[96rem]' : crowded ? 'max-w-7xl' : 'max-w-5xl',
          )}
        >
          <NavLink to="/" className="flex min-h-11 items-center gap-2 rounded-lg pr-2 font-bold">
            <span aria-hidden="true" className="size-3 rounded-full bg-accent" />
            <span>{title}</span>
          </NavLink>
          <nav
            aria-label={t('nav.primary')}
            className={clsx('ml-auto hidden items-center gap-1', crowded ? 'xl:flex' : 'lg:flex')}
          >
            {links}
          </nav>
          <div className={clsx('ml-auto flex shrink-0 items-center gap-1', crowded ? 'xl:ml-0' : 'lg:ml-0')}>
            <LanguageSwitch />
            {status === 'signed-in' && (
              <Suspense fallback={null}>
                <NotificationBell />
              </Suspense>
            )}
            {user && (
              <span className="hidden sm:block">
                <Avatar name={user.name} />
              </span>
            )}
            <button
              type="button"
              aria-expanded={menuOpen}
              aria-controls={menuId}
              onClick={() => setMenuOpen((open) => !open)}
              className={clsx(
                'min-h-11 min-w-11 rounded-lg px-3 text-sm font-semibold hover:bg-surface-muted',
                crowded ? 'xl:hidden' : 'lg:hidden',
              )}
            >
              {menuOpen ? t('common.closeMenu') : t('common.menu')}
            </button>
          </div>
        </div>
        <nav
          id={menuId}
          aria-label={t('nav.primary')}
          className={clsx(
            'flex-col gap-1 border-t border-border px-4 py-2',
            crowded ? 'xl:hidden' : 'lg:hidden',
            menuOpen ? 'flex' : 'hidden',
          )}
        >
          {links}
        </nav>
      </header>
      {user && !user.emailVerified && (
        <div className={clsx('mx-auto w-full px-4 pt-4', wide ? 'max-w-[96rem]' : 'max-w-5xl')}>
          <VerifyEmailBanner user={user} />
        </div>
      )}
      {user && Banner && <Banner />}
      {leaving && (
        <div aria-hidden="true" className="fixed inset-x-0 top-0 z-50 h-1 animate-pulse bg-accent" />
      )}
      <main
        id="main"
        tabIndex={-1}
        inert={leaving}
        aria-busy={leaving || undefined}
        className={clsx(
          'mx-auto w-full flex-1 px-4 outline-none',
          wide ? 'max-w-[96rem] py-4' : 'max-w-5xl py-6 sm:py-10',
        )}
      >
        <Outlet />
      </main>
    </div>
  );
}
