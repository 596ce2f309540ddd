/**
 * YRD builder, dates: normalises the partial dates of the source files (`2011-6-30`, `2019-12`, `1968`) to
 * `YYYY[-MM[-DD]]` and compares partial dates, so opening dates can be filtered against a cut-off such as 2019-05-31.
 */
import { compareCodeUnits } from "../../src/model/compare-code-units.ts";

const PARTIAL_DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/**
 * Normalises a partial date to `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with zero padding; `undefined` when the text is not a
 * bare partial date (e.g. `2016 (planned)` or `Huainan–north bank 2016-04-03; …`).
 * @param raw date text from a CSV cell
 * @example normaliseDate("2019-12-1") // "2019-12-01"
 * @example normaliseDate("2016 (planned)") // undefined
 */
export function normaliseDate(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const m = PARTIAL_DATE.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return undefined;
  if (d !== undefined && (Number(d) < 1 || Number(d) > 31)) return undefined;
  return [y, mo?.padStart(2, "0"), d?.padStart(2, "0")].filter((x) => x !== undefined).join("-");
}

/**
 * The first partial date found anywhere in a text (`2016 (planned)` → `2016`, `2017-09 (end of month…)` → `2017-09`).
 * @example firstDateIn("2018-12-31 (full-voltage energisation)") // "2018-12-31"
 */
export function firstDateIn(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const m = /(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/.exec(raw);
  return m ? normaliseDate(m[0]) : undefined;
}

/**
 * The later of two partial dates by {@link compareDates}; `undefined` counts as "long ago" (before everything).
 * @example laterDate("2019-12-16", "2020-12-11") // "2020-12-11"
 */
export function laterDate(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareDates(a, b) >= 0 ? a : b;
}

/**
 * Orders two normalised partial dates by their earliest possible day (`2019` = 2019-01-01, `2019-09` = 2019-09-01);
 * ties by precision (less precise first). Returns a negative number, 0 or a positive number.
 * @example compareDates("2019-09", "2019-05-31") // > 0
 */
export function compareDates(a: string, b: string): number {
  const pad = (s: string) => (s + "-01-01").slice(0, 10);
  const c = compareCodeUnits(pad(a), pad(b));
  return c !== 0 ? c : a.length - b.length;
}

/** Year of a normalised partial date. @example yearOf("2020-07-01") // 2020 */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
