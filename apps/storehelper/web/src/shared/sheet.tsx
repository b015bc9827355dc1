import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal sheet on the native `<dialog>` (focus trapped, Escape closes, the page behind inert, focus
 * returns): on a phone it rises from the bottom edge within thumb reach, from `sm` up it is a
 * panel along the right edge, so the list stays in view beside it.
 */
export function Sheet({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t: kit } = useTranslation();

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
      onClose={onClose}
      className={
        'fixed mx-0 mt-auto mb-0 max-h-[92dvh] w-full max-w-none overflow-y-auto rounded-t-2xl border border-border bg-surface p-0 text-fg shadow-xl ' +
        'backdrop:bg-black/40 sm:my-0 sm:mr-0 sm:ml-auto sm:h-dvh sm:max-h-dvh sm:w-[34rem] sm:rounded-none sm:rounded-l-2xl'
      }
    >
      {open && (
        <>
          <div className="sticky top-0 z-10 border-b border-border bg-surface px-5 pt-2 pb-3 sm:px-6 sm:pt-4">
            <div aria-hidden="true" className="mx-auto mb-2 h-1.5 w-10 rounded-full bg-border sm:hidden" />
            <div className="flex items-center justify-between gap-4">
              <h2 id={titleId} className="text-lg font-semibold">
                {title}
              </h2>
              <button
                type="button"
                onClick={onClose}
                className="-m-2 min-h-11 min-w-11 rounded-lg text-xl text-fg-muted hover:bg-surface-muted"
              >
                <span aria-hidden="true">×</span>
                <span className="sr-only">{kit('common.close')}</span>
              </button>
            </div>
          </div>
          <div className="flex flex-col gap-4 p-5 sm:p-6">{children}</div>
        </>
      )}
    </dialog>
  );
}
