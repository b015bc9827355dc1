import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { shiftCaret, textEdit } from './notes-text.js';

describe('shared notes text', () => {
  it('turns any text into any other with one edit', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const { at, remove, insert } = textEdit(before, after);
        expect(before.slice(0, at) + insert + before.slice(at + remove)).toBe(after);
      }),
    );
  });

  it('keeps a caret on the same character when someone else edits the text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.nat(), (text, typed, seed) => {
        const doc = new Y.Doc();
        const shared = doc.getText('notes');
        shared.insert(0, text);
        const caret = seed % (text.length + 1);
        const marker = caret < text.length ? text.slice(caret) : '';
        let delta: unknown = [];
        shared.observe((event) => {
          delta = event.delta;
        });
        // Someone types before, or after, the caret.
        const at = (seed * 7) % (text.length + 1);
        shared.insert(at, typed);
        const moved = shiftCaret(caret, delta as never);
        expect(shared.toString().slice(moved)).toBe(at <= caret ? marker : shared.toString().slice(caret));
      }),
    );
  });
});
