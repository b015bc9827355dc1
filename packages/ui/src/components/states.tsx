import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A decorative spinner (the surrounding state is announced elsewhere). */
export function Spinner({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={clsx(
        'inline-block animate-spin rounded-full border-2 border-current border-t-transparent',
        className,
      )}
    />
  );
}

/** A loading placeholder, announced politely to screen readers. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="flex items-center justify-center gap-3 py-10 text-fg-muted">
      <Spinner className="size-5" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

/** Nothing to show yet: says what will be here instead of showing fake data. */
export function EmptyState({
  title,
  children,
  icon,
  action,
}: {
  title: string;
  children?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-border px-6 py-12 text-center">
      <div aria-hidden="true" className="text-fg-muted">
        {icon ?? (
          <svg viewBox="0 0 24 24" className="size-10" fill="none" stroke="currentColor" strokeWidth="1.5">
            <title>-</title>
            <path d="M3 13h5l1.5 3h5L16 13h5M5 5h14l2 8v6H3v-6l2-8z" strokeLinejoin="round" />
          </svg>
        )}
      </div>
      <h2 className="text-lg font-semibold">{title}</h2>
      {children && <div className="max-w-prose text-fg-muted">{children}</div>}
      {action}
    </div>
  );
}

/** A failure with an optional retry, announced as an alert. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div
      role="alert"
      className="flex flex-col items-start gap-3 rounded-lg border border-danger bg-danger-soft p-4"
    >
      <p className="text-danger">{message}</p>
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="min-h-11 rounded-lg border border-border bg-surface px-4 text-sm font-semibold"
        >
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** An inline message: success or warning, or an error alert. */
export function Notice({ tone, children }: { tone: 'success' | 'warning' | 'danger'; children: ReactNode }) {
  const styles = {
    success: 'border-success bg-success-soft text-success',
    warning: 'border-warning bg-warning-soft text-warning',
    danger: 'border-danger bg-danger-soft text-danger',
  };
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      className={clsx('rounded-lg border p-3', styles[tone])}
    >
      {children}
    </div>
  );
}
