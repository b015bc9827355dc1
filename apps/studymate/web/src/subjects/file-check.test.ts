import { MATERIAL_MAX_BYTES } from '@app/studymate-contracts';
import { describe, expect, it } from 'vitest';
import { fileProblem, sizeText } from './file-check.js';

describe('checking a file before it is uploaded', () => {
  it('takes PDF, Word, Markdown and text files up to 10 MB', () => {
    expect(fileProblem({ name: 'Biology.PDF', size: 1000 })).toBeNull();
    expect(fileProblem({ name: 'notes.docx', size: 1000 })).toBeNull();
    expect(fileProblem({ name: 'notes.md', size: 1000 })).toBeNull();
    expect(fileProblem({ name: 'notes.txt', size: MATERIAL_MAX_BYTES })).toBeNull();
  });

  it('refuses other types, empty files and files over the limit', () => {
    expect(fileProblem({ name: 'sheet.xlsx', size: 1000 })).toBe('type');
    expect(fileProblem({ name: 'photo.jpg', size: 1000 })).toBe('type');
    expect(fileProblem({ name: 'notes.txt', size: 0 })).toBe('empty');
    expect(fileProblem({ name: 'book.pdf', size: MATERIAL_MAX_BYTES + 1 })).toBe('size');
  });

  it('writes sizes in MB or KB', () => {
    expect(sizeText(10 * 1024 * 1024, 'en-GB')).toBe('10 MB');
    expect(sizeText(2.45 * 1024 * 1024, 'en-GB')).toBe('2.5 MB');
    expect(sizeText(300, 'en-GB')).toBe('1 KB');
    expect(sizeText(730 * 1024, 'en-GB')).toBe('730 KB');
  });
});
