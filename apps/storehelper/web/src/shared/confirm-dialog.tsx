import { Button, Dialog, Notice } from '@app/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from './error-text.js';

/**
 * "Remove X?" with Cancel and a danger button; `onConfirm` runs the action (the dialog stays open
 * with the error if it fails, and closes when it succeeds).
 */
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
  const { t: kit } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={close} title={title} description={body}>
      {error !== null && <Notice tone="danger">{errorText(error)}</Notice>}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={close}>
          {kit('common.cancel')}
        </Button>
        <Button variant="danger" onClick={() => void confirm()} loading={busy}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
