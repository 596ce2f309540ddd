/**
 * Twin tests of the `@example`s in the scenario modules (src/io/scenario-file.ts, src/scenario/*, src/model/
 * checksum.ts, src/model/service-follow-up.ts): each example's stated result, checked (STYLE §4.7).
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import {
  chainAsOfDate,
  describeValue,
  inspectScenarioFile,
  inspectScenarioFileChain,
  isCalendarDate,
  issueAt,
  orderChainIssues,
  parseScenarioFileText,
  scenarioFileSchema,
  type ScenarioIssue,
} from "../../src/io/scenario-file.ts";
import { didYouMean, didYouMeanText } from "../../src/model/did-you-mean.ts";
import { checkModifications, inspectScenarioChain, loadScenarioChain, parseScenarioText, readScenarioFile, type ScenarioSpec } from "../../src/scenario/read-scenario.ts";
import { scenarioJsonSchemaText } from "../../src/scenario/scenario-schema.ts";
import { writeScenarioSchema } from "../../src/scenario/write-scenario-schema.ts";
import { networkChecksum } from "../../src/model/checksum.ts";
import { addNode, createNetwork } from "../../src/model/network.ts";
import { applyScenario, validateScenario } from "../../src/scenario/apply-scenario.ts";
import { endOfPeriod, inServiceOn } from "../../src/scenario/as-of-date.ts";
import { travelTimeMin } from "../../src/scenario/link-fields.ts";
import { facilityIndex, linkSelectorIssues, matchesWhere, suggestId } from "../../src/scenario/link-targets.ts";
import { net } from "./net.ts";
import { listIds, modificationIssueBuilder, plural } from "../../src/scenario/modification.ts";
import { createModification, modificationModule, modificationSchema } from "../../src/scenario/registry.ts";
import { setLinkFileIssues } from "../../src/scenario/modifications/set-link.ts";

const FIX = "test/fixtures/scenarios";

describe("@example twins", () => {
  test("src/io/scenario-file.ts, src/scenario/read-scenario.ts, src/scenario/scenario-schema.ts", () => {
    expect(didYouMean("lnks", ["links", "where", "set"])).toBe("links");
    expect(didYouMean("raod", ["rail", "road"])).toBe("road");
    expect(didYouMean("zzzzzz", ["links"])).toBeUndefined();
    expect(didYouMeanText("links")).toBe('; did you mean "links"?');
    expect(describeValue("12")).toBe('string "12"');
    expect(scenarioJsonSchemaText().startsWith('{\n  "$schema"')).toBe(true);
    const spec = parseScenarioText("name: x\nnetwork: n\n", "a.yaml").spec!;
    expect(issueAt(spec, ["name"], "wrong-type", "expected a string").path).toBe("name");
    expect(isCalendarDate("2020-02-29")).toBe(true);
    expect(isCalendarDate("2019-02-29")).toBe(false);
    expect(parseScenarioText("name: x\nnetwork: n\nmodifications: [{type: close-lnk}]\n", "a.yaml").issues[0]).toMatchObject({
      file: "a.yaml",
      line: 3,
      column: 24,
      path: "modifications[0].type",
      code: "unknown-modification-type",
      suggestion: "close-link",
      severity: "error",
    });
    expect(readScenarioFile(join(FIX, "plan-2025.yaml")).extends).toBe("baseline-2019.yaml");
    expect(inspectScenarioChain(join(FIX, "chain-leaf.yaml")).specs.length).toBe(3);
    expect(loadScenarioChain(join(FIX, "plan-2025.yaml")).specs.map((s) => s.name)).toEqual(["tiny-baseline-2019", "tiny-plan-2025"]);
    expect(chainAsOfDate({ specs: [{ asOfDate: "2019-05-31" }, {}] as ScenarioSpec[] })).toBe("2019-05-31");
  });

  test("src/scenario/write-scenario-schema.ts", () => {
    const out = join(mkdtempSync(join(tmpdir(), "deltanet-schema-")), "schema.json");
    expect(writeScenarioSchema(out)).toBe(out);
    expect(readFileSync(out, "utf8")).toBe(scenarioJsonSchemaText());
  });

  test("src/model/checksum.ts", () => {
    const n = createNetwork("x");
    addNode(n, { id: "a", kind: "port", layer: "water", name: "a", source: "s" });
    const text = '{"nodes":[{"id":"a","kind":"port","layer":"water","name":"a","source":"s"}],"links":[]}';
    expect(networkChecksum(n)).toBe(createHash("sha256").update(text).digest("hex"));
  });

  test("src/scenario/*", () => {
    expect(endOfPeriod("2019")).toBe("2019-12-31");
    expect(endOfPeriod("2020-02")).toBe("2020-02-29");
    expect(endOfPeriod("2019-05-31")).toBe("2019-05-31");
    expect(inServiceOn({ status: "existing", openedDate: "2019" }, "2019-05-31")).toBe(false);
    expect(inServiceOn({ status: "existing", openedDate: "2019-05" }, "2019-05-31")).toBe(true);
    expect(inServiceOn({ status: "planned" }, "2030")).toBe(false);
    expect(travelTimeMin({ lengthKm: 100, speedKph: 100, borderDelayMin: 5 })).toBe(65);
    expect(suggestId("road:crossing:sutnog", ["road:crossing:sutong", "rail:sutong"])).toBe("road:crossing:sutong");
    expect(facilityIndex(net()).get("road:ab")).toEqual(["road:ab:ab", "road:ab:ba"]);
    expect(matchesWhere(net().getEdgeAttributes("road:ab:ab"), { crossesProvincialBorder: false })).toBe(true);
    expect(plural(2, "link")).toBe("2 links");
    expect(listIds(["a", "b"])).toBe("a, b");
    const spec = parseScenarioText("name: x\nnetwork: n\n", "a.yaml").spec!;
    expect(createModification({ index: 0, value: { type: "close-link", links: ["x"] } }, spec).type).toBe("close-link");
    expect(applyScenario(join(FIX, "close-sutong.json")).log[0]!.message).toBe("closed 2 links");
    expect(validateScenario(join(FIX, "bad-many.yaml")).issues.slice(0, 4).map((i) => i.code)).toEqual(["unknown-key", "unknown-key", "wrong-type", "not-a-number"]);
  });

  test("top level (src/io/scenario-file.ts) and modification modules (src/scenario/*)", () => {
    expect(parseScenarioFileText("name: x\nnetwork: n\nmodifications: [{type: close-link}]\n", "a.yaml").spec?.modificationEntries).toEqual([{ type: "close-link" }]);
    expect(inspectScenarioFile(join(FIX, "plan-2025.yaml")).spec?.extends).toBe("baseline-2019.yaml");
    expect(inspectScenarioFileChain(join(FIX, "chain-leaf.yaml")).specs.length).toBe(3);
    expect(z.toJSONSchema(scenarioFileSchema(modificationSchema)).required).toEqual(["name"]);
    const issue = (file: string, line: number): ScenarioIssue => ({ file, line, column: 1, path: "", code: "x", message: "x", severity: "error" });
    const [leafIssueAtLine3, rootIssueAtLine9] = [issue("leaf.yaml", 3), issue("root.yaml", 9)];
    expect(orderChainIssues([leafIssueAtLine3, rootIssueAtLine9], [{ file: "root.yaml" }, { file: "leaf.yaml" }])).toEqual([rootIssueAtLine9, leafIssueAtLine3]);

    const spec = parseScenarioText("name: x\nnetwork: n\n", "a.yaml").spec!;
    expect(modificationIssueBuilder(spec, 2, "close-link")(["links", 0], "unknown-link", "…").path).toBe("modifications[2].links[0]");
    const at = modificationIssueBuilder(spec, 0, "set-link");
    expect(linkSelectorIssues({ links: ["x", "x"] }, at)[0]!.code).toBe("duplicate-target");
    expect(setLinkFileIssues({ type: "set-link", links: ["x"], set: { timeMin: 10, speedKph: 80 } }, at)[0]!.code).toBe("conflicting-fields");
    expect(modificationModule("close-link")?.type).toBe("close-link");
    expect(modificationModule("close-lnik")).toBeUndefined();
    expect(checkModifications(parseScenarioFileText("name: a\nnetwork: n\nmodifications: [{type: bogus}]\n", "a.yaml").spec!).issues[0]!.code).toBe("unknown-modification-type");
  });
});
