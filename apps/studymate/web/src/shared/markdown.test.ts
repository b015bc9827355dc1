import { describe, expect, it } from 'vitest';
import { inlineParts, paragraphs } from './markdown.js';

describe('card Markdown', () => {
  it('reads bold, italics and code, and leaves the rest as typed', () => {
    expect(inlineParts('**light reactions** happen in the *thylakoid*, see `ATP`')).toEqual([
      { kind: 'strong', text: 'light reactions' },
      { kind: 'text', text: ' happen in the ' },
      { kind: 'em', text: 'thylakoid' },
      { kind: 'text', text: ', see ' },
      { kind: 'code', text: 'ATP' },
    ]);
    expect(inlineParts('__bold__ and _italic_')).toEqual([
      { kind: 'strong', text: 'bold' },
      { kind: 'text', text: ' and ' },
      { kind: 'em', text: 'italic' },
    ]);
  });

  it('is never HTML, and does not read stars or underscores inside words or alone', () => {
    expect(inlineParts('<b>x</b> <script>alert(1)</script>')).toEqual([
      { kind: 'text', text: '<b>x</b> <script>alert(1)</script>' },
    ]);
    expect(inlineParts('snake_case_name and 2 * 3 * 4')).toEqual([
      { kind: 'text', text: 'snake_case_name and 2 * 3 * 4' },
    ]);
    expect(inlineParts('`**not bold**`')).toEqual([{ kind: 'code', text: '**not bold**' }]);
  });

  it('splits paragraphs at blank lines and keeps single line breaks', () => {
    expect(paragraphs('**answer**\n\nwhy it is so\nsecond line\n\n\n')).toEqual([
      ['**answer**'],
      ['why it is so', 'second line'],
    ]);
    expect(paragraphs('  ')).toEqual([]);
  });
});
