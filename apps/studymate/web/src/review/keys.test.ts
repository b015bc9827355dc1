import { describe, expect, it } from 'vitest';
import { shortcutOf } from './keys.js';

const press = (key: string, extra: { ctrlKey?: boolean; metaKey?: boolean; tagName?: string } = {}) => ({
  key,
  ctrlKey: extra.ctrlKey ?? false,
  metaKey: extra.metaKey ?? false,
  altKey: false,
  target: { tagName: extra.tagName ?? 'BODY' } as unknown as EventTarget,
});
const hidden = { revealed: false, passFail: false };
const shown = { revealed: true, passFail: false };

describe('review shortcuts', () => {
  it('shows the back with Space or Enter, and grades only once it is shown', () => {
    expect(shortcutOf(press(' '), hidden)).toBe('reveal');
    expect(shortcutOf(press('Enter'), hidden)).toBe('reveal');
    expect(shortcutOf(press('3'), hidden)).toBeNull();
    expect(shortcutOf(press(' '), shown)).toBeNull();
    expect([1, 2, 3, 4].map((n) => shortcutOf(press(String(n)), shown))).toEqual([1, 2, 3, 4]);
    expect(shortcutOf(press('5'), shown)).toBeNull();
  });

  it('offers only Again (1) and Good (3) in pass/fail mode', () => {
    const passFail = { revealed: true, passFail: true };
    expect([1, 2, 3, 4].map((n) => shortcutOf(press(String(n)), passFail))).toEqual([1, null, 3, null]);
  });

  it('undoes with z or Ctrl/Cmd+Z, whether or not the back is shown', () => {
    expect(shortcutOf(press('z'), hidden)).toBe('undo');
    expect(shortcutOf(press('z', { ctrlKey: true }), shown)).toBe('undo');
    expect(shortcutOf(press('Z', { metaKey: true }), shown)).toBe('undo');
    expect(shortcutOf(press('3', { ctrlKey: true }), shown)).toBeNull();
  });

  it('leaves typing, and Space or Enter on a focused button, alone', () => {
    expect(shortcutOf(press('1', { tagName: 'INPUT' }), shown)).toBeNull();
    expect(shortcutOf(press('z', { tagName: 'TEXTAREA' }), shown)).toBeNull();
    expect(shortcutOf(press(' ', { tagName: 'BUTTON' }), hidden)).toBeNull();
    expect(shortcutOf(press('Enter', { tagName: 'A' }), hidden)).toBeNull();
    expect(shortcutOf(press('3', { tagName: 'BUTTON' }), shown)).toBe(3);
  });
});
