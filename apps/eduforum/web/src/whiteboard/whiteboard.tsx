import { Button, Dialog, Notice, Spinner, useFormat, useSession, useToast } from '@app/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n.js';
import { useOnline } from '../live/use-online.js';
import {
  BOARD_WIDTH,
  type PaletteName,
  palette,
  type StrokeWidthName,
  strokeWidths,
  type Tool,
  textSize,
  toPercent,
} from './board.js';
import type { BoardStatus } from './connection.js';
import { exportPdf, exportPng } from './export.js';
import { DrawingTools } from './toolbar.js';
import { useBoard } from './use-board.js';
import { useBoardCanvas } from './use-board-canvas.js';

const statusDot: Record<BoardStatus, string> = {
  connecting: 'bg-warning',
  live: 'bg-success',
  offline: 'bg-danger',
  readOnly: 'bg-fg-muted',
  denied: 'bg-danger',
};

/**
 * A shared whiteboard: a Yjs document on `/collab` (Hocuspocus, our access token) drawn on a
 * canvas at a fixed logical size (1600x900) scaled to the element. Pen, line, arrow, rectangle,
 * ellipse, text and eraser; colours and widths; undo/redo of one's own changes (Ctrl/Cmd+Z,
 * Ctrl+Shift+Z, Ctrl+Y); clear with confirmation; PNG and PDF export (also when read-only).
 * Browser tests find the canvas by `data-testid="whiteboard-canvas"` and read `data-shape-count`.
 */
export function Whiteboard({
  documentName,
  readOnly = false,
  canClear = true,
  lockedNote,
  title,
}: {
  documentName: string;
  readOnly?: boolean;
  /** Whether this person may clear the whole board (staff); undo and the eraser stay. */
  canClear?: boolean;
  /** Why drawing is off here, shown while it is ("The professor controls this board"). */
  lockedNote?: string | undefined;
  title: string;
}) {
  const { t } = useT();
  const toast = useToast();
  const format = useFormat();
  const { user } = useSession();
  const { board, status: boardStatus, synced } = useBoard(documentName);
  // No network is offline here too, at once, as the room's header says (one state for the page).
  const online = useOnline();
  const status: BoardStatus = !online && boardStatus === 'live' ? 'offline' : boardStatus;
  const [tool, setTool] = useState<Tool>('pen');
  const [colorName, setColorName] = useState<PaletteName>('black');
  const [widthName, setWidthName] = useState<StrokeWidthName>('medium');
  const [confirmClear, setConfirmClear] = useState(false);
  const [toolsOpen, setToolsOpen] = useState(false);
  const toolsId = useId();
  const [exporting, setExporting] = useState<'png' | 'pdf' | null>(null);
  const [history, setHistory] = useState({ canUndo: false, canRedo: false });
  const rootRef = useRef<HTMLElement>(null);
  const textInputRef = useRef<HTMLInputElement>(null);
  const textInputId = useId();

  const locked = readOnly || status === 'readOnly' || status === 'denied';
  // Draw once the server has said we may write; offline after that is fine (changes sync later).
  const [writable, setWritable] = useState(false);
  useEffect(() => {
    if (status === 'live') setWritable(true);
    if (status === 'readOnly' || status === 'denied') setWritable(false);
  }, [status]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new document starts unwritable
  useEffect(() => setWritable(false), [documentName]);

  const color = (palette.find((entry) => entry.name === colorName) ?? palette[0]).color;
  const width = (strokeWidths.find((entry) => entry.name === widthName) ?? strokeWidths[1]).width;
  const canvas = useBoardCanvas(board, {
    tool,
    color,
    width,
    author: user?.id ?? '',
    enabled: !locked && writable,
  });
  const { textDraft, commitText, cancelText, typeText } = canvas;

  // Undo/redo buttons follow this client's own history.
  useEffect(() => {
    if (!board) return;
    const update = () => setHistory({ canUndo: board.undo.canUndo(), canRedo: board.undo.canRedo() });
    update();
    board.undo.on('stack-item-added', update);
    board.undo.on('stack-item-popped', update);
    board.undo.on('stack-cleared', update);
    return () => {
      board.undo.off('stack-item-added', update);
      board.undo.off('stack-item-popped', update);
      board.undo.off('stack-cleared', update);
    };
  }, [board]);

  const undo = () => board?.undo.undo();
  const redo = () => board?.undo.redo();

  // Shortcuts while the board is in use: focus inside it, or the last pointer press was on it.
  // Not on the whole page (the chat box has its own undo), and never inside a text field.
  useEffect(() => {
    if (locked || !board) return;
    let active = false;
    const onPointerDown = (event: PointerEvent) => {
      active = rootRef.current?.contains(event.target as Node) ?? false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const root = rootRef.current;
      if (!root || !(active || root.contains(document.activeElement))) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) board.undo.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') board.undo.redo();
      else return;
      event.preventDefault();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [board, locked]);

  // The text field takes focus when it opens.
  useEffect(() => {
    if (textDraft) textInputRef.current?.focus();
  }, [textDraft]);

  // Leaving the text tool (or the board turning read-only) places what was typed.
  useEffect(() => {
    if (tool !== 'text' || locked) commitText();
  }, [tool, locked, commitText]);

  const runExport = async (kind: 'png' | 'pdf') => {
    setExporting(kind);
    try {
      const shapes = canvas.snapshot();
      const file =
        kind === 'png'
          ? await exportPng(shapes, title)
          : await exportPdf(shapes, title, format.dateTime(new Date()));
      toast(t('whiteboard.exported', { file }));
    } catch {
      toast(t('whiteboard.exportFailed'), 'danger');
    } finally {
      setExporting(null);
    }
  };

  const cursor = locked || !writable ? '' : tool === 'text' ? 'cursor-text' : 'cursor-crosshair';
  const draftAt = textDraft ? toPercent(textDraft.point) : null;
  const fontPx = (textSize(width) * canvas.cssWidth) / BOARD_WIDTH;

  return (
    <section ref={rootRef} aria-label={t('whiteboard.region', { title })} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t('whiteboard.title')}</h2>
        <p
          role="status"
          className="flex items-center gap-2 text-sm text-fg-muted"
          data-testid="whiteboard-status"
        >
          <span aria-hidden="true" className={`inline-block size-2.5 rounded-full ${statusDot[status]}`} />
          {t(`whiteboard.status.${readOnly && status === 'live' ? 'readOnly' : status}`)}
        </p>
      </div>
      {locked && lockedNote && !['offline', 'denied'].includes(status) && (
        <p className="text-sm text-fg-muted" data-testid="whiteboard-locked-note">
          {lockedNote}
        </p>
      )}

      {/* On a phone the tools fold behind one button, so the board stays on screen. */}
      <Button
        variant="secondary"
        className="self-start sm:hidden"
        aria-expanded={toolsOpen}
        aria-controls={toolsId}
        onClick={() => setToolsOpen((open) => !open)}
      >
        {toolsOpen
          ? t('whiteboard.tools.hide')
          : t('whiteboard.tools.show', {
              tool: t(`whiteboard.tools.${tool}`),
              color: t(`whiteboard.colors.${colorName}`),
            })}
      </Button>
      <div id={toolsId} className={toolsOpen ? 'flex flex-col gap-3' : 'hidden flex-col gap-3 sm:flex'}>
        {!locked && (
          <DrawingTools
            tool={tool}
            color={colorName}
            width={widthName}
            onTool={setTool}
            onColor={setColorName}
            onWidth={setWidthName}
          />
        )}

        <fieldset className="m-0 min-w-0 border-0 p-0">
          <legend className="sr-only">{t('whiteboard.actions.label')}</legend>
          <div className="flex flex-wrap gap-2">
            {!locked && (
              <>
                <Button
                  variant="secondary"
                  onClick={undo}
                  disabled={!history.canUndo}
                  data-testid="whiteboard-undo"
                >
                  {t('whiteboard.actions.undo')}
                </Button>
                <Button
                  variant="secondary"
                  onClick={redo}
                  disabled={!history.canRedo}
                  data-testid="whiteboard-redo"
                >
                  {t('whiteboard.actions.redo')}
                </Button>
                {canClear && (
                  <Button
                    variant="danger"
                    onClick={() => setConfirmClear(true)}
                    disabled={canvas.count === 0}
                    data-testid="whiteboard-clear"
                  >
                    {t('whiteboard.actions.clear')}
                  </Button>
                )}
              </>
            )}
            <Button
              variant="secondary"
              onClick={() => void runExport('png')}
              loading={exporting === 'png'}
              disabled={!synced || exporting !== null}
              aria-label={t('whiteboard.actions.exportPngLabel')}
              data-testid="whiteboard-export-png"
            >
              {t('whiteboard.actions.exportPng')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => void runExport('pdf')}
              loading={exporting === 'pdf'}
              disabled={!synced || exporting !== null}
              aria-label={t('whiteboard.actions.exportPdfLabel')}
              data-testid="whiteboard-export-pdf"
            >
              {t('whiteboard.actions.exportPdf')}
            </Button>
          </div>
        </fieldset>
      </div>

      {status === 'denied' && <Notice tone="danger">{t('whiteboard.deniedHelp')}</Notice>}
      {status === 'offline' && writable && <Notice tone="warning">{t('whiteboard.offlineHelp')}</Notice>}

      <div className="relative w-full overflow-hidden rounded-lg border border-border bg-white">
        <canvas
          ref={canvas.canvasRef}
          role="img"
          aria-label={t('whiteboard.canvas', { count: canvas.count })}
          data-testid="whiteboard-canvas"
          data-shape-count={canvas.count}
          className={`block aspect-video w-full touch-none select-none ${cursor}`}
          {...canvas.handlers}
        />
        {!synced && status !== 'denied' && (
          <div className="pointer-events-none absolute inset-0 flex items-center justify-center gap-2 text-[#374151]">
            <Spinner className="size-5" />
            <span>{t('whiteboard.status.connecting')}</span>
          </div>
        )}
        {synced && canvas.count === 0 && !textDraft && (
          <p className="pointer-events-none absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-[#4b5563]">
            {t(locked ? 'whiteboard.emptyReadOnly' : 'whiteboard.empty')}
          </p>
        )}
        {textDraft && draftAt && (
          <>
            <label htmlFor={textInputId} className="sr-only">
              {t('whiteboard.text.label')}
            </label>
            <input
              ref={textInputRef}
              id={textInputId}
              value={textDraft.value}
              maxLength={500}
              placeholder={t('whiteboard.text.placeholder')}
              onChange={(event) => typeText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  commitText();
                } else if (event.key === 'Escape') {
                  event.preventDefault();
                  cancelText();
                }
              }}
              onBlur={commitText}
              data-testid="whiteboard-text-input"
              className="absolute min-w-32 rounded border border-dashed border-[#6b7280] bg-white/90 px-1 leading-tight outline-none focus-visible:ring-2 focus-visible:ring-accent"
              style={{
                left: `${draftAt.left}%`,
                top: `${draftAt.top}%`,
                maxWidth: `${100 - draftAt.left}%`,
                fontSize: `${Math.max(12, fontPx)}px`,
                color,
              }}
            />
          </>
        )}
      </div>

      <Dialog
        open={confirmClear}
        onClose={() => setConfirmClear(false)}
        title={t('whiteboard.clear.title')}
        description={t('whiteboard.clear.description')}
      >
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirmClear(false)}>
            {t('whiteboard.clear.cancel')}
          </Button>
          <Button
            variant="danger"
            data-testid="whiteboard-clear-confirm"
            onClick={() => {
              canvas.clear();
              setConfirmClear(false);
            }}
          >
            {t('whiteboard.clear.confirm')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
