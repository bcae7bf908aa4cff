/**
 * One line of `npm run soak`: what was measured, the value, the target it is
 * held to, and whether it met it. Every part of the soak returns these, and
 * the runner prints them as one table and fails when any misses.
 */
export interface Figure {
  /** What was measured, in words a reader of the README understands. */
  readonly name: string;
  /** The measured value, as printed ("0", "1.8 s", "0 of 120"). */
  readonly value: string;
  /** The target, as printed ("0", "≤ 10 s"). */
  readonly target: string;
  readonly ok: boolean;
}

/** Where a part of the soak says what it is doing, so a long run is never silent. */
export type Progress = (line: string) => void;
