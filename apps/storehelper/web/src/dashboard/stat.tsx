import type { ReactNode } from 'react';

/** A figure with its label (inside a `<dl>`). */
export function Stat({
  label,
  value,
  note,
  tone,
}: {
  label: string;
  value: string;
  note?: ReactNode;
  tone?: 'danger';
}) {
  return (
    <div className="flex flex-col gap-1 rounded-xl border border-border bg-surface p-4">
      <dt className="text-sm text-fg-muted">{label}</dt>
      <dd className={`text-2xl font-bold tabular-nums ${tone === 'danger' ? 'text-danger' : ''}`}>{value}</dd>
      {note && <dd className="text-sm text-fg-muted">{note}</dd>}
    </div>
  );
}
