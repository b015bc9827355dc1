/**
 * The rules that keep a form from overwriting what a person typed. They have no React in them, so
 * they can be tested on their own; `useZodForm` and `useSeededForm` apply them.
 */

type Values = Record<string, unknown>;

/** What a form holds: its values, and the fields the person edited since they were last seeded. */
export interface SeedState<V> {
  values: V;
  touched: ReadonlySet<string>;
}

/** A field the person changed: it now holds their input, and data arriving later leaves it alone. */
export function edit<V>(state: SeedState<V>, name: string, value: unknown): SeedState<V> {
  const touched = new Set(state.touched);
  touched.add(name);
  return { values: { ...(state.values as Values), [name]: value } as V, touched };
}

/**
 * Newer data for the form (a refetch, another tab's change, the answer of a save): fields the
 * person edited keep their input; the others follow the data, so a save never sends stale values.
 */
export function reseed<V>(state: SeedState<V>, next: V): SeedState<V> {
  const values = { ...(state.values as Values) };
  for (const [name, value] of Object.entries(next as Values)) {
    if (!state.touched.has(name)) values[name] = value;
  }
  return { values: values as V, touched: state.touched };
}

/**
 * After a submit: each field still holding what was sent takes `next[name]` (or keeps its value)
 * and counts as untouched again, because the server has it now. A field edited while the request
 * was on its way keeps that newer input, and stays touched.
 */
export function settle<V>(state: SeedState<V>, sent: V, next: Partial<V> = {}): SeedState<V> {
  const values = { ...(state.values as Values) };
  const touched = new Set(state.touched);
  const sentValues = sent as Values;
  for (const name of Object.keys(values)) {
    if (!Object.is(values[name], sentValues[name])) continue;
    touched.delete(name);
    if (Object.hasOwn(next, name)) values[name] = (next as Values)[name];
  }
  return { values: values as V, touched };
}
