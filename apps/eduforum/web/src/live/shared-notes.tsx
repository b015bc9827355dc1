import { Button, LoadingState, saveBlob } from '@app/ui';
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useT } from '../i18n.js';
import { useCollabDocument } from '../whiteboard/use-collab-document.js';
import { shiftCaret, type TextDelta, textEdit } from './notes-text.js';

/** Longest notes a room keeps (characters). */
const MAX_NOTES = 20_000;

/**
 * Notes the whole room writes together (a Yjs text on `/collab`, next to the whiteboard): typed
 * as plain text (Markdown reads well), merged live, kept after the session (read-only), and
 * downloadable as a `.md` file.
 */
export function SharedNotes({ documentName, title }: { documentName: string; title: string }) {
  const { t } = useT();
  const { doc, status, synced } = useCollabDocument(documentName);
  const [text, setText] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const origin = useRef({ notes: documentName });
  const shared: Y.Text | null = doc ? doc.getText('notes') : null;

  useEffect(() => {
    if (!shared) return;
    setText(shared.toString());
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const next = shared.toString();
      const element = area.current;
      // Someone else's edit: keep this person's caret on the same character.
      if (transaction.origin !== origin.current && element && document.activeElement === element) {
        const delta = event.delta as TextDelta;
        const start = shiftCaret(element.selectionStart, delta);
        const end = shiftCaret(element.selectionEnd, delta);
        setText(next);
        requestAnimationFrame(() => element.setSelectionRange(start, end));
        return;
      }
      setText(next);
    };
    shared.observe(onChange);
    return () => shared.unobserve(onChange);
  }, [shared]);

  const writable = status === 'live' || (status === 'offline' && synced);
  const edit = (value: string) => {
    if (!shared || !doc) return;
    const change = textEdit(shared.toString(), value.slice(0, MAX_NOTES));
    doc.transact(() => {
      if (change.remove > 0) shared.delete(change.at, change.remove);
      if (change.insert) shared.insert(change.at, change.insert);
    }, origin.current);
  };
  const download = () =>
    saveBlob(new Blob([`# ${title}\n\n${text}\n`], { type: 'text/markdown;charset=utf-8' }), `${title}.md`);

  if (!synced && status !== 'denied') return <LoadingState label={t('live.notes.loading')} />;
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={`notes-${documentName}`} className="text-sm font-semibold">
        {t('live.notes.label')}
      </label>
      <textarea
        id={`notes-${documentName}`}
        ref={area}
        value={text}
        readOnly={!writable}
        maxLength={MAX_NOTES}
        rows={12}
        onChange={(event) => edit(event.target.value)}
        className="min-h-48 w-full rounded-lg border border-border bg-surface p-3 font-mono text-sm"
        data-testid="shared-notes"
      />
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-fg-muted">
        <span role="status">
          {writable ? t('live.notes.hint') : t('live.notes.readOnly')} · {text.length}/{MAX_NOTES}
        </span>
        <Button variant="secondary" onClick={download} disabled={text.length === 0}>
          {t('live.notes.download')}
        </Button>
      </div>
    </div>
  );
}
