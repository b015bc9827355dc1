import type { ReactNode } from 'react';
import { useTitle } from '../app/context.js';

/** The narrow, centred frame of the sign-in family of pages. */
export function AuthCard({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  useTitle(title);
  return (
    <div className="mx-auto w-full max-w-md">
      <section className="rounded-xl border border-border bg-surface p-5 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {lead && <p className="mt-1 mb-2 text-fg-muted">{lead}</p>}
        <div className="mt-6 flex flex-col gap-5">{children}</div>
      </section>
    </div>
  );
}
