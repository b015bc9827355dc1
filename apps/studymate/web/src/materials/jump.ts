/** The element id of a passage in the reader. */
export const passageId = (ordinal: number) => `passage-${ordinal}`;

const FLASH = ['bg-warning-soft', 'ring-2', 'ring-accent'];
const flashing = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/**
 * Scrolls to a passage, moves focus there (so the keyboard continues from it) and flashes it for a
 * moment; the flash fades through the passage's colour transition.
 */
export function jumpToPassage(ordinal: number): boolean {
  const element = document.getElementById(passageId(ordinal));
  if (!element) return false;
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'center' });
  element.focus({ preventScroll: true });
  clearTimeout(flashing.get(element));
  element.classList.add(...FLASH);
  element.dataset.flash = 'on';
  flashing.set(
    element,
    setTimeout(() => {
      element.classList.remove(...FLASH);
      delete element.dataset.flash;
    }, 1600),
  );
  return true;
}
