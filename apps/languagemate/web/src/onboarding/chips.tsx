/**
 * A group of on/off chips (toggle buttons with `aria-pressed`), labelled as a group; `max` stops
 * further choices and says so.
 */
export function ChipGroup<V extends string>({
  label,
  options,
  selected,
  onToggle,
  max,
  error,
  hint,
}: {
  label: string;
  options: readonly { value: V; label: string }[];
  selected: readonly V[];
  onToggle: (value: V) => void;
  max?: number;
  error?: string | undefined;
  hint?: string;
}) {
  const atMax = max !== undefined && selected.length >= max;
  const name = label.replace(/\s+/g, '-');
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="mb-1 text-sm font-semibold">{label}</legend>
      {hint && <p className="text-sm text-fg-muted">{hint}</p>}
      <div className="flex flex-wrap gap-2">
        {options.map((option) => {
          const on = selected.includes(option.value);
          return (
            <button
              key={option.value}
              type="button"
              aria-pressed={on}
              disabled={!on && atMax}
              onClick={() => onToggle(option.value)}
              className={`min-h-11 rounded-full border px-4 text-sm font-semibold transition disabled:opacity-50 ${
                on
                  ? 'border-accent bg-accent text-white'
                  : 'border-border bg-surface text-fg hover:bg-surface-muted'
              }`}
            >
              {on && <span aria-hidden="true">✓ </span>}
              {option.label}
            </button>
          );
        })}
      </div>
      {error && (
        <p id={`${name}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
