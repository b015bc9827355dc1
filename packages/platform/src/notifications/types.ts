import type { AppName, Locale, NotificationChannel, NotificationMode } from '@app/contracts';

/** Title and body of a notification in one language; `{name}` placeholders take values from `data`. */
export interface NotificationText {
  title: string;
  body: string;
}

/**
 * A kind of notification: its name, texts in Korean and English, and where it leads. Declared once
 * as a module constant next to the code that sends it.
 */
export interface NotificationType {
  readonly name: string;
  readonly app: AppName | null;
  readonly text: Readonly<Record<Locale, NotificationText>>;
  readonly link: ((data: Record<string, unknown>) => string) | undefined;
  /** How this type is delivered on a channel unless the user chose otherwise (e.g. a report mailed at once). */
  readonly defaults: Readonly<Partial<Record<NotificationChannel, NotificationMode>>>;
}

/** Declared per-type defaults by type name: delivery jobs know only the name. */
const declaredDefaults = new Map<string, Readonly<Partial<Record<NotificationChannel, NotificationMode>>>>();

/** The declared default of a type on a channel, if its declaration set one. */
export function declaredMode(type: string, channel: NotificationChannel): NotificationMode | undefined {
  return declaredDefaults.get(type)?.[channel];
}

/** `notificationType('eduforum.poll.opened', { ko: {...}, en: {...} }, { app: 'eduforum', link })`. */
export function notificationType(
  name: string,
  text: Record<Locale, NotificationText>,
  options: {
    app?: AppName;
    link?: (data: Record<string, unknown>) => string;
    defaults?: Partial<Record<NotificationChannel, NotificationMode>>;
  } = {},
): NotificationType {
  if (!/^[a-z][a-z0-9]*(\.[a-zA-Z0-9_-]+)+$/.test(name))
    throw new Error(`notification type "${name}" must be namespaced, e.g. "eduforum.poll.opened"`);
  const defaults = Object.freeze({ ...options.defaults });
  if (Object.keys(defaults).length > 0) declaredDefaults.set(name, defaults);
  return Object.freeze({ name, app: options.app ?? null, text, link: options.link, defaults });
}

/** Fills `{key}` placeholders from `data`; unknown keys stay visible rather than vanish. */
export function renderText(template: string, data: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = data[key];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** Platform-wide announcement (operators, tests): the texts come in `data.title` and `data.body`. */
export const announcement = notificationType('platform.announcement', {
  ko: { title: '{title}', body: '{body}' },
  en: { title: '{title}', body: '{body}' },
});
