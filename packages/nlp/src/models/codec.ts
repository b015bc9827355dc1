import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** A float vector stored as linearly quantized integers, raw-deflated and base64-encoded. */
export interface EncodedWeights {
  encoding: 'int8-deflate-base64' | 'int16-deflate-base64';
  length: number;
  /** value = integer * scale */
  scale: number;
  data: string;
}

/** Quantizes and compresses a weight vector for a JSON model file. */
export function encodeWeights(values: Float32Array, bits: 8 | 16 = 16): EncodedWeights {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const limit = bits === 8 ? 127 : 32767;
  const scale = max === 0 ? 1 : max / limit;
  const ints = bits === 8 ? new Int8Array(values.length) : new Int16Array(values.length);
  for (let i = 0; i < values.length; i++) ints[i] = Math.round((values[i] as number) / scale);
  const bytes = new Uint8Array(ints.buffer, ints.byteOffset, ints.byteLength);
  return {
    encoding: bits === 8 ? 'int8-deflate-base64' : 'int16-deflate-base64',
    length: values.length,
    scale,
    data: deflateRawSync(bytes, { level: 9 }).toString('base64'),
  };
}

/** Restores a weight vector written by {@link encodeWeights}. */
export function decodeWeights(encoded: EncodedWeights): Float32Array {
  const raw = inflateRawSync(Buffer.from(encoded.data, 'base64'));
  const bytes = new Uint8Array(raw.byteLength);
  bytes.set(raw);
  const ints =
    encoded.encoding === 'int8-deflate-base64' ? new Int8Array(bytes.buffer) : new Int16Array(bytes.buffer);
  if (ints.length !== encoded.length)
    throw new Error(`weights: expected ${encoded.length}, got ${ints.length}`);
  const out = new Float32Array(encoded.length);
  for (let i = 0; i < ints.length; i++) out[i] = (ints[i] as number) * encoded.scale;
  return out;
}
