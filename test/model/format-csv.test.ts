/**
 * Tests of src/model/format-csv.ts, the one CSV writer: hand-written expected texts for the quoting, number and empty
 * cell rules; and properties over arbitrary cells (strings rich in commas, quotes, CR and LF; any double): the text
 * equals the one an independent RFC 4180 quoter writes, and csv-parse reads it back to the same cells.
 */
import { fc, test as propTest } from "@fast-check/vitest";
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { formatCsv } from "../../src/model/format-csv.ts";

/** RFC 4180 by hand, independent of csv-stringify: quote a cell holding `,`, `"`, CR or LF, doubling its quotes. */
function quoteCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.split('"').join('""')}"` : text;
}

/** Cell text as the module header defines it. */
function cellText(value: string | number | boolean | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** Strings drawn mostly from the characters that need quoting, plus any unicode. */
const trickyString = fc.oneof(
  fc.string({ unit: fc.constantFrom(",", '"', "\r", "\n", "a", " ", "=", "-", "\t"), maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);

describe("formatCsv(rows, { header })", () => {
  test("@examples: a header, a quoted comma, a number, an empty cell for null, a boolean; doubled quotes; -0 as 0", () => {
    expect(formatCsv([["a,b", 1.5, null, true]], { header: ["name", "x", "y", "ok"] })).toBe('name,x,y,ok\n"a,b",1.5,,true\n');
    expect(formatCsv([['say "hi"', -0]])).toBe('"say ""hi""",0\n');
  });

  test("quotes a cell only for a comma, a quote, CR or LF; leaves spaces, tabs and formula signs alone", () => {
    expect(formatCsv([["a,b", 'q"', "cr\rx", "lf\nx", "crlf\r\nx"]])).toBe('"a,b","q""","cr\rx","lf\nx","crlf\r\nx"\n');
    expect(formatCsv([[" sp ", "tab\tx", "=1+2", "-x", "+1", "@a", "#", "中文"]])).toBe(" sp ,tab\tx,=1+2,-x,+1,@a,#,中文\n");
    expect(formatCsv([['"'], [","], ["\n"]])).toBe('""""\n","\n"\n"\n');
  });

  test("numbers as String(n): exponent forms, NaN and ±Infinity as words, shortest round-trip decimals", () => {
    expect(formatCsv([[1e21, 1e-7, 0.1 + 0.2, NaN, Infinity, -Infinity, 5e-324, 2 ** 53 + 2, -1.5, 0]])).toBe(
      "1e+21,1e-7,0.30000000000000004,NaN,Infinity,-Infinity,5e-324,9007199254740994,-1.5,0\n",
    );
  });

  test("booleans as true/false; null, undefined and the empty string as an empty cell, never quoted", () => {
    expect(formatCsv([[true, false, null, undefined, ""]])).toBe("true,false,,,\n");
    expect(formatCsv([[""]])).toBe("\n");
    expect(formatCsv([[null], ["a"]])).toBe("\na\n");
  });

  test("a header alone is one line; no header and no rows is the empty text; rows may differ in length", () => {
    expect(formatCsv([], { header: ["a", "b,c"] })).toBe('a,"b,c"\n');
    expect(formatCsv([])).toBe("");
    expect(formatCsv([["a"], ["b", 2], []])).toBe("a\nb,2\n\n");
  });

  propTest.prop([fc.array(fc.array(fc.oneof(trickyString, fc.double(), fc.boolean(), fc.constant(null)), { minLength: 1, maxLength: 5 }), { maxLength: 6 })])(
    "the text is the independent RFC 4180 quoter's, line by line with a final newline",
    (rows) => {
      const expected = rows.map((row) => `${row.map((c) => quoteCell(cellText(c))).join(",")}\n`).join("");
      expect(formatCsv(rows)).toBe(expected);
    },
  );

  propTest.prop([fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(fc.array(trickyString, { minLength: n, maxLength: n }), fc.array(fc.array(trickyString, { minLength: n, maxLength: n }), { maxLength: 6 })))])(
    "csv-parse reads the text back to the same header and cells",
    ([header, rows]) => {
      expect(parse(formatCsv(rows, { header }))).toEqual([header, ...rows]);
    },
  );
});
