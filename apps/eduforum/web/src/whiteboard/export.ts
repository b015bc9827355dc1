import { saveBlob } from '@app/ui';
import { BOARD_HEIGHT, BOARD_WIDTH, exportFileName } from './board.js';
import { drawCommands, renderBoard } from './render.js';
import type { Shape } from './shapes.js';

/** Height of the PDF's header band (title and date), in board units. */
const HEADER = 150;

/** The board at its logical resolution on white, on an offscreen canvas. */
function boardCanvas(shapes: readonly Shape[]): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = BOARD_WIDTH;
  canvas.height = BOARD_HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  renderBoard(ctx, shapes, { scaleX: 1, scaleY: 1, background: '#ffffff' });
  return canvas;
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas export failed'))), 'image/png'),
  );
}

/** Downloads the board as a 1600x900 PNG on white; returns the file name. */
export async function exportPng(shapes: readonly Shape[], title: string): Promise<string> {
  const fileName = exportFileName(title, 'png');
  saveBlob(await toBlob(boardCanvas(shapes)), fileName);
  return fileName;
}

/**
 * Downloads the board as a landscape A4 PDF with the title and date in a header; returns the file
 * name. The header is drawn into the page image: jsPDF's built-in fonts have no Korean glyphs,
 * and embedding a Korean font would cost megabytes. jsPDF itself loads only now (not in the
 * first screen).
 */
export async function exportPdf(shapes: readonly Shape[], title: string, date: string): Promise<string> {
  const fileName = exportFileName(title, 'pdf');
  const page = document.createElement('canvas');
  page.width = BOARD_WIDTH;
  page.height = BOARD_HEIGHT + HEADER;
  const ctx = page.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, page.width, page.height);
  drawCommands(ctx, [
    { op: 'text', x: 40, y: 30, lines: [title], size: 48, color: '#111827' },
    { op: 'text', x: 40, y: 96, lines: [date], size: 28, color: '#4b5563' },
  ]);
  ctx.drawImage(boardCanvas(shapes), 0, HEADER);
  ctx.strokeStyle = '#d1d5db';
  ctx.lineWidth = 2;
  ctx.strokeRect(1, HEADER, BOARD_WIDTH - 2, BOARD_HEIGHT - 1);

  const { jsPDF } = await import('jspdf');
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'pt', format: 'a4', compress: true });
  const pageWidth = pdf.internal.pageSize.getWidth();
  const pageHeight = pdf.internal.pageSize.getHeight();
  const margin = 28;
  const scale = Math.min((pageWidth - 2 * margin) / page.width, (pageHeight - 2 * margin) / page.height);
  const width = page.width * scale;
  const height = page.height * scale;
  pdf.addImage(
    page.toDataURL('image/png'),
    'PNG',
    (pageWidth - width) / 2,
    (pageHeight - height) / 2,
    width,
    height,
    undefined,
    // Deflate the pixels: uncompressed, a page is about 5 MB.
    'FAST',
  );
  saveBlob(pdf.output('blob'), fileName);
  return fileName;
}
