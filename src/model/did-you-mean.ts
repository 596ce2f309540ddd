/**
 * "Did you mean": the closest valid word to a misspelt one, for error messages about unknown keys, ids, types and
 * project names (scenario, rules and batch files, CLI-facing checks).
 */
import { distance } from "fastest-levenshtein";
import { compareCodeUnits } from "./compare-code-units.ts";


/** Number of characters two strings share, counted with multiplicity (so a transposition shares all). */
function sharedCharacters(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of b) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(ch, n - 1);
    }
  }
  return shared;
}

/**
 * The candidate closest to `word` by Levenshtein distance (fastest-levenshtein), or `undefined` when none is close:
 * a candidate is offered when its distance is at most max(2, ⌈length/2⌉) of the longer string. Ties go to the
 * candidate sharing more characters with `word` (Levenshtein counts a transposition as 2, so "raod" is as far from
 * "rail" as from "road"), then to the first in code-unit order, so the answer never depends on the order of
 * `candidates`.
 * @param word the unknown word as the user wrote it
 * @param candidates valid words (any order; duplicates allowed)
 * @returns the suggestion, or undefined when nothing is close (or `candidates` is empty)
 * @example didYouMean("lnks", ["links", "where", "set"]) // "links"
 * @example didYouMean("raod", ["rail", "road"]) // "road"
 * @example didYouMean("zzzzzz", ["links"]) // undefined
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  let bestShared = -1;
  for (const c of candidates) {
    if (c === word) continue;
    const d = distance(word, c);
    if (d > bestDistance) continue;
    const shared = sharedCharacters(word, c);
    if (d < bestDistance || shared > bestShared || (shared === bestShared && best !== undefined && compareCodeUnits(c, best) < 0)) {
      best = c;
      bestDistance = d;
      bestShared = shared;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.ceil(Math.max(word.length, best.length) / 2));
  return bestDistance <= limit ? best : undefined;
}

/** `; did you mean "x"?` or the empty string. @example didYouMeanText("links") // '; did you mean "links"?' */
export function didYouMeanText(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
}
