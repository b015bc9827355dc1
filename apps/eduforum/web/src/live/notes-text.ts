/** The smallest edit that turns `before` into `after`: where it starts, how much goes, what comes. */
export function textEdit(before: string, after: string): { at: number; remove: number; insert: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { at: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** A Yjs text delta (retain, insert, delete ops). */
export type TextDelta = readonly { retain?: number; insert?: unknown; delete?: number }[];

/** Where a caret at `position` moves when someone else's `delta` is applied before or around it. */
export function shiftCaret(position: number, delta: TextDelta): number {
  let at = 0;
  let caret = position;
  for (const op of delta) {
    if (op.retain !== undefined) at += op.retain;
    else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (at <= caret) caret += length;
      at += length;
    } else if (op.delete !== undefined) {
      if (at < caret) caret -= Math.min(op.delete, caret - at);
    }
  }
  return caret;
}
