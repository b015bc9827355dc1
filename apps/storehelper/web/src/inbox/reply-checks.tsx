import type { ReplyCheck } from '@app/storehelper-contracts';
import { useT } from '../shared/i18n.js';
import { checkDetail } from '../shared/server-text.js';

/** The quality checks of a reply, each with ✓ or ✗ and, when it failed, what was found. */
export function ReplyChecks({ checks, stale }: { checks: readonly ReplyCheck[]; stale?: boolean }) {
  const { t } = useT();
  if (checks.length === 0) return null;
  const failed = checks.filter((check) => !check.ok).length;
  return (
    <section
      aria-labelledby="reply-checks"
      className="flex flex-col gap-2 rounded-lg border border-border p-3"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="reply-checks" className="font-semibold">
          {t('checks.title')}
        </h3>
        <p className={`text-sm font-semibold ${failed ? 'text-danger' : 'text-success'}`}>
          {failed ? t('checks.failed', { count: failed }) : t('checks.allPassed')}
        </p>
      </div>
      {stale && <p className="text-sm text-fg-muted">{t('checks.stale')}</p>}
      <ul className="flex flex-col gap-1.5">
        {checks.map((check) => (
          <li key={check.check} className="flex gap-2 text-sm">
            <span
              aria-hidden="true"
              className={`w-4 shrink-0 font-bold ${check.ok ? 'text-success' : 'text-danger'}`}
            >
              {check.ok ? '✓' : '✗'}
            </span>
            <span className="flex flex-col">
              <span className={check.ok ? '' : 'font-semibold text-danger'}>
                <span className="sr-only">{check.ok ? t('checks.passed') : t('checks.notPassed')}: </span>
                {t(`checks.names.${check.check}`)}
              </span>
              {!check.ok && check.detail && <span className="text-fg-muted">{checkDetail(check, t)}</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
