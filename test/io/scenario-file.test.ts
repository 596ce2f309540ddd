/**
 * Tests of scenario files as read by src/io/scenario-file.ts (top level, extends chains) and src/scenario/
 * read-scenario.ts (each modification against its type's schema): schema errors with code, line and path; extends
 * chains (depth 3), cycles and broken roots; JSON accepted; the committed scenarios/schema.json equals the generated
 * one (src/scenario/scenario-schema.ts).
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { InputError, ScenarioError } from "../../src/errors.ts";
import { chainAsOfDate, isCalendarDate, type ScenarioIssue } from "../../src/io/scenario-file.ts";
import { didYouMean } from "../../src/model/did-you-mean.ts";
import { inspectScenarioChain, loadScenarioChain, parseScenarioText, readScenarioFile } from "../../src/scenario/read-scenario.ts";
import { MODIFICATION_REGISTRY, MODIFICATION_TYPES } from "../../src/scenario/registry.ts";
import { scenarioJsonSchemaText } from "../../src/scenario/scenario-schema.ts";
import { SCENARIO_SCHEMA_PATH } from "../../src/scenario/write-scenario-schema.ts";

const FIX = "test/fixtures/scenarios";
const fx = (name: string) => join(FIX, name);

/** The one issue of `text` (fails when there is not exactly one). */
function onlyIssue(text: string): ScenarioIssue {
  const { issues } = parseScenarioText(text, "t.yaml");
  expect(issues, JSON.stringify(issues, null, 1)).toHaveLength(1);
  return issues[0]!;
}

describe("parseScenarioText(text, file)", () => {
  test("reads name, description, network, asOfDate and modifications with their indexes", () => {
    const { spec, issues } = parseScenarioText(
      'name: a\ndescription: d\nnetwork: ../n\nasOfDate: "2019-05"\nmodifications:\n  - type: close-link\n    links: [x]\n',
      "a.yaml",
    );
    expect(issues).toEqual([]);
    expect(spec).toMatchObject({ file: "a.yaml", name: "a", description: "d", network: "../n", asOfDate: "2019-05", modificationEntryCount: 1 });
    expect(spec!.modifications).toEqual([{ index: 0, value: { type: "close-link", links: ["x"] } }]);
  });

  test("accepts JSON (a YAML subset)", () => {
    const spec = readScenarioFile(fx("close-sutong.json"));
    expect(spec.name).toBe("close-sutong");
    expect(spec.modifications[0]!.value).toEqual({ type: "close-link", links: ["road:crossing:sutong"], note: "what if the Sutong bridge closes" });
  });

  test("refuses an unknown top-level key with a suggestion (line 2)", () => {
    const i = onlyIssue("name: a\ndescriptoin: x\nnetwork: n\n");
    expect(i).toMatchObject({ code: "unknown-key", line: 2, column: 1, path: "descriptoin", suggestion: "description", severity: "error" });
    expect(i.message).toContain('did you mean "description"?');
  });

  test("refuses an unknown key inside a modification and inside `set`, suggesting the closest allowed key", () => {
    const { issues } = parseScenarioText(
      "name: a\nnetwork: n\nmodifications:\n  - type: set-link\n    links: [x]\n    set: { speedKhp: 80 }\n",
      "t.yaml",
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "unknown-key", line: 6, path: "modifications[0].set.speedKhp", suggestion: "speedKph" });
  });

  test("reports a missing required key at its parent's line", () => {
    expect(onlyIssue("network: n\n")).toMatchObject({ code: "missing-key", line: 1, path: "name" });
    const i = onlyIssue("name: a\nnetwork: n\nmodifications:\n  - type: open-project\n");
    expect(i).toMatchObject({ code: "missing-key", line: 4, path: "modifications[0].project" });
  });

  test('refuses a quoted number "12" where a number is expected (never coerced), saying how to fix it', () => {
    const i = onlyIssue('name: a\nnetwork: n\nmodifications:\n  - type: set-link\n    links: [x]\n    set: { timeMin: "12" }\n');
    expect(i).toMatchObject({ code: "wrong-type", line: 6, path: "modifications[0].set.timeMin" });
    expect(i.message).toBe('expected a number, got string "12" (a quoted number is a string: write 12 without quotes)');
  });

  test("refuses NaN and Infinity (YAML .nan / .inf)", () => {
    const base = "name: a\nnetwork: n\nmodifications:\n  - type: set-link\n    links: [x]\n";
    expect(onlyIssue(`${base}    set: { speedKph: .nan }\n`)).toMatchObject({ code: "not-a-number", line: 6, path: "modifications[0].set.speedKph" });
    expect(onlyIssue(`${base}    set: { capacityVehPerHour: .inf }\n`)).toMatchObject({ code: "not-finite", line: 6 });
  });

  test("refuses negative times, zero speed or capacity, zero or negative scale factors, fractional lanes", () => {
    const base = "name: a\nnetwork: n\nmodifications:\n  - type: set-link\n    links: [x]\n";
    expect(onlyIssue(`${base}    set: { timeMin: -1 }\n`)).toMatchObject({ code: "out-of-range", path: "modifications[0].set.timeMin", message: "must be ≥ 0 (got -1)" });
    expect(onlyIssue(`${base}    set: { speedKph: 0 }\n`)).toMatchObject({ code: "out-of-range", path: "modifications[0].set.speedKph" });
    expect(onlyIssue(`${base}    set: { capacityMw: 0 }\n`)).toMatchObject({ code: "out-of-range", path: "modifications[0].set.capacityMw" });
    expect(onlyIssue(`${base}    scale: { capacityVehPerHour: 0 }\n`)).toMatchObject({ code: "out-of-range", path: "modifications[0].scale.capacityVehPerHour" });
    expect(onlyIssue(`${base}    scale: { timeMin: -2 }\n`)).toMatchObject({ code: "out-of-range", path: "modifications[0].scale.timeMin" });
    expect(onlyIssue(`${base}    set: { lanes: 2.5 }\n`)).toMatchObject({ code: "not-an-integer", path: "modifications[0].set.lanes" });
    expect(onlyIssue(`${base}    scale: { lanes: 2 }\n`)).toMatchObject({ code: "unknown-key", path: "modifications[0].scale.lanes" });
  });

  test("refuses a negative length in add-link and a missing source", () => {
    const { issues } = parseScenarioText(
      "name: a\nnetwork: n\nmodifications:\n  - type: add-link\n    link: { id: r, fromNodeId: a, toNodeId: b, layer: road, linkType: x, lengthKm: -5, speedKph: 90 }\n",
      "t.yaml",
    );
    expect(issues.map((i) => [i.code, i.line, i.path])).toEqual([
      ["out-of-range", 5, "modifications[0].link.lengthKm"],
      ["missing-key", 5, "modifications[0].link.source"],
    ]);
  });

  test("refuses an unknown modification type with a suggestion", () => {
    const i = onlyIssue("name: a\nnetwork: n\nmodifications:\n  - type: scale-capacity\n  - type: remove-lnk\n    links: [x]\n".replace("  - type: scale-capacity\n", ""));
    expect(i).toMatchObject({ code: "unknown-modification-type", line: 4, path: "modifications[0].type", suggestion: "remove-link" });
    const far = onlyIssue("name: a\nnetwork: n\nmodifications:\n  - type: teleport\n");
    expect(far.code).toBe("unknown-modification-type");
    expect(far.suggestion).toBeUndefined();
  });

  test("refuses an invalid enum value with a suggestion", () => {
    const i = onlyIssue("name: a\nnetwork: n\nmodifications:\n  - type: close-link\n    where: { layer: raod }\n");
    expect(i).toMatchObject({ code: "invalid-value", line: 5, path: "modifications[0].where.layer", suggestion: "road" });
  });

  test("refuses links and where together, and neither", () => {
    expect(onlyIssue("name: a\nnetwork: n\nmodifications:\n  - type: close-link\n    links: [x]\n    where: { layer: road }\n")).toMatchObject({
      code: "links-and-where",
      line: 6,
      path: "modifications[0].where",
    });
    expect(onlyIssue("name: a\nnetwork: n\nmodifications:\n  - type: remove-link\n    note: nothing to remove\n")).toMatchObject({
      code: "missing-key",
      line: 4,
      path: "modifications[0].links",
    });
    expect(onlyIssue("name: a\nnetwork: n\nmodifications:\n  - type: close-link\n    where: {}\n")).toMatchObject({ code: "empty-where", line: 5 });
  });

  test("refuses set-link without set/scale, an empty set, and conflicting fields", () => {
    const base = "name: a\nnetwork: n\nmodifications:\n  - type: set-link\n    links: [x]\n";
    expect(onlyIssue(base)).toMatchObject({ code: "missing-key", path: "modifications[0].set" });
    expect(onlyIssue(`${base}    set: {}\n`)).toMatchObject({ code: "empty-set", line: 6, path: "modifications[0].set" });
    expect(onlyIssue(`${base}    set: { timeMin: 10, speedKph: 80 }\n`)).toMatchObject({ code: "conflicting-fields", path: "modifications[0].set.timeMin" });
    expect(onlyIssue(`${base}    set: { speedKph: 80 }\n    scale: { speedKph: 2 }\n`)).toMatchObject({ code: "conflicting-fields", line: 7, path: "modifications[0].scale.speedKph" });
  });

  test("warns (does not fail) when a link is listed twice", () => {
    const { spec, issues } = parseScenarioText("name: a\nnetwork: n\nmodifications:\n  - type: close-link\n    links: [x, y, x]\n", "t.yaml");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "duplicate-target", severity: "warning", line: 5, path: "modifications[0].links[2]" });
    expect(spec!.modifications).toHaveLength(1);
  });

  test("refuses an unquoted year (a number) as asOfDate, impossible dates, and a null modification list", () => {
    const y = onlyIssue("name: a\nnetwork: n\nasOfDate: 2019\n");
    expect(y).toMatchObject({ code: "wrong-type", line: 3, path: "asOfDate" });
    expect(y.message).toContain('(quote dates: "2019")');
    expect(onlyIssue('name: a\nnetwork: n\nasOfDate: "2019-02-29"\n')).toMatchObject({ code: "invalid-date", line: 3, path: "asOfDate" });
    expect(onlyIssue('name: a\nnetwork: n\nasOfDate: "2019-13"\n')).toMatchObject({ code: "invalid-date", line: 3, path: "asOfDate" });
    expect(onlyIssue("name: a\nnetwork: n\nmodifications:\n")).toMatchObject({ code: "wrong-type", path: "modifications" });
  });

  test("refuses a document that is not a mapping, and a modification that is not a mapping", () => {
    expect(onlyIssue("- a\n- b\n")).toMatchObject({ code: "not-a-mapping", line: 1 });
    expect(onlyIssue("name: a\nnetwork: n\nmodifications:\n  - close-link\n")).toMatchObject({ code: "wrong-type", line: 4, path: "modifications[0]" });
  });

  test("keeps the valid modifications when others fail, with their original indexes", () => {
    const { spec, issues } = parseScenarioText(
      "name: a\nnetwork: n\nmodifications:\n  - type: close-link\n    links: [a]\n  - type: bogus\n  - type: remove-link\n    links: [b]\n",
      "t.yaml",
    );
    expect(issues.map((i) => i.code)).toEqual(["unknown-modification-type"]);
    expect(spec!.modifications.map((m) => m.index)).toEqual([0, 2]);
    expect(spec!.modificationEntryCount).toBe(3);
  });
});

describe("readScenarioFile(path)", () => {
  test("reports malformed YAML with its line (the first parse error only)", () => {
    // The flow sequence opened on line 5 is never closed; the parser notices at the next item, line 6.
    expect(() => readScenarioFile(fx("malformed.yaml"))).toThrow(ScenarioError);
    const issues = (() => {
      try {
        readScenarioFile(fx("malformed.yaml"));
      } catch (e) {
        return (e as ScenarioError).issues;
      }
      return [];
    })();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "malformed-yaml", file: fx("malformed.yaml"), line: 6, column: 3 });
  });

  test("reports a duplicate key as malformed YAML at the second occurrence (line 3)", () => {
    try {
      readScenarioFile(fx("duplicate-key.yaml"));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect(e).toBeInstanceOf(InputError);
      expect((e as ScenarioError).code).toBe("invalid-scenario");
      expect((e as ScenarioError).exitCode).toBe(3);
      expect((e as ScenarioError).issues[0]).toMatchObject({ code: "malformed-yaml", line: 3, column: 1 });
    }
  });

  test("reports a missing file as file-not-found", () => {
    expect(() => readScenarioFile(fx("nope.yaml"))).toThrow(expect.objectContaining({ code: "invalid-scenario", issues: [expect.objectContaining({ code: "file-not-found", file: fx("nope.yaml") })] }));
  });
});

describe("loadScenarioChain(path)", () => {
  test("follows a 3-file chain root → leaf; the asOfDate nearest the leaf wins", () => {
    const chain = loadScenarioChain(fx("chain-leaf.yaml"));
    expect(chain.specs.map((s) => s.name)).toEqual(["chain-root", "chain-mid", "chain-leaf"]);
    // chain-leaf says `extends: ./chain-mid.yaml`; joined paths are normalised.
    expect(chain.specs.map((s) => s.file)).toEqual([fx("chain-root.yaml"), fx("chain-mid.yaml"), fx("chain-leaf.yaml")]);
    expect(chain.networkDir).toBe(join("test/fixtures/networks/tiny-delta"));
    expect(chainAsOfDate(chain)).toBe("2020-06");
    expect(chainAsOfDate({ specs: chain.specs.slice(0, 2) })).toBe("2019-05-31");
  });

  test("refuses an extends cycle, listing the files of the cycle, at the extends that closes it", () => {
    const { issues, chain } = inspectScenarioChain(fx("cycle-a.yaml"));
    expect(chain).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "extends-cycle", file: fx("cycle-c.yaml"), line: 2, column: 10, path: "extends" });
    expect(issues[0]!.message).toBe(
      `extends cycle: ${fx("cycle-a.yaml")} → ${fx("cycle-b.yaml")} → ${fx("cycle-c.yaml")} → ${fx("cycle-a.yaml")}`,
    );
    expect(() => loadScenarioChain(fx("cycle-b.yaml"))).toThrow(ScenarioError);
  });

  test("uses absolute extends and network paths as written (not joined to the file's folder)", () => {
    const dir = mkdtempSync(join(tmpdir(), "deltanet-chain-"));
    writeFileSync(join(dir, "root.yaml"), `name: root\nnetwork: ${resolve("test/fixtures/networks/tiny-delta")}\n`);
    writeFileSync(join(dir, "leaf.yaml"), `name: leaf\nextends: ${join(dir, "root.yaml")}\n`);
    const chain = loadScenarioChain(join(dir, "leaf.yaml"));
    expect(chain.networkDir).toBe(resolve("test/fixtures/networks/tiny-delta"));
    expect(chain.specs.map((s) => s.file)).toEqual([join(dir, "root.yaml"), join(dir, "leaf.yaml")]);
  });

  test("refuses a missing extends file at the extends line", () => {
    const { issues } = inspectScenarioChain(fx("missing-extends.yaml"));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "extends-not-found", file: fx("missing-extends.yaml"), line: 3, path: "extends" });
  });

  test("refuses both extends and network, and a root with neither", () => {
    expect(inspectScenarioChain(fx("extends-and-network.yaml")).issues.map((i) => [i.code, i.line, i.path])).toEqual([["extends-and-network", 3, "network"]]);
    const neither = inspectScenarioChain(fx("no-extends-or-network.yaml"));
    expect(neither.chain).toBeUndefined();
    expect(neither.issues.map((i) => [i.code, i.line, i.path])).toEqual([["missing-extends-or-network", 1, "network"]]);
  });

  test("refuses a network folder without network.json", () => {
    const issues = inspectScenarioChain(fx("network-not-found.yaml")).issues;
    expect(issues.map((i) => [i.code, i.line, i.path])).toEqual([["network-not-found", 2, "network"]]);
  });
});

describe("scenarioJsonSchemaText()", () => {
  test("equals the committed scenarios/schema.json (regenerate: npx tsx src/scenario/write-scenario-schema.ts)", () => {
    expect(readFileSync(SCENARIO_SCHEMA_PATH, "utf8")).toBe(scenarioJsonSchemaText());
  });

  test("describes strict objects and one schema per modification type", () => {
    const schema = JSON.parse(scenarioJsonSchemaText());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["name"]);
    const options = schema.properties.modifications.items.oneOf as { properties: { type: { const: string } }; additionalProperties: boolean }[];
    expect(options.map((o) => o.properties.type.const)).toEqual([...MODIFICATION_TYPES]);
    expect(options.every((o) => o.additionalProperties === false)).toBe(true);
  });

  test("MODIFICATION_TYPES and the registry name the same types", () => {
    expect(Object.keys(MODIFICATION_REGISTRY).sort()).toEqual([...MODIFICATION_TYPES].sort());
  });
});

describe("didYouMean(word, candidates)", () => {
  test("suggests the closest candidate, nothing when all are far", () => {
    expect(didYouMean("lnks", ["links", "where", "set"])).toBe("links");
    expect(didYouMean("zzzzzz", ["links"])).toBeUndefined();
    expect(didYouMean("x", [])).toBeUndefined();
    // Levenshtein: raod→rail 2, raod→road 2 (a transposition); road shares all 4 letters, rail 2.
    expect(didYouMean("raod", ["rail", "road"])).toBe("road");
  });

  propTest.prop([fc.string({ maxLength: 6 }), fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 8 })], { seed: 11, numRuns: 200 })(
    "does not depend on the order of the candidates",
    (word, candidates) => {
      expect(didYouMean(word, [...candidates].reverse())).toBe(didYouMean(word, candidates));
    },
  );
});

describe("isCalendarDate(text)", () => {
  test("accepts real dates at every precision and refuses impossible ones", () => {
    expect(["2019", "2019-05", "2019-05-31", "2020-02-29"].map(isCalendarDate)).toEqual([true, true, true, true]);
    expect(["2019-02-29", "2019-04-31", "2019-13", "19", "2019-5-1"].map(isCalendarDate)).toEqual([false, false, false, false, false]);
  });
});

describe("ScenarioSpec.sha256 — issue 6 provenance", () => {
  test("is the sha256 of the file's bytes (computed here with node:crypto), and of the text for parseScenarioText", () => {
    const path = fx("plan-2025.yaml");
    expect(readScenarioFile(path).sha256).toBe(createHash("sha256").update(readFileSync(path)).digest("hex"));
    // sha256("name: a\nnetwork: n\n") by the same independent route.
    const text = "name: a\nnetwork: n\n";
    expect(parseScenarioText(text, "t.yaml").spec!.sha256).toBe(createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex"));
  });
});

describe("bundled scenarios/*.yaml — issue 6: format v1 files", () => {
  const files = readdirSync("scenarios").filter((f) => f.endsWith(".yaml") && f !== "check-rules.yaml");
  test.each(files)("%s starts with the yaml-language-server schema line and parses without issues", (f) => {
    const text = readFileSync(join("scenarios", f), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./schema.json");
    expect(parseScenarioText(text, f).issues).toEqual([]);
  });
});
