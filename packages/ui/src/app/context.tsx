import type { Api, AppApi, SessionSnapshot, WebSession } from '@app/client';
import type { AppManifest, Localized } from '@app/contracts';
import { type ComponentType, createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router';

/** A link of the app's own in the main navigation. */
export interface AppNavLink {
  to: string;
  /** Key in the app's message namespace (`WebAppConfig.messages`). */
  label: string;
  /** Shown to platform admins only (the page itself still says when someone else opens it). */
  adminOnly?: boolean;
}

/** What each web app supplies: its manifest (name, texts, colour) and home page. */
export interface WebAppConfig {
  /** The app's manifest from its contracts (`defineManifest`); the portal has one of its own. */
  manifest: AppManifest;
  /** The first screen; after sign-in for apps, public for the portal. */
  Home: ComponentType;
  /** The home page needs no sign-in (the portal). */
  publicHome?: boolean;
  /**
   * The app's own pages, inside the shell; they render for signed-in users only. A route whose
   * `handle` is `{ wide: true }` gets the full width (a live room, a whiteboard).
   */
  routes?: RouteObject[];
  /** The app's own links in the main navigation, after Home. */
  nav?: AppNavLink[];
  /**
   * Rendered once in the shell, above every page, for signed-in users: app-wide live things such
   * as a ringing banner for incoming calls (it may render nothing most of the time).
   */
  banner?: ComponentType;
  /**
   * The app's texts, as the i18next namespace named after the app (`useTranslation(name)`); both
   * languages with the same keys.
   */
  messages?: { en: Record<string, unknown>; ko: Record<string, unknown> };
}

interface WebAppContextValue {
  config: WebAppConfig;
  api: Api;
  session: WebSession;
}

export const WebAppContext = createContext<WebAppContextValue | null>(null);

function useWebAppContext(): WebAppContextValue {
  const value = useContext(WebAppContext);
  if (!value) throw new Error('useWebApp must be used inside mountWebApp');
  return value;
}

/** The app's configuration. */
export function useWebApp(): WebAppConfig {
  return useWebAppContext().config;
}

/**
 * The typed API client (sends the session's access token). `useApi()` has the platform's paths
 * (what the kit's own pages call); an app's pages ask for theirs too, `useApi<EduforumPaths>()`
 * with the paths generated into the app's contracts, and so cannot reach another app's paths.
 * One client at runtime: the type argument is all there is to it.
 */
export function useApi(): Api;
export function useApi<AppPaths>(): AppApi<AppPaths>;
export function useApi<AppPaths>(): AppApi<AppPaths> {
  return useWebAppContext().api as AppApi<AppPaths>;
}

/** The session object (sign-in, sign-out, adopt tokens). */
export function useWebSession(): WebSession {
  return useWebAppContext().session;
}

/** The session's state; re-renders on sign-in, sign-out and user changes. */
export function useSession(): SessionSnapshot {
  const session = useWebSession();
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

/** Picks a manifest text (`{ ko, en }`) in the user's language. */
export function useLocalized(): (text: Localized) => string {
  const { i18n } = useTranslation();
  return (text) => (i18n.language.startsWith('en') ? text.en : text.ko);
}

/** The app's name in the user's language (from its manifest). */
export function useAppTitle(): string {
  const pick = useLocalized();
  return pick(useWebApp().manifest.title);
}

/** Sets the document title: "page · app". */
export function useTitle(title: string): void {
  const appName = useAppTitle();
  useEffect(() => {
    document.title = title === appName ? appName : `${title} · ${appName}`;
  }, [title, appName]);
}

/** A same-site path to return to after sign-in (never another site). */
export function safeNext(value: string | null | undefined): string {
  if (!value?.startsWith('/')) return '/';
  // Resolve it as the browser would (which drops tabs and newlines and reads `\` as `/`), and keep
  // it only when it stays on this origin.
  const base = 'https://campus.invalid';
  try {
    const url = new URL(value, base);
    // A path starting `//` (e.g. from `/.//x`) would itself read as another host.
    if (url.origin !== base || url.pathname.startsWith('//')) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
