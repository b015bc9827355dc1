import type { Language } from '@app/languagemate-contracts';

/**
 * Time spoken per language during a call: one language is "being spoken" at a time (the toggle),
 * and the clock runs only while the call is connected. Plain data, so the page keeps it in state.
 */
export interface LanguageTimer {
  /** The language the pair says they are speaking now. */
  language: Language;
  /** When the running stretch started (ms), or null while paused (not connected yet, reconnecting, ended). */
  since: number | null;
  /** Milliseconds accumulated per language in finished stretches. */
  spentMs: Partial<Record<Language, number>>;
}

export function startTimer(language: Language): LanguageTimer {
  return { language, since: null, spentMs: {} };
}

function banked(timer: LanguageTimer, now: number): Partial<Record<Language, number>> {
  if (timer.since === null) return timer.spentMs;
  const running = Math.max(0, now - timer.since);
  return { ...timer.spentMs, [timer.language]: (timer.spentMs[timer.language] ?? 0) + running };
}

/** Switches the spoken language: the time so far counts for the previous one. */
export function switchLanguage(timer: LanguageTimer, language: Language, now: number): LanguageTimer {
  if (language === timer.language) return timer;
  return { language, since: timer.since === null ? null : now, spentMs: banked(timer, now) };
}

/** Starts or stops the clock (connected or not); idempotent either way. */
export function setRunning(timer: LanguageTimer, running: boolean, now: number): LanguageTimer {
  if (running === (timer.since !== null)) return timer;
  return running ? { ...timer, since: now } : { ...timer, since: null, spentMs: banked(timer, now) };
}

/** Milliseconds per language so far, the running stretch included. */
export function spentMs(timer: LanguageTimer, now: number): Partial<Record<Language, number>> {
  return banked(timer, now);
}

/** Minutes per language for the feedback form, to a tenth of a minute; languages never spoken are left out. */
export function spentMinutes(timer: LanguageTimer, now: number): Partial<Record<Language, number>> {
  const minutes: Partial<Record<Language, number>> = {};
  for (const [language, ms] of Object.entries(spentMs(timer, now)) as [Language, number][]) {
    const value = Math.round(ms / 6_000) / 10;
    if (value > 0) minutes[language] = value;
  }
  return minutes;
}
