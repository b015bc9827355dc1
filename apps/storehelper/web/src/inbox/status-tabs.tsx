import { Link, useSearchParams } from 'react-router';
import { useT } from '../shared/i18n.js';
import { readFilters, statuses, withFilters } from './filters.js';

/** The reply-status views of the inbox (all, unanswered, drafts, answered, urgent) as links. */
export function StatusTabs() {
  const { t } = useT();
  const [params] = useSearchParams();
  const current = readFilters(params).status;
  const views = [undefined, ...statuses] as const;
  return (
    <nav aria-label={t('inbox.statusLabel')} className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-2">
        {views.map((status) => {
          const active = status === current;
          const next = withFilters(params, { status });
          next.delete('review');
          return (
            <li key={status ?? 'all'}>
              <Link
                to={`?${next.toString()}`}
                replace
                aria-current={active ? 'page' : undefined}
                className={`flex min-h-11 items-center whitespace-nowrap rounded-full border px-4 text-sm font-semibold ${
                  active
                    ? 'border-accent bg-accent text-white'
                    : 'border-border bg-surface text-fg hover:bg-surface-muted'
                }`}
              >
                {t(`inbox.status.${status ?? 'all'}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
