import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';

let instance: WinkMethods | undefined;

/** The shared wink-nlp English pipeline, created on first use (~150 ms, ~35 MB heap). */
export function getWink(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}

/** wink-nlp's lexicon-based sentiment of a text, in -1..1 (0 when no cue words are found). */
export function lexiconSentiment(text: string): number {
  const nlp = getWink();
  const value = nlp.readDoc(text).out(nlp.its.sentiment);
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
