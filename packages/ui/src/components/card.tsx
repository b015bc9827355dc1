import { clsx } from 'clsx';
import type { ReactNode } from 'react';

/** A surface with a border: sections of a page. */
export function Card({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <section className={clsx('rounded-xl border border-border bg-surface p-5 shadow-sm sm:p-6', className)}>
      {children}
    </section>
  );
}

/** A page's title and lead. */
export function PageHeader({ title, lead }: { title: string; lead?: string }) {
  return (
    <header className="mb-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
      {lead && <p className="mt-1 text-fg-muted">{lead}</p>}
    </header>
  );
}
