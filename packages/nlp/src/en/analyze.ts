import type { ItemSentence, ItsFunction, PartOfSpeech } from 'wink-nlp';
import { getWink } from './wink.js';

/** One token as seen by the English pipeline. */
export interface EnToken {
  value: string;
  normal: string;
  lemma: string;
  pos: PartOfSpeech;
  /** wink token type: word, number, punctuation, emoticon, url, ... */
  type: string;
  stop: boolean;
  /** Not in wink's lexicon: a rough proxy for a rare word. */
  oov: boolean;
}

/** A sentence with its tokens. */
export interface EnSentence {
  text: string;
  tokens: EnToken[];
}

function strings(values: unknown[]): string[] {
  return values.map((v) => (typeof v === 'string' ? v : String(v)));
}

/** Runs wink-nlp over English text: sentences, tokens, POS tags, lemmas, stop-word flags. */
export function analyzeEnglish(text: string): EnSentence[] {
  const nlp = getWink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const out: EnSentence[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const toks = sentence.tokens();
    const values = strings(toks.out(its.value));
    const normals = strings(toks.out(its.normal));
    // wink's published typings disagree with its own `its.lemma` signature.
    const lemmas = strings(toks.out(its.lemma as unknown as ItsFunction<string>));
    const pos = toks.out(its.pos) as PartOfSpeech[];
    const types = strings(toks.out(its.type));
    const stops = toks.out(its.stopWordFlag) as boolean[];
    const tokens: EnToken[] = values.map((value, i) => {
      const normal = normals[i] ?? value.toLowerCase();
      return {
        value,
        normal,
        lemma: lemmas[i] ?? normal,
        pos: pos[i] ?? 'X',
        type: types[i] ?? 'word',
        stop: stops[i] === true,
        oov: doc.isOOV(normal),
      };
    });
    out.push({ text: sentence.out(), tokens });
  });
  return out;
}
