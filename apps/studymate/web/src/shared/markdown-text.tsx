import { Fragment, type ReactNode } from 'react';
import { inlineParts, paragraphs } from './markdown.js';

/** One line's parts as elements (bold, italics, code); text stays text. */
function line(text: string): ReactNode[] {
  return inlineParts(text).map((part, i) => {
    const key = `${i}-${part.kind}`;
    if (part.kind === 'strong') return <strong key={key}>{part.text}</strong>;
    if (part.kind === 'em') return <em key={key}>{part.text}</em>;
    if (part.kind === 'code')
      return (
        <code key={key} className="rounded bg-surface-muted px-1 font-mono text-[0.9em]">
          {part.text}
        </code>
      );
    return <Fragment key={key}>{part.text}</Fragment>;
  });
}

/** Lines joined by line breaks. */
function lines(texts: string[]): ReactNode[] {
  return texts.map((text, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a fixed text, in order (they may repeat)
    <Fragment key={i}>
      {i > 0 && <br />}
      {line(text)}
    </Fragment>
  ));
}

/**
 * Card text with its bits of Markdown shown (bold, italics, code) and its line breaks kept; never
 * HTML. `inline` renders phrasing content only (inside a heading), paragraphs as blank lines.
 */
export function MarkdownText({
  text,
  className,
  inline,
}: {
  text: string;
  className?: string;
  inline?: boolean;
}) {
  const blocks = paragraphs(text);
  if (inline)
    return (
      <span className={className}>
        {blocks.map((block, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of a fixed text, in order
          <Fragment key={i}>
            {i > 0 && (
              <>
                <br />
                <br />
              </>
            )}
            {lines(block)}
          </Fragment>
        ))}
      </span>
    );
  return (
    <div className={`flex flex-col gap-3 break-words ${className ?? ''}`}>
      {blocks.map((block, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of a fixed text, in order
        <p key={i}>{lines(block)}</p>
      ))}
    </div>
  );
}
