/** The element id of a passage in the reader. */
export const passageId = (ordinal: number) => `passage-${ordinal}`;

/** Ends a passage's flash: the animation's class and the `data-flash` mark go. */
function unflash(element: HTMLElement) {
  element.classList.remove('animate-flash');
  delete element.dataset.flash;
}

/**
 * Scrolls to a passage, moves focus there (so the keyboard continues from it) and flashes it once
 * (the kit's `animate-flash`; `data-flash` is set while it runs).
 */
export function jumpToPassage(ordinal: number): boolean {
  const element = document.getElementById(passageId(ordinal));
  if (!element) return false;
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'center' });
  element.focus({ preventScroll: true });
  // Restart the animation when the same passage is flashed again.
  unflash(element);
  void element.offsetWidth;
  element.classList.add('animate-flash');
  element.dataset.flash = 'on';
  element.addEventListener('animationend', () => unflash(element), { once: true });
  return true;
}
