/** Why the spaced-repetition core refused its input; the routes map these codes to 4xx answers. */
export type SrsErrorCode =
  | 'GRADE_NOT_ALLOWED'
  | 'INVALID_SETTINGS'
  | 'FUZZ_NEEDS_CARD_ID'
  | 'NOT_ENOUGH_REVIEWS'
  | 'INVALID_REVIEW';

/** A caller mistake (bad grade, bad settings, too little data), never an internal failure. */
export class SrsInputError extends Error {
  override readonly name = 'SrsInputError';
  constructor(
    readonly code: SrsErrorCode,
    message: string,
  ) {
    super(message);
  }
}
