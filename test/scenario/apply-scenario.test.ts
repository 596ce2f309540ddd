/**
 * Tests of src/scenario/apply-scenario.ts on the tiny-delta fixture network (test/fixtures/networks/tiny-delta/
 * network.txt lists every link; counts below are derived from it by hand), plus property tests that the base network
 * is never changed and that an empty scenario gives the base back.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { InputError, ScenarioError } from "../../src/errors.ts";
import { readNetworkFolder } from "../../src/io/network-file.ts";
import { networkChecksum } from "../../src/model/checksum.ts";
import { addLink, addNode, createNetwork, type Network, type Project } from "../../src/model/network.ts";
import { applyScenario, capIssues, MAX_ISSUES_PER_CODE, validateScenario } from "../../src/scenario/apply-scenario.ts";
import { applyText, chainFromText, scenarioErrorIssues } from "../support/scenario-text.ts";

const FIX = "test/fixtures/scenarios";
const fx = (name: string) => join(FIX, name);
const TINY = "test/fixtures/networks/tiny-delta";

describe("applyScenario(path) on the tiny-delta fixtures", () => {
  test("baseline-2019: asOfDate 2019-05-31 leaves 15 nodes and 27 links", () => {
    const r = applyScenario(fx("baseline-2019.yaml"));
    // Out of service on 2019-05-31 (10 links): changtai (under construction, 2), shhq-ntx (planned, 2),
    // szb-nt (opened 2020-07-01, 2), nt-yc (opened 2020-12, 2), the Sutong GIL (opened 2019-09, 2).
    // Then rail:nt, rail:yc and rail:ntx have no rail leg left: removed with their 3 × 2 access links.
    // 43 − 10 − 6 = 27 links; 18 − 3 = 15 nodes.
    expect(r.network.size).toBe(27);
    expect(r.network.order).toBe(15);
    expect(["rail:nt", "rail:yc", "rail:ntx"].some((n) => r.network.hasNode(n))).toBe(false);
    expect(r.network.hasEdge("road:crossing:sutong:ab")).toBe(true); // opened 2008-06-30
    expect(r.network.hasEdge("power:gil:sutong:ab")).toBe(false);
    expect(r.summary).toEqual({ linksOutOfServiceAtAsOfDate: 10, outOfServiceLinksRemoved: 10, ridesStoppedWithRailLinks: 0, ridesRetimedWithRailLinks: 0, nodesRemoved: 3, accessLinksRemovedWithNodes: 6 });
    expect(r.scenario).toEqual({
      name: "tiny-baseline-2019",
      description: "The tiny delta as of 31 May 2019.",
      files: [fx("baseline-2019.yaml")],
      // sha256 of the file's bytes, computed here independently of the reader.
      fileSha256: [createHash("sha256").update(readFileSync(fx("baseline-2019.yaml"))).digest("hex")],
      asOfDate: "2019-05-31",
      modificationCount: 0,
    });
    expect(r.log).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.baseChecksum).toBe(networkChecksum(readNetworkFolder(TINY)));
    expect(r.resultChecksum).toBe(networkChecksum(r.network));
  });

  test("plan-2025 (extends baseline-2019): opens three projects and removes border delays: 16 nodes, 35 links", () => {
    const r = applyScenario(fx("plan-2025.yaml"));
    // Opened: szb-nt, changtai, GIL (6 links). Still out: nt-yc, shhq-ntx (4 links); rail:yc and rail:ntx go with
    // their 4 access links. 43 − 4 − 4 = 35 links; 18 − 2 = 16 nodes (rail:nt is back: szb-nt serves it).
    expect(r.network.size).toBe(35);
    expect(r.network.order).toBe(16);
    expect(r.network.hasNode("rail:nt")).toBe(true);
    // G2 Shanghai–Suzhou: 84 km at 100 km/h = 50.4 min without the 5 min toll; G40: 120 km → 72 min.
    expect(r.network.getEdgeAttribute("road:G2:sh-sz:ab", "timeMin")).toBeCloseTo(50.4, 12);
    expect(r.network.getEdgeAttribute("road:G40:sh-nt:ba", "timeMin")).toBeCloseTo(72, 12);
    expect(r.log.map((l) => l.message)).toEqual([
      "put 2 links of project hutong-railway-phase-1 (沪通铁路一期) in service",
      "put 2 links of project changtai-crossing (常泰) in service",
      "put 2 links of project sutong-gil (淮南—南京—上海1000千伏特高压交流输变电工程过江通道) in service",
      "set borderDelayMin = 0 on 4 links (timeMin recomputed)",
    ]);
    expect(r.scenario.files).toEqual([fx("baseline-2019.yaml"), fx("plan-2025.yaml")]);
    expect(r.scenario.asOfDate).toBe("2019-05-31");
    expect(r.scenario.modificationCount).toBe(4);
  });

  test("a 3-file chain applies parents' modifications first under the leaf's asOfDate", () => {
    const r = applyScenario(fx("chain-leaf.yaml"));
    expect(r.scenario.files).toEqual([fx("chain-root.yaml"), fx("chain-mid.yaml"), fx("chain-leaf.yaml")]);
    expect(r.scenario.asOfDate).toBe("2020-06");
    expect(r.log.map((l) => [l.file, l.index, l.message])).toEqual([
      [fx("chain-root.yaml"), 0, "closed 2 links"],
      [fx("chain-mid.yaml"), 0, "put 2 links of project hutong-railway-phase-1 (沪通铁路一期) in service"],
      [fx("chain-leaf.yaml"), 0, "scaled trainsPerDay × 1.5 on 2 links"],
    ]);
    // As of 2020-06-30: out are changtai, shhq-ntx, szb-nt (2020-07-01), nt-yc (2020-12) = 8 links; the GIL
    // (2019-09) is in. szb-nt reopened by the project; rail:yc, rail:ntx removed with 4 access links.
    expect(r.summary).toEqual({ linksOutOfServiceAtAsOfDate: 8, outOfServiceLinksRemoved: 6, ridesStoppedWithRailLinks: 0, ridesRetimedWithRailLinks: 0, nodesRemoved: 2, accessLinksRemovedWithNodes: 4 });
    expect(r.network.size).toBe(33);
    expect(r.network.getEdgeAttribute("road:crossing:sutong:ba", "closed")).toBe(true);
    expect(r.network.getEdgeAttribute("rail:leg:shhq-szb:ab", "trainsPerDay")).toBe(120); // 80 × 1.5
    expect(r.network.hasEdge("power:gil:sutong:ab")).toBe(true);
  });

  test("a later modification may target a link an earlier add-link created", () => {
    const r = applyScenario(fx("add-then-close.yaml"));
    expect(r.network.getEdgeAttribute("road:new-bridge:ba", "closed")).toBe(true);
    expect(r.network.getEdgeAttribute("road:new-bridge:ab", "closed")).toBeUndefined();
    expect(r.network.getEdgeAttribute("road:new-bridge:ab", "timeMin")).toBe(30); // 40 km at 80 km/h
  });

  test("reads a JSON scenario", () => {
    const r = applyScenario(fx("close-sutong.json"));
    expect(r.log[0]!.message).toBe("closed 2 links");
    expect(r.network.filterEdges((_id, a) => a.closed === true).sort()).toEqual(["road:crossing:sutong:ab", "road:crossing:sutong:ba"]);
  });

  test("returns partial matches as warnings and goes on", () => {
    const r = applyScenario(fx("partial.yaml"));
    expect(r.warnings.map((w) => [w.code, w.file, w.line, w.path, w.severity])).toEqual([["partial-match", fx("partial.yaml"), 7, "modifications[1].links", "warning"]]);
    expect(r.warnings[0]!.message).toContain("road:G15:nt-yc (removed by an earlier modification)");
    expect(r.log[1]!.message).toBe("closed 2 links");
  });
});

describe("applyScenario(path) refuses bad scenarios with every issue at once", () => {
  // Each row: code, line, path — read off test/fixtures/scenarios/bad-many.yaml.
  const expected = [
    ["unknown-key", 3, "descripton"],
    ["unknown-key", 8, "modifications[0].lnks"],
    ["wrong-type", 11, "modifications[1].set.speedKph"],
    ["not-a-number", 14, "modifications[2].set.timeMin"],
    ["out-of-range", 17, "modifications[3].set.timeMin"],
    ["out-of-range", 20, "modifications[4].set.capacityVehPerHour"],
    ["out-of-range", 23, "modifications[5].set.speedKph"],
    ["unknown-modification-type", 24, "modifications[6].type"],
    ["unknown-link", 27, "modifications[7].links[0]"],
    ["unknown-project", 29, "modifications[8].project"],
    ["unknown-node", 31, "modifications[9].link.toNodeId"],
    ["duplicate-id", 33, "modifications[10].link.id"],
    ["no-effect", 35, "modifications[11].links"],
    ["missing-key", 37, "modifications[12].project"],
    ["wrong-type", 39, "modifications[13].links"],
    ["field-not-on-layer", 42, "modifications[14].set.capacityMw"],
  ];

  test("validateScenario(path) lists all 16 problems of bad-many.yaml in file order", () => {
    const { issues } = validateScenario(fx("bad-many.yaml"));
    expect(issues.map((i) => [i.code, i.line, i.path])).toEqual(expected);
    expect(issues.every((i) => i.file === fx("bad-many.yaml") && i.severity === "error")).toBe(true);
    const suggestions = Object.fromEntries(issues.filter((i) => i.suggestion).map((i) => [i.path, i.suggestion]));
    expect(suggestions).toEqual({
      descripton: "description",
      "modifications[0].lnks": "links",
      "modifications[6].type": "close-link",
      "modifications[7].links[0]": "road:crossing:sutong",
      "modifications[8].project": "沪通铁路一期",
      "modifications[9].link.toNodeId": "road:sh",
    });
  });

  test("applyScenario(path) throws one ScenarioError with the same issues (exit code 3)", () => {
    try {
      applyScenario(fx("bad-many.yaml"));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const err = e as ScenarioError;
      expect(err.code).toBe("invalid-scenario");
      expect(err.exitCode).toBe(3);
      expect(err.issues.map((i) => [i.code, i.line, i.path])).toEqual(expected);
      expect(err.message.split("\n")[0]).toBe(
        `${fx("bad-many.yaml")}:3:1 at descripton: unknown key "descripton"; did you mean "description"? (allowed keys: $schema, name, description, extends, network, asOfDate, modifications) [unknown-key]`,
      );
    }
  });

  test("an extends cycle, a missing parent or a missing network is a ScenarioError", () => {
    expect(scenarioErrorIssues(() => applyScenario(fx("cycle-b.yaml"))).map((i) => i.code)).toEqual(["extends-cycle"]);
    expect(scenarioErrorIssues(() => applyScenario(fx("missing-extends.yaml"))).map((i) => i.code)).toEqual(["extends-not-found"]);
    expect(scenarioErrorIssues(() => applyScenario(fx("network-not-found.yaml"))).map((i) => i.code)).toEqual(["network-not-found"]);
  });

  test("a bad network folder throws the network's own InputError, or joins the file's issues", () => {
    try {
      applyScenario(fx("broken-network.yaml"));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect(e).not.toBeInstanceOf(ScenarioError);
      expect((e as InputError).issues[0]).toMatchObject({ path: "links[0].timeMin", line: 11 });
    }
    const issues = scenarioErrorIssues(() => applyScenario(fx("broken-network-and-file.yaml")));
    expect(issues.map((i) => [i.code, i.file])).toEqual([
      ["unknown-modification-type", fx("broken-network-and-file.yaml")],
      // readNetworkFolder names its files by absolute path.
      ["schema-too_small", resolve("test/fixtures/networks/broken", "road.json")],
    ]);
  });

  test("validateScenario(path) returns [] for a valid scenario and warnings for partial matches", () => {
    expect(validateScenario(fx("plan-2025.yaml")).issues).toEqual([]);
    expect(validateScenario(fx("partial.yaml")).issues.map((i) => [i.code, i.severity])).toEqual([["partial-match", "warning"]]);
  });

  test("caps each issue code at MAX_ISSUES_PER_CODE with one issues-omitted line", () => {
    const ids = Array.from({ length: MAX_ISSUES_PER_CODE + 10 }, (_x, i) => `road:nope${i}`);
    const issues = scenarioErrorIssues(() => applyText(readNetworkFolder(TINY), `modifications:\n  - type: close-link\n    links: [${ids.join(", ")}]\n`));
    expect(issues).toHaveLength(MAX_ISSUES_PER_CODE + 1);
    expect(issues[MAX_ISSUES_PER_CODE]).toMatchObject({ code: "issues-omitted", message: `10 more "unknown-link" issue(s) omitted` });
    expect(capIssues([])).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties: the base network is never changed; an empty scenario returns the base.
// ---------------------------------------------------------------------------------------------------------------

interface Row {
  a: number;
  b: number;
  timeMin: number;
  capacity: number;
  planned: boolean;
  opened: string | null;
}

const rowArb = fc.record({
  a: fc.integer({ min: 0, max: 5 }),
  b: fc.integer({ min: 0, max: 5 }),
  timeMin: fc.double({ min: 0, max: 120, noNaN: true }),
  capacity: fc.integer({ min: 1, max: 8000 }),
  planned: fc.boolean(),
  opened: fc.option(fc.constantFrom("2018", "2019-06", "2020-01-15")),
});

/** Six road nodes, a centroid on node 0, one two-way facility `road:f<i>` per row (a ≠ b); planned rows are projects. */
function randomNetwork(rows: Row[]): Network {
  const n = createNetwork("random");
  for (let i = 0; i < 6; i++) addNode(n, { id: `road:n${i}`, kind: "road-junction", layer: "road", name: `n${i}`, source: "gen" });
  addNode(n, { id: "zone:n0", kind: "centroid", layer: "zone", name: "z", source: "gen" });
  for (const [id, from, to] of [["access:c:ab", "zone:n0", "road:n0"], ["access:c:ba", "road:n0", "zone:n0"]] as const) {
    addLink(n, { id, facilityId: "access:c", fromNodeId: from, toNodeId: to, layer: "access", linkType: "centroid-connector", status: "existing", timeMin: 15, source: "gen" });
  }
  const projects: Record<string, Project> = {};
  rows.forEach((r, i) => {
    if (r.a === r.b) return;
    const facilityId = `road:f${i}`;
    const common = {
      facilityId,
      layer: "road" as const,
      linkType: "expressway",
      status: r.planned ? ("planned" as const) : ("existing" as const),
      timeMin: r.timeMin,
      capacityVehPerHour: r.capacity,
      source: "gen",
      ...(r.opened !== null ? { openedDate: r.opened } : {}),
      ...(r.planned ? { projectIds: [`p${i}`] } : {}),
    };
    addLink(n, { ...common, id: `${facilityId}:ab`, fromNodeId: `road:n${r.a}`, toNodeId: `road:n${r.b}` });
    addLink(n, { ...common, id: `${facilityId}:ba`, fromNodeId: `road:n${r.b}`, toNodeId: `road:n${r.a}` });
    if (r.planned) projects[`p${i}`] = { id: `p${i}`, nameZh: `项目${i}`, nameEn: `p${i}`, category: "road", status: "planned", facilityIds: [facilityId], source: "gen" };
  });
  n.setAttribute("projects", projects);
  return n;
}

const modificationArb = fc.oneof(
  fc.nat(9).map((k) => ({ type: "close-link", links: [`road:f${k}`] })),
  fc.nat(9).map((k) => ({ type: "remove-link", links: [`road:f${k}:ab`] })),
  fc.nat(9).map((k) => ({ type: "set-link", links: [`road:f${k}`], scale: { capacityVehPerHour: 2 } })),
  fc.nat(9).map((k) => ({ type: "open-project", project: `p${k}` })),
  fc.record({ j: fc.nat(3), a: fc.nat(5), b: fc.nat(5) }).map(({ j, a, b }) => ({
    type: "add-link",
    link: { id: `road:new${j}`, fromNodeId: `road:n${a}`, toNodeId: `road:n${b}`, layer: "road", linkType: "x", timeMin: 3, source: "gen" },
  })),
);

describe("applyScenario(chain, { network }) properties", () => {
  propTest.prop([fc.array(rowArb, { maxLength: 10 })], { seed: 424242, numRuns: 100 })(
    "an empty scenario gives a network equal to the base (same export, same checksum)",
    (rows) => {
      const base = randomNetwork(rows);
      const r = applyScenario(chainFromText("name: empty\nnetwork: x\n"), { network: base });
      expect(r.network.export()).toEqual(base.export());
      expect(r.resultChecksum).toBe(r.baseChecksum);
      expect(r.network).not.toBe(base);
    },
  );

  propTest.prop(
    [fc.array(rowArb, { maxLength: 10 }), fc.array(modificationArb, { maxLength: 6 }), fc.option(fc.constantFrom("2019", "2019-05-31"))],
    { seed: 1789, numRuns: 150 },
  )("never changes the base, whether the scenario applies or fails, and gives the same result twice", (rows, modifications, asOfDate) => {
    const base = randomNetwork(rows);
    const exportBefore = base.export();
    const before = networkChecksum(base);
    const text = JSON.stringify({ name: "random", network: "x", ...(asOfDate !== null ? { asOfDate } : {}), modifications });
    const run = () => {
      try {
        const r = applyScenario(chainFromText(text), { network: base });
        return { ok: true, checksum: r.resultChecksum, log: r.log, warnings: r.warnings };
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        return { ok: false, issues: e.issues };
      }
    };
    const first = run();
    const second = run();
    expect(networkChecksum(base)).toBe(before);
    expect(base.export()).toEqual(exportBefore);
    expect(second).toEqual(first);
  });
});

describe("validateScenario(path) — issue 6: every problem of the whole extends chain at once", () => {
  test("reports the root's, the middle file's and the leaf's problems, root first, each at its own file and line", () => {
    // Read off chain-bad-root.yaml, chain-bad-mid.yaml and chain-bad-leaf.yaml.
    const { issues } = validateScenario(fx("chain-bad-leaf.yaml"));
    expect(issues.map((i) => [i.file, i.code, i.line, i.path])).toEqual([
      [fx("chain-bad-root.yaml"), "unknown-link", 6, "modifications[0].links[0]"],
      [fx("chain-bad-root.yaml"), "unknown-key", 9, "modifications[1].set.speedKhp"],
      [fx("chain-bad-mid.yaml"), "unknown-key", 3, "descripton"],
      [fx("chain-bad-mid.yaml"), "unknown-project", 6, "modifications[0].project"],
      [fx("chain-bad-leaf.yaml"), "unknown-link", 5, "modifications[0].links[1]"],
      [fx("chain-bad-leaf.yaml"), "no-effect", 7, "modifications[1].links"],
    ]);
    expect(issues.map((i) => i.suggestion)).toEqual(["road:crossing:sutong", "speedKph", "description", "changtai-crossing", "rail:leg:nt-yc", undefined]);
  });
});
