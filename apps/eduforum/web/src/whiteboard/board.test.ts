import { describe, expect, it } from 'vitest';
import { BOARD_HEIGHT, BOARD_WIDTH, canvasPixels, exportFileName, toBoard, toPercent } from './board.js';

describe('toBoard', () => {
  it('maps a phone-sized and a desktop-sized element to the same board point', () => {
    const phone = { left: 10, top: 100, width: 390, height: 390 * (9 / 16) };
    const desktop = { left: 200, top: 50, width: 1200, height: 675 };
    const onPhone = toBoard(10 + 390 / 4, 100 + phone.height / 2, phone);
    const onDesktop = toBoard(200 + 300, 50 + 337.5, desktop);
    expect(onPhone).toEqual({ x: 400, y: 450 });
    expect(onDesktop).toEqual({ x: 400, y: 450 });
  });

  it('clamps to the board and survives an element with no size', () => {
    const box = { left: 0, top: 0, width: 800, height: 450 };
    expect(toBoard(-50, 9999, box)).toEqual({ x: 0, y: BOARD_HEIGHT });
    expect(toBoard(9999, -1, box)).toEqual({ x: BOARD_WIDTH, y: 0 });
    expect(toBoard(5, 5, { left: 0, top: 0, width: 0, height: 0 })).toEqual({ x: 0, y: 0 });
  });

  it('places overlays by percentage', () => {
    expect(toPercent({ x: 800, y: 225 })).toEqual({ left: 50, top: 25 });
  });
});

describe('canvasPixels', () => {
  it('sizes the backing store for the device pixel ratio', () => {
    expect(canvasPixels(800, 450, 2)).toEqual({ width: 1600, height: 900, scaleX: 1, scaleY: 1 });
    expect(canvasPixels(390, 219.375, 3)).toMatchObject({ width: 1170, height: 658 });
  });

  it('caps huge canvases and ignores a bad ratio', () => {
    const big = canvasPixels(3000, 1687.5, 3);
    expect(big.width).toBeLessThanOrEqual(4096);
    expect(big.width / big.height).toBeCloseTo(16 / 9, 2);
    expect(canvasPixels(800, 450, Number.NaN)).toMatchObject({ width: 800, height: 450 });
  });
});

describe('exportFileName', () => {
  it('keeps Korean, drops characters file systems refuse', () => {
    expect(exportFileName('알고리즘 3주차: 정렬/탐색', 'png')).toBe('알고리즘-3주차-정렬-탐색.png');
    expect(exportFileName('  ', 'pdf')).toBe('whiteboard.pdf');
    expect(exportFileName('..secret..', 'pdf')).toBe('secret.pdf');
  });
});
