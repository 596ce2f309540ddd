/**
 * Tests of src/scenario/as-of-date.ts: partial dates mean the end of their period, on both sides of the comparison.
 */
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { endOfPeriod, inServiceOn } from "../../src/scenario/as-of-date.ts";

describe("endOfPeriod(date)", () => {
  test("expands years and months to their last day, leap years included", () => {
    expect(endOfPeriod("2019")).toBe("2019-12-31");
    expect(endOfPeriod("2019-02")).toBe("2019-02-28");
    expect(endOfPeriod("2020-02")).toBe("2020-02-29");
    expect(endOfPeriod("1900-02")).toBe("1900-02-28"); // divisible by 100, not by 400
    expect(endOfPeriod("2000-02")).toBe("2000-02-29");
    expect(endOfPeriod("2019-04")).toBe("2019-04-30");
    expect(endOfPeriod("2019-05-31")).toBe("2019-05-31");
  });

  propTest.prop([fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })], { seed: 5, numRuns: 200 })(
    "the day after a month's end is the 1st of the next month (oracle: Date arithmetic)",
    (d) => {
      const ym = d.toISOString().slice(0, 7);
      const end = new Date(`${endOfPeriod(ym)}T00:00:00Z`);
      const next = new Date(end.getTime() + 86_400_000);
      expect(next.getUTCDate()).toBe(1);
      expect(end.toISOString().slice(0, 7)).toBe(ym);
    },
  );
});

describe("inServiceOn(link, asOfDate)", () => {
  test("needs status existing and an opening on or before the end of asOfDate's period", () => {
    expect(inServiceOn({ status: "existing" }, "1990")).toBe(true); // no date = old
    expect(inServiceOn({ status: "planned" }, "2099")).toBe(false);
    expect(inServiceOn({ status: "under-construction", openedDate: "2010" }, "2020")).toBe(false);
    expect(inServiceOn({ status: "existing", openedDate: "2019-05-31" }, "2019-05-31")).toBe(true);
    expect(inServiceOn({ status: "existing", openedDate: "2019-06-01" }, "2019-05-31")).toBe(false);
    // "opened in 2019" is read as 2019-12-31: not yet open on 2019-05-31, open "as of 2019".
    expect(inServiceOn({ status: "existing", openedDate: "2019" }, "2019-05-31")).toBe(false);
    expect(inServiceOn({ status: "existing", openedDate: "2019" }, "2019")).toBe(true);
    expect(inServiceOn({ status: "existing", openedDate: "2019-05" }, "2019-05-31")).toBe(true);
    expect(inServiceOn({ status: "existing", openedDate: "2020-12-30" }, "2020-12")).toBe(true);
  });
});
