import QRCode from 'qrcode';
import { useMemo } from 'react';

/** A QR code drawn as SVG squares (no image data, nothing inline for the CSP to refuse). */
export function QrCode({ text, label, size = 240 }: { text: string; label: string; size?: number }) {
  const { count, cells } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const dark: { x: number; y: number }[] = [];
    for (let y = 0; y < modules.size; y++)
      for (let x = 0; x < modules.size; x++) if (modules.get(x, y)) dark.push({ x, y });
    return { count: modules.size, cells: dark };
  }, [text]);
  // A quiet zone of four modules around the code, as scanners expect.
  const side = count + 8;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      className="rounded-lg bg-white"
    >
      <rect width={side} height={side} fill="#fff" />
      {cells.map(({ x, y }) => (
        <rect key={`${x}:${y}`} x={x + 4} y={y + 4} width={1} height={1} fill="#000" />
      ))}
    </svg>
  );
}
