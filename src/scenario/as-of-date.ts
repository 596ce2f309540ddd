/**
 * As-of dates: which links are in service on a scenario's `asOfDate`, with the rule for partial dates
 * ("YYYY", "YYYY-MM") written down once.
 *
 * Rule: every partial date stands for the LAST day of its period: "2019" → "2019-12-31", "2020-02" → "2020-02-29".
 * For `asOfDate` that means "as of the end of 2025" includes everything opened during 2025. For a link's
 * `openedDate` it is the conservative reading: a line known only to have opened "in 2019" is not counted as open on
 * 2019-05-31, so the 2019 baseline never gets a link it may not have had. Expanded dates compare as ISO strings.
 */
import type { LinkAttributes } from "../model/network.ts";

/**
 * Last calendar day of the period a date names.
 * @param date "YYYY", "YYYY-MM" or "YYYY-MM-DD" (checked upstream by the file schemas)
 * @returns "YYYY-MM-DD"
 * @example endOfPeriod("2019") // "2019-12-31"
 * @example endOfPeriod("2020-02") // "2020-02-29"
 * @example endOfPeriod("2019-05-31") // "2019-05-31"
 */
export function endOfPeriod(date: string): string {
  const parts = date.split("-");
  if (parts.length === 1) return `${parts[0]}-12-31`;
  if (parts.length === 2) {
    const year = Number(parts[0]);
    const month = Number(parts[1]);
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${parts[0]}-${parts[1]}-${String(lastDay).padStart(2, "0")}`;
  }
  return date;
}

/**
 * Whether a link is in service on `asOfDate`: its status is `existing` and its `openedDate` (if any), read as the
 * end of its period, is on or before the end of `asOfDate`'s period.
 * @param link the link's attributes (status, openedDate)
 * @param asOfDate "YYYY", "YYYY-MM" or "YYYY-MM-DD"
 * @example inServiceOn({ status: "existing", openedDate: "2019" }, "2019-05-31") // false
 * @example inServiceOn({ status: "existing", openedDate: "2019-05" }, "2019-05-31") // true
 * @example inServiceOn({ status: "planned" }, "2030") // false
 */
export function inServiceOn(link: Pick<LinkAttributes, "status" | "openedDate">, asOfDate: string): boolean {
  if (link.status !== "existing") return false;
  if (link.openedDate === undefined) return true;
  return endOfPeriod(link.openedDate) <= endOfPeriod(asOfDate);
}
