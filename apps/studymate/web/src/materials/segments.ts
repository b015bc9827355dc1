/** A run of a passage's text, marked when a highlight covers it. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  /** The highlights covering this run (empty: plain text). */
  highlights: string[];
}

/**
 * Cuts a passage's text at every highlight boundary, so overlapping highlights render as marks
 * without nesting. Offsets are in UTF-16 code units, as the DOM's selection ranges count them;
 * spans outside the text are clipped.
 */
export function segments(
  text: string,
  highlights: readonly { id: string; start: number; end: number }[],
): Segment[] {
  const spans = highlights
    .map((h) => ({ id: h.id, start: Math.max(0, h.start), end: Math.min(text.length, h.end) }))
    .filter((h) => h.end > h.start);
  const cuts = new Set([0, text.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? 0;
    if (end <= start) continue;
    const covering = spans.filter((span) => span.start <= start && span.end >= end).map((span) => span.id);
    const last = out.at(-1);
    // Neighbouring plain runs join up again.
    if (last && covering.length === 0 && last.highlights.length === 0) {
      last.end = end;
      last.text = text.slice(last.start, end);
      continue;
    }
    out.push({ start, end, text: text.slice(start, end), highlights: covering });
  }
  return out;
}

/**
 * The selected span inside a passage's text element, as offsets into its text, or null when the
 * selection is empty or leaves the element. The element must contain the passage's text only
 * (marks included), so its text content is the passage's text.
 */
export function selectionOffsets(container: Node, range: Range): { start: number; end: number } | null {
  if (range.collapsed) return null;
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = range.cloneRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}
