import { describe, expect, it } from 'vitest';
import { rocAuc, unescapeField } from './plagiarism-eval.js';

describe('plagiarism evaluation helpers', () => {
  it('unescapes in one pass (\\\\n stays a backslash + n)', () => {
    expect(unescapeField('a\\tb\\nc\\\\n\\r')).toBe('a\tb\nc\\n\r');
  });

  it('computes ROC-AUC with ties counted half', () => {
    expect(rocAuc([0.9, 0.8, 0.1, 0.2], [1, 1, 0, 0])).toBe(1);
    expect(rocAuc([0.1, 0.2, 0.9, 0.8], [1, 1, 0, 0])).toBe(0);
    expect(rocAuc([0.5, 0.5], [1, 0])).toBe(0.5);
  });
});
