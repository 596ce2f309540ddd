/**
 * Issue 6 worked example on the bundled data: `deltanet check` with the default rules FAILS the scenario that closes
 * the Sutong crossing, on commute reach and on north–south road capacity, while the baseline checked against itself
 * passes. Expectations are relations to the bundled network (the bridge's own capacity), not copied outputs.
 */
import { describe, expect, test } from "vitest";
import { readNetworkFolder } from "../../src/io/network-file.ts";
import { checkScenarios } from "../../src/api/check.ts";

const S = "scenarios";

describe("deltanet check --baseline baseline-2019 --candidate whatif-close-sutong-bridge (default rules)", () => {
  const r = checkScenarios({ baseline: `${S}/baseline-2019.yaml`, candidate: `${S}/whatif-close-sutong-bridge.yaml` });
  const rule = (id: string) => r.rules.find((x) => x.id === id)!;

  test("fails", () => {
    expect(r.passed).toBe(false);
    expect(r.counts.rulesFailed).toBeGreaterThanOrEqual(2);
  });

  test("the north → south road max-flow drops by the Sutong bridge's capacity (one direction)", () => {
    const network = readNetworkFolder("networks/yrd");
    const sutong = network.filterEdges((_id, a) => a.facilityId === "road:crossing:sutong").map((id) => network.getEdgeAttribute(id, "capacityVehPerHour")!);
    expect(sutong.length).toBe(2);
    const c = rule("max-flow").cases.find((x) => x.name === "road-north-to-south")!;
    expect(c.status).toBe("fail");
    expect((c.before as number) - (c.after as number)).toBeCloseTo(sutong[0]!, 6);
  });

  test("Nantong (north bank end of the bridge) loses population reached within 120 min; nobody gains", () => {
    const pop = rule("population-reach-120min");
    expect(pop.status).toBe("fail");
    expect(pop.cases.find((x) => x.name === "Nantong (320600)")!.status).toBe("fail");
    expect(pop.cases.every((x) => (x.dropPercent ?? 0) >= 0)).toBe(true);
  });

  test("no city loses reachability altogether: other crossings remain", () => {
    expect(rule("reachability").status).toBe("pass");
  });
});
