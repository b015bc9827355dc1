const KEY = 'languagemate.calls.relayOnly';

/**
 * Whether calls go only through the TURN relay, so the partner never learns this device's IP
 * address (at some cost in latency). Kept on this device; read when a call starts.
 */
export function relayOnlyPreference(): boolean {
  try {
    return localStorage.getItem(KEY) === 'true';
  } catch {
    return false;
  }
}

export function setRelayOnlyPreference(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, 'true');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}
