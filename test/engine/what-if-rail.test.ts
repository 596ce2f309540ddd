/**
 * Tests that a what-if closure of a rail leg stops the transit rides over it (src/engine/what-if-model.ts,
 * `railLinkId`), so rail criticality moves commute times: hand-derived metrics on a two-city network with a train and
 * a slow road, and the same closure through a scenario (applyScenario closes the rides) as an independent pipeline.
 */
import { describe, expect, test } from "vitest";
import { PASSENGER_LAYERS } from "../../src/defaults.ts";
import { compileNetwork } from "../../src/engine/compile.ts";
import { computeIsochrones } from "../../src/engine/isochrones.ts";
import { computeWhatIfBase, createEnginePool } from "../../src/engine/pool.ts";
import { openWhatIfRuntime, scenarioMetrics } from "../../src/engine/what-if-kernel.ts";
import { buildWhatIfModel, closeFacilities, passengerLinkCount } from "../../src/engine/what-if-model.ts";
import { generateScenarios } from "../../src/api/batch/generate-scenarios.ts";
import { InputError } from "../../src/errors.ts";
import { applyText } from "../support/scenario-text.ts";
import { tinyNetwork } from "../support/tiny-network.ts";
import { WHAT_IF_DEFAULTS } from "../support/what-if-defaults.ts";

const P_A = 1_000_000;
const P_B = 3_000_000;

// A → B by train: 10 access + 8 boarding (3 wait + 5) + 30 ride + 0 alight + 10 egress = 58 min; by road 15 + 100 + 15 = 130.
const network = tinyNetwork(`
  node zone:A zoneId=A populationPersons=${P_A}
  node zone:B zoneId=B populationPersons=${P_B}
  zone:A <-> rail:a 10min access type=station-access id=access:rail:a
  zone:B <-> rail:b 10min access type=station-access id=access:rail:b
  rail:a <-> rail:b 30min 40tpd id=rail:leg:a-b
  rail:a -> svc:S:f:1 8min waitMin=3 type=rail-board id=transit:S:f:1:board
  svc:S:f:1 -> svc:S:f:2 30min 4tpd id=transit:S:f:1-2 railLinkId=rail:leg:a-b:ab
  svc:S:f:2 -> rail:b 0min type=rail-alight id=transit:S:f:2:alight
  rail:b -> svc:S:b:2 8min waitMin=3 type=rail-board id=transit:S:b:2:board
  svc:S:b:2 -> svc:S:b:1 30min 4tpd id=transit:S:b:2-1 railLinkId=rail:leg:a-b:ba
  svc:S:b:1 -> rail:a 0min type=rail-alight id=transit:S:b:1:alight
  zone:A <-> road:a 15min access
  zone:B <-> road:b 15min access
  road:a <-> road:b 100min road
`);

describe("what-if closure of a rail facility", () => {
  test("the rail leg's facility holds the two rides over it in the passenger network", () => {
    const model = buildWhatIfModel(network, WHAT_IF_DEFAULTS);
    const f = model.facilities.get("rail:leg:a-b")!;
    expect(f.layer).toBe("rail");
    expect(f.passengerLinks.map((l) => model.passenger.linkIds[l]).sort()).toEqual(["transit:S:b:2-1", "transit:S:f:1-2"]);
    expect(closeFacilities(model, ["rail:leg:a-b"]).closedLinks).toEqual([...f.passengerLinks].sort((a, b) => a - b));
  });

  test("closing it moves both trips from the train (58 min) to the road (130 min): hand-derived metrics", async () => {
    const model = buildWhatIfModel(network, WHAT_IF_DEFAULTS);
    const pool = createEnginePool({ workers: 0 });
    await computeWhatIfBase(model, pool);
    await pool.terminate();
    const values = scenarioMetrics(openWhatIfRuntime(model.descriptor), closeFacilities(model, ["rail:leg:a-b"]));
    const m = Object.fromEntries(model.metrics.map((x, k) => [x.name, values[k]!]));
    expect(m.meanTimeIncreaseMin).toBeCloseTo(130 - 58, 9); // both pairs +72 min, equal weights p_A·p_B
    expect(m.odPairsDisconnected).toBe(0);
    expect(m.odPairsBeyond120Min).toBe(2); // 58 → 130 both ways
    expect(m.populationWithin60MinChangePersons).toBe(-(P_A + P_B)); // A loses B, B loses A
    expect(m.populationWithin120MinChangePersons).toBe(-(P_A + P_B));
  });

  test("the same closure through a scenario closes the rides too, and gives the same 130 min", () => {
    const times = (net: typeof network) => computeIsochrones(net, compileNetwork(net, { layers: [...PASSENGER_LAYERS] }), { cutoffsMin: [1e6] }).timeMin;
    expect([...times(network)]).toEqual([0, 58, 58, 0]);
    const closed = applyText(network, "modifications:\n  - type: close-link\n    links: [rail:leg:a-b:ab, rail:leg:a-b:ba]\n");
    expect(closed.summary.ridesStoppedWithRailLinks).toBe(2);
    expect([...times(closed.network)]).toEqual([0, 130, 130, 0]);
  });

  test("a timeMin sweep of rail is refused (no-effect): its trains are the transit layer, which a sweep of transit scales", () => {
    const model = buildWhatIfModel(network, WHAT_IF_DEFAULTS);
    expect([passengerLinkCount(model, "rail"), passengerLinkCount(model, "transit"), passengerLinkCount(model, "road")]).toEqual([0, 6, 2]);
    let error: unknown;
    try {
      generateScenarios(model, { type: "sweep", parameter: "timeMin", layer: "rail", factors: [0.8] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0]).toMatchObject({ code: "no-effect", path: "generator.layer" });
    expect((error as InputError).issues[0]!.message).toContain("sweep transit instead");
    expect(generateScenarios(model, { type: "sweep", parameter: "timeMin", layer: "transit", factors: [0.8] })).toHaveLength(1);
  });
});
