import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog on the native `<dialog>` element: the browser traps focus, closes on Escape,
 * makes the page behind inert and returns focus afterwards. (Radix's dialog injects a `<style>`
 * element to lock scrolling, which the page CSP refuses; see docs/decisions/006.)
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const { t } = useTranslation();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] overflow-y-auto rounded-xl border border-border bg-surface p-0 text-fg shadow-xl"
    >
      {open && (
        <div className="flex flex-col gap-4 p-6">
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button
              type="button"
              onClick={onClose}
              className="-m-2 min-h-11 min-w-11 rounded-lg text-xl text-fg-muted hover:bg-surface-muted"
            >
              <span aria-hidden="true">×</span>
              <span className="sr-only">{t('common.close')}</span>
            </button>
          </div>
          {description && (
            <p id={descriptionId} className="text-fg-muted">
              {description}
            </p>
          )}
          {children}
        </div>
      )}
    </dialog>
  );
}
