/** Tags typed as one line ("bio, exam 1,  cells") as a clean list: trimmed, no empties, no repeats, at most 20. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[,\n]/)) {
    const tag = raw.trim().replace(/^#/, '').slice(0, 50);
    if (tag) seen.add(tag);
  }
  return [...seen].slice(0, 20);
}

/** The deck format a file's name suggests: CSV for `.csv`, otherwise Anki's text export. */
export function formatOfFile(name: string): 'csv' | 'anki' {
  return name.toLowerCase().endsWith('.csv') ? 'csv' : 'anki';
}
