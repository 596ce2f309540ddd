/**
 * YRD builder, rounding: the one place where output numbers are rounded, so a rebuild is byte-identical and the
 * files do not carry spurious float digits.
 */

/**
 * Rounds to `decimals` places (half away from zero on the decimal representation) and normalises −0 to 0.
 * @param value finite number
 * @param decimals 0..6
 * @example roundTo(12.345, 1) // 12.3
 * @example roundTo(-0.04, 1) // 0
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(value) * f + 1e-9) / f;
  const signed = value < 0 ? -r : r;
  return Object.is(signed, -0) || signed === 0 ? 0 : signed;
}

/** Minutes, to 0.1 min. @example minutes(12.345) // 12.3 */
export const minutes = (v: number): number => roundTo(v, 1);
/** Kilometres, to 0.1 km. @example km(431.04) // 431 */
export const km = (v: number): number => roundTo(v, 1);
