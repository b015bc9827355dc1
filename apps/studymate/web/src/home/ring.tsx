/**
 * Progress toward a goal as a ring (the drawing is decorative; the figures beside it are the
 * text). `value` and `goal` in the same unit.
 */
export function GoalRing({ value, goal, label }: { value: number; goal: number; label: string }) {
  const share = goal > 0 ? Math.min(1, value / goal) : 0;
  const radius = 42;
  const circumference = 2 * Math.PI * radius;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(share * 100)}
      className="relative size-28 shrink-0"
    >
      <svg viewBox="0 0 100 100" className="size-full -rotate-90" aria-hidden="true">
        <circle cx="50" cy="50" r={radius} fill="none" stroke="var(--surface-muted)" strokeWidth="10" />
        {/* Under 1% the round line caps would draw a lone dot. */}
        {share >= 0.01 && (
          <circle
            cx="50"
            cy="50"
            r={radius}
            fill="none"
            stroke={share >= 1 ? 'var(--success)' : 'var(--accent)'}
            strokeWidth="10"
            strokeLinecap="round"
            strokeDasharray={`${share * circumference} ${circumference}`}
          />
        )}
      </svg>
      <span className="absolute inset-0 flex items-center justify-center text-xl font-bold tabular-nums">
        {Math.round(share * 100)}%
      </span>
    </div>
  );
}
