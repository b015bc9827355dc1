import { Button, Dialog, useToast } from '@app/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks before something that cannot be undone; `onConfirm` may be async (the button spins). */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      onClose();
    } catch {
      // The caller reports the failure (a toast); the dialog stays open to try again.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} title={title} description={body}>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" loading={busy} onClick={confirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}

/** Copies a text and says so (a toast); `label` names what is copied for screen readers. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast(t('common.copied'));
    } catch {
      // No clipboard (http, permissions): the text is on screen and selectable.
      toast(t('common.somethingWrong'), 'danger');
    }
  };
  return (
    <Button variant="secondary" onClick={copy} aria-label={`${t('common.copy')}: ${label}`}>
      {t('common.copy')}
    </Button>
  );
}
