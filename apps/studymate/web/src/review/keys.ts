import type { Grade } from '@app/studymate-contracts';

/** What a key press does in a review session. */
export type ReviewAction = 'reveal' | 'undo' | Grade;

/**
 * The review shortcut of a key press, or null: Space or Enter shows the back; 1-4 grade once it
 * is shown (1 and 3 only in pass/fail mode); z or Ctrl/Cmd+Z undoes. Keys typed into a field, and
 * Space or Enter on a focused button or link (which act on it), are not shortcuts.
 */
export function shortcutOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
  state: { revealed: boolean; passFail: boolean },
): ReviewAction | null {
  const target = event.target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = target?.tagName ?? '';
  if (target?.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(tag)) return null;
  const key = event.key;
  if ((key === 'z' || key === 'Z') && !event.altKey) return 'undo';
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (key === ' ' || key === 'Enter') {
    if (tag === 'BUTTON' || tag === 'A') return null;
    return state.revealed ? null : 'reveal';
  }
  if (!state.revealed) return null;
  const grade = Number(key);
  if (grade === 1 || grade === 3) return grade;
  if ((grade === 2 || grade === 4) && !state.passFail) return grade;
  return null;
}
