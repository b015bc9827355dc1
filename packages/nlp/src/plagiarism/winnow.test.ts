import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeTokens, textTokens } from './tokens.js';
import {
  comparePlagiarism,
  corpusWeights,
  fingerprintCode,
  fingerprintText,
  kgramHashes,
  winnow,
} from './winnow.js';

const ORIGINAL = `
import java.util.Scanner;
public class Sum {
  // adds numbers until zero
  public static void main(String[] args) {
    Scanner in = new Scanner(System.in);
    int total = 0;
    int x = in.nextInt();
    while (x != 0) { total += x; x = in.nextInt(); }
    System.out.println("Total: " + total);
  }
}`;
const RENAMED = `
import java.util.Scanner;
public class Adder {
  public static void main(String[] argv) {
    /* renamed everything */
    Scanner sc = new Scanner(System.in);
    int acc = 0;
    int value = sc.nextInt();
    while (value != 0) { acc += value; value = sc.nextInt(); }
    System.out.println("Sum is " + acc);
  }
}`;
const OTHER = `
public class Grades {
  public static void main(String[] args) {
    double[] marks = {90.5, 70, 88};
    for (int i = 0; i < marks.length; i++) {
      if (marks[i] > 80) System.out.println(i);
      else System.out.println(-1);
    }
  }
}`;

describe('tokenizers', () => {
  it('normalizes code: comments dropped, identifiers and literals collapsed', () => {
    expect(codeTokens('int x = 42; // hi\n/* c */ x += "s";').map((t) => t.value)).toEqual([
      'int',
      'I',
      '=',
      'N',
      ';',
      'I',
      '+=',
      'S',
      ';',
    ]);
  });

  it('keeps source spans for tokens', () => {
    const src = 'foo(bar)';
    for (const t of codeTokens(src)) expect(t.end).toBeGreaterThan(t.start);
    expect(codeTokens(src).map((t) => src.slice(t.start, t.end))).toEqual(['foo', '(', 'bar', ')']);
  });

  it('text tokens ignore spacing, punctuation and case', () => {
    expect(textTokens('A b, 가!').map((t) => t.value)).toEqual(['a', 'b', '가']);
  });

  it('never throw, and spans stay inside the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        for (const t of [...codeTokens(s), ...textTokens(s)]) {
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(s.length);
          expect(t.end).toBeGreaterThan(t.start);
        }
      }),
    );
  });
});

describe('winnowing', () => {
  it('selects one minimum per window and every window is covered', () => {
    const hashes = [77, 72, 42, 17, 98, 50, 17, 98, 8, 88, 67, 39, 77, 72, 42, 17, 98];
    const picked = winnow(hashes, 4);
    expect(picked).toEqual([3, 6, 8, 11, 15]);
    for (let s = 0; s + 4 <= hashes.length; s++) expect(picked.some((p) => p >= s && p < s + 4)).toBe(true);
  });

  it('k-gram hashes count n-k+1 grams', () => {
    expect(kgramHashes(codeTokens('a b c d e'), 3)).toHaveLength(3);
    expect(kgramHashes(codeTokens('a b'), 3)).toHaveLength(0);
  });

  it('sees through renaming and comments but separates unrelated programs', () => {
    const copy = comparePlagiarism(ORIGINAL, RENAMED, 'code');
    const other = comparePlagiarism(ORIGINAL, OTHER, 'code');
    expect(copy.similarity).toBeGreaterThan(0.8);
    expect(other.similarity).toBeLessThan(copy.similarity);
    expect(copy.spansA.length).toBeGreaterThan(0);
    for (const span of copy.spansB) expect(RENAMED.slice(span.start, span.end).length).toBeGreaterThan(0);
  });

  it('finds the copied passage of a text', () => {
    const source = '광합성은 빛 에너지를 화학 에너지로 바꾸는 과정이다. 엽록소가 빛을 흡수한다.';
    const essay = '나는 오늘 과학을 공부했다. 광합성은 빛에너지를 화학 에너지로 바꾸는 과정이다! 끝.';
    const m = comparePlagiarism(source, essay, 'text');
    expect(m.similarity).toBeGreaterThan(0.3);
    const copied = m.spansB.map((s) => essay.slice(s.start, s.end)).join('|');
    expect(copied).toContain('화학 에너지로');
    expect(copied).not.toContain('과학을');
    expect(comparePlagiarism('전혀 다른 문장입니다 정말로요', source, 'text').similarity).toBe(0);
  });

  it('identical documents score 1 and scores stay within 0..1', () => {
    expect(comparePlagiarism(ORIGINAL, ORIGINAL, 'code').similarity).toBe(1);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
        const m = comparePlagiarism(a, b, 'text');
        expect(m.similarity).toBeGreaterThanOrEqual(0);
        expect(m.similarity).toBeLessThanOrEqual(1);
        expect(m.jaccard).toBeLessThanOrEqual(m.similarity + 1e-12);
      }),
    );
  });

  it('corpus weights discount fingerprints shared by every document', () => {
    const docs = [fingerprintCode(ORIGINAL), fingerprintCode(RENAMED), fingerprintCode(OTHER)];
    const w = corpusWeights(docs);
    const common = docs[0]?.find((f) => docs.every((d) => d.some((g) => g.hash === f.hash)));
    const rare = docs[2]?.find((f) => !docs[0]?.some((g) => g.hash === f.hash));
    if (common) expect(w(common.hash)).toBeLessThan(w(rare?.hash ?? 0));
    expect(w(rare?.hash ?? 0)).toBeGreaterThan(0);
    expect(fingerprintText('').length).toBe(0);
  });
});
