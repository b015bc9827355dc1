import * as ToastPrimitive from '@radix-ui/react-toast';
import { clsx } from 'clsx';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ToastItem {
  id: number;
  message: string;
  tone: 'success' | 'danger' | 'neutral';
}

type Show = (message: string, tone?: ToastItem['tone']) => void;
const ToastContext = createContext<Show>(() => {});

/** Shows a short, announced notification: `const toast = useToast(); toast(t('common.saved'))`. */
export function useToast(): Show {
  return useContext(ToastContext);
}

/** Hosts the toasts of the page (Radix Toast: announced, swipe to dismiss, F8 to reach). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const { t } = useTranslation();
  const show = useCallback<Show>((message, tone = 'success') => {
    setItems((current) => [...current.slice(-2), { id: Date.now() + Math.random(), message, tone }]);
  }, []);
  const remove = (id: number) => setItems((current) => current.filter((item) => item.id !== id));
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      <ToastPrimitive.Provider duration={5000} label={t('common.close')}>
        {children}
        {items.map((item) => (
          <ToastPrimitive.Root
            key={item.id}
            type={item.tone === 'danger' ? 'foreground' : 'background'}
            onOpenChange={(open) => !open && remove(item.id)}
            className={clsx(
              'flex items-start justify-between gap-3 rounded-lg border bg-surface p-4 shadow-lg',
              item.tone === 'danger'
                ? 'border-danger'
                : item.tone === 'success'
                  ? 'border-success'
                  : 'border-border',
            )}
          >
            <ToastPrimitive.Description className="text-fg">{item.message}</ToastPrimitive.Description>
            <ToastPrimitive.Close className="-m-2 min-h-11 min-w-11 rounded-lg text-fg-muted hover:bg-surface-muted">
              <span aria-hidden="true">×</span>
              <span className="sr-only">{t('common.close')}</span>
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        ))}
        <ToastPrimitive.Viewport className="fixed right-0 bottom-0 z-50 flex w-full max-w-sm flex-col gap-2 p-4 outline-none" />
      </ToastPrimitive.Provider>
    </ToastContext.Provider>
  );
}
