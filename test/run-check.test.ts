/**
 * Tests of src/run-check.ts and the diff entry of src/run-scenario.ts on the tiny-delta fixtures (every number derived
 * from test/fixtures/networks/tiny-delta/network.txt in the comments): the Sutong closure fails the default rules,
 * a scenario checked against itself passes, rules add their cutoffs to the runs, saved runs are accepted.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { formatJson } from "../src/report/format.ts";
import { InputError } from "../src/errors.ts";
import { readRulesFile } from "../src/io/rules-file.ts";
import { ruleReferencesOfRun } from "../src/report/check.ts";
import { checkAnalyseOptions, checkScenarios, networkRuleReferences } from "../src/api/check.ts";
import { diffScenarios } from "../src/api/diff.ts";
import { analyseScenarioFile, sharedBaseNetwork } from "../src/api/inputs.ts";
import { runScenario } from "../src/api/run.ts";

const FIX = "test/fixtures/scenarios";
const BASE = `${FIX}/baseline-2019.yaml`;
const CLOSE = `${FIX}/check-close-sutong.yaml`;

describe("checkScenarios({ baseline: baseline, candidate: candidate }) with the default rules", () => {
  const r = checkScenarios({ baseline: BASE, candidate: CLOSE });

  test("fails the Sutong closure: Nantong's 60-min reach drops 20,474,897 → 7,726,635 (−62.26 %)", () => {
    // Nantong within 60 min before: itself (7,726,635) + Suzhou over Sutong (15 + 24 + 15 = 54 min; 12,748,262).
    // After: Suzhou only via Shanghai (15 + 77 + 55.4 + 15 = 162.4 min); the Nantong railway opens in 2020.
    expect(r.passed).toBe(false);
    const pop60 = r.rules.find((x) => x.id === "population-reach-60min")!;
    const nt = pop60.cases.find((c) => c.name.endsWith("(320600)"))!;
    expect(nt).toMatchObject({ status: "fail", before: 20_474_897, after: 7_726_635 });
    expect(nt.dropPercent).toBeCloseTo((12_748_262 / 20_474_897) * 100, 9);
  });

  test("the road layer gets two new bridges (G2 and G40: no more ring through Sutong)", () => {
    const road = r.rules.find((x) => x.id === "no-new-bridges")!.cases.find((c) => c.name === "road")!;
    expect(road.details).toEqual(["road:G2:sh-sz", "road:G40:sh-nt"]);
  });

  test("records both runs' provenance: same base network, the chain files with their hashes", () => {
    expect(r.mismatches).toEqual([]);
    expect(r.baseline.provenance.networkChecksum).toBe(r.candidate.provenance.networkChecksum);
    expect(r.candidate.provenance.scenarioFiles.map((f) => f.file)).toEqual([BASE, CLOSE]);
    expect(r.candidate.provenance.scenarioFiles.every((f) => /^[0-9a-f]{64}$/.test(f.sha256 ?? ""))).toBe(true);
  });
});

describe("checkScenarios(baseline, candidate, options)", () => {
  const dir = mkdtempSync(join(tmpdir(), "deltanet-check-"));

  test("a scenario checked against itself passes every rule (assignment-gap read from the run's road assignment)", () => {
    const r = checkScenarios({ baseline: BASE, candidate: BASE });
    expect(r.passed).toBe(true);
    expect(r.rules.map((x) => x.status)).toEqual(["pass", "pass", "pass", "pass", "pass", "pass", "pass", "pass"]);
  });

  test("a rules file's population-reach cutoff (45 min) is added to the runs' cutoffs", () => {
    const rules = join(dir, "rules.yaml");
    writeFileSync(rules, "rules:\n  - type: population-reach\n    cutoffMin: 45\n    maxDropPercent: 0\n");
    const r = checkScenarios({ baseline: BASE, candidate: CLOSE, rulesPath: rules });
    expect(r.rules.map((x) => x.id)).toEqual(["population-reach-45min"]);
    // Nantong → Suzhou over Sutong is 54 min > 45: at 45 min Nantong reaches only itself, before and after.
    expect(r.rules[0]!.cases.find((c) => c.name.endsWith("(320600)"))).toMatchObject({ status: "pass", before: 7_726_635, after: 7_726_635 });
  });

  test("the references known before the runs are the ones a run reports (cities, layers, queries, cutoffs)", () => {
    const ruleSet = readRulesFile("scenarios/check-rules.yaml");
    const analyse = checkAnalyseOptions(ruleSet, undefined);
    const before = networkRuleReferences(sharedBaseNetwork([BASE, CLOSE])!, analyse);
    const after = ruleReferencesOfRun(analyseScenarioFile(BASE, analyse));
    const cities = (refs: typeof before) => refs.cities.map((c) => `${c.zoneId} ${c.name}`).sort();
    expect(cities(before)).toEqual(cities(after));
    expect([before.layers, before.queryIds, before.cutoffsMin]).toEqual([after.layers, after.queryIds, after.cutoffsMin]);
  });

  test("an unknown city or query in the rules is refused before the scenarios run, every one at its line", () => {
    const rules = join(dir, "typos.yaml");
    writeFileSync(rules, "rules:\n  - type: reachability\n    cities: [Nantnog]\n  - type: max-flow\n    maxDropPercent: 0\n    queries: [road-north-to-sout]\n");
    // A candidate that fails only when applied (an unknown link): the rules' errors come first, so nothing ran.
    const candidate = join(dir, "bad-link.yaml");
    writeFileSync(candidate, `name: bad-link\nextends: ${join(process.cwd(), BASE)}\nmodifications:\n  - type: close-link\n    links: [road:nowhere]\n`);
    let error: unknown;
    try {
      checkScenarios({ baseline: BASE, candidate: candidate, rulesPath: rules });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((i) => [i.code, i.line])).toEqual([
      ["unknown-city", 3],
      ["unknown-capacity-query", 6],
    ]);
    expect((error as InputError).issues[1]!.message).toContain('did you mean "road-north-to-south"');
  });

  test("takes a saved run document as the baseline", () => {
    const saved = join(dir, "baseline.json");
    writeFileSync(saved, formatJson(runScenario({ scenario: BASE })));
    const r = checkScenarios({ baseline: saved, candidate: CLOSE });
    expect(r.passed).toBe(false);
    expect(r.rules.find((x) => x.id === "population-reach-60min")!.status).toBe("fail");
  });
});

describe("diffScenarios({ a: a, b: b })", () => {
  test("the Sutong closure is two closed links and nothing else", () => {
    const d = diffScenarios({ a: BASE, b: CLOSE });
    expect(d.counts.total).toBe(2);
    expect(d.diff.linksClosed.map((l) => l.linkId)).toEqual(["road:crossing:sutong:ab", "road:crossing:sutong:ba"]);
    expect(d.a.baseChecksum).toBe(d.b.baseChecksum);
  });
  test("tiny plan-2025 adds the 2020 railway, Changtai and the GIL, and drops the border delays", () => {
    const d = diffScenarios({ a: BASE, b: `${FIX}/plan-2025.yaml` });
    // Opened: rail:leg:szb-nt (2 links), road:crossing:changtai (2), power:gil:sutong (2), plus the rail:nt station's
    // two access links that return with it (rail:nt comes back with its only in-service leg).
    expect(new Set(d.diff.linksAdded.map((l) => l.facilityId))).toEqual(new Set(["rail:leg:szb-nt", "road:crossing:changtai", "power:gil:sutong", "access:zone:nt-rail:nt"]));
    // Border delays: G2 and G40, both directions: borderDelayMin 5 → 0 and timeMin − 5.
    expect(d.diff.linksChanged.map((l) => [l.linkId, l.changes.map((c) => [c.attribute, c.before, c.after])])).toEqual([
      ["road:G2:sh-sz:ab", [["borderDelayMin", 5, 0], ["timeMin", 55.4, 50.4]]],
      ["road:G2:sh-sz:ba", [["borderDelayMin", 5, 0], ["timeMin", 55.4, 50.4]]],
      ["road:G40:sh-nt:ab", [["borderDelayMin", 5, 0], ["timeMin", 77, 72]]],
      ["road:G40:sh-nt:ba", [["borderDelayMin", 5, 0], ["timeMin", 77, 72]]],
    ]);
  });
});
