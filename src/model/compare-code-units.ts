/**
 * The one string order of deltanet's outputs: by UTF-16 code units (what `<` does on strings), independent of the
 * locale, so sorted ids, names and files come out the same on every machine.
 */

/**
 * Compares two strings by UTF-16 code units, for `Array.prototype.sort`.
 * @returns negative when `a` sorts first, positive when `b` does, 0 when equal
 * @example ["b", "B", "a"].sort(compareCodeUnits) // ["B", "a", "b"]
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
