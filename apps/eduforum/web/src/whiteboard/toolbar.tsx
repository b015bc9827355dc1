import type { ReactNode } from 'react';
import { useT } from '../i18n.js';
import { type PaletteName, palette, type StrokeWidthName, strokeWidths, type Tool } from './board.js';

const tools: readonly Tool[] = ['pen', 'line', 'arrow', 'rect', 'ellipse', 'text', 'eraser'];

/** 24px line icons (decorative: every button carries its label). */
const icons: Record<Tool, ReactNode> = {
  pen: <path d="M4 20l4-1 11-11-3-3L5 16l-1 4zM14 7l3 3" />,
  line: <path d="M5 19L19 5" />,
  arrow: <path d="M5 19L19 5M11 5h8v8" />,
  rect: <rect x="4" y="6" width="16" height="12" rx="1" />,
  ellipse: <ellipse cx="12" cy="12" rx="8" ry="6" />,
  text: <path d="M6 6h12M12 6v13M9 19h6" />,
  eraser: <path d="M8 20h11M5 14l8-8 6 6-6 6H9l-4-4z" />,
};

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 24 24"
      className="size-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** A toggle button of a group: 44px square, pressed state announced and visible. */
function Toggle({
  pressed,
  label,
  onClick,
  children,
  testId,
}: {
  pressed: boolean;
  label: string;
  onClick: () => void;
  children: ReactNode;
  testId: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      aria-label={label}
      title={label}
      data-testid={testId}
      onClick={onClick}
      className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg border transition ${
        pressed
          ? 'border-accent bg-accent text-white'
          : 'border-border bg-surface text-fg hover:bg-surface-muted'
      }`}
    >
      {children}
    </button>
  );
}

/** The drawing controls: tools, colours and stroke widths (hidden on a read-only board). */
export function DrawingTools({
  tool,
  color,
  width,
  onTool,
  onColor,
  onWidth,
}: {
  tool: Tool;
  color: PaletteName;
  width: StrokeWidthName;
  onTool: (tool: Tool) => void;
  onColor: (color: PaletteName) => void;
  onWidth: (width: StrokeWidthName) => void;
}) {
  const { t } = useT();
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <fieldset className="m-0 min-w-0 border-0 p-0">
        <legend className="sr-only">{t('whiteboard.tools.label')}</legend>
        <div className="flex flex-wrap gap-1">
          {tools.map((name) => (
            <Toggle
              key={name}
              pressed={tool === name}
              label={t(`whiteboard.tools.${name}`)}
              onClick={() => onTool(name)}
              testId={`whiteboard-tool-${name}`}
            >
              <Icon>{icons[name]}</Icon>
            </Toggle>
          ))}
        </div>
      </fieldset>
      <fieldset className="m-0 min-w-0 border-0 p-0">
        <legend className="sr-only">{t('whiteboard.colors.label')}</legend>
        <div className="flex flex-wrap gap-1">
          {palette.map((entry) => (
            <Toggle
              key={entry.name}
              pressed={color === entry.name}
              label={t(`whiteboard.colors.${entry.name}`)}
              onClick={() => onColor(entry.name)}
              testId={`whiteboard-color-${entry.name}`}
            >
              <svg viewBox="0 0 24 24" className="size-6" aria-hidden="true" focusable="false">
                <circle cx="12" cy="12" r="9" fill={entry.color} stroke="#ffffff" strokeWidth="2" />
              </svg>
            </Toggle>
          ))}
        </div>
      </fieldset>
      <fieldset className="m-0 min-w-0 border-0 p-0">
        <legend className="sr-only">{t('whiteboard.widths.label')}</legend>
        <div className="flex flex-wrap gap-1">
          {strokeWidths.map((entry) => (
            <Toggle
              key={entry.name}
              pressed={width === entry.name}
              label={t(`whiteboard.widths.${entry.name}`)}
              onClick={() => onWidth(entry.name)}
              testId={`whiteboard-width-${entry.name}`}
            >
              <svg viewBox="0 0 24 24" className="size-6" aria-hidden="true" focusable="false">
                <line
                  x1="4"
                  y1="12"
                  x2="20"
                  y2="12"
                  stroke="currentColor"
                  strokeWidth={entry.width / 1.5 + 1}
                  strokeLinecap="round"
                />
              </svg>
            </Toggle>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
