import type { ChannelVerdict } from './channels.js';

/** How often a check is asked again when access changes keep racing it. */
const MAX_ATTEMPTS = 3;

/**
 * Counts access rechecks on this instance, so a check that was running while one began can be
 * asked again: its answer may have been read before the change committed, and the recheck did
 * not see the subscription it was about to admit.
 */
export class AccessEpoch {
  private value = 0;

  /** A recheck begins. */
  bump(): void {
    this.value++;
  }

  /**
   * Asks until no recheck began while it asked; refuses after a few races (changes are rare, and
   * the client may ask again).
   */
  async settled(ask: () => Promise<ChannelVerdict> | ChannelVerdict): Promise<ChannelVerdict> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const before = this.value;
      const verdict = await ask();
      if (verdict !== true) return verdict;
      if (before === this.value) return true;
    }
    return false;
  }
}
