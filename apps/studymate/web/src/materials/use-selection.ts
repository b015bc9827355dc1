import { useEffect, useState } from 'react';
import { selectionOffsets } from './segments.js';

/** A span the learner selected inside one passage's text. */
export interface PassageSelection {
  passage: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Follows the page's text selection and reports it when it lies inside one passage's text (an
 * element with `data-passage-text="<ordinal>"`), as offsets into that passage; null otherwise.
 */
export function usePassageSelection(): [PassageSelection | null, () => void] {
  const [selection, setSelection] = useState<PassageSelection | null>(null);
  useEffect(() => {
    const update = () => {
      const current = document.getSelection();
      if (!current || current.rangeCount === 0 || current.isCollapsed) {
        setSelection(null);
        return;
      }
      const range = current.getRangeAt(0);
      const start =
        range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
      const container = start?.closest<HTMLElement>('[data-passage-text]');
      const offsets = container ? selectionOffsets(container, range) : null;
      if (!container || !offsets) {
        setSelection(null);
        return;
      }
      setSelection({
        passage: Number(container.dataset.passageText),
        ...offsets,
        text: range.toString(),
      });
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, []);
  const clear = () => {
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  };
  return [selection, clear];
}
