/**
 * Tests of src/model/network-assumptions.ts: the engine's access to the modelling constants a network carries, with no
 * defaults for a network that lacks them.
 */
import { describe, expect, test } from "vitest";
import { InputError } from "../../src/errors.ts";
import { createNetwork } from "../../src/model/network.ts";
import { ENGINE_ASSUMPTIONS, networkAssumptions, requireAssumption } from "../../src/model/network-assumptions.ts";

function withAssumptions(assumptions: Record<string, number> | undefined) {
  const network = createNetwork("n");
  if (assumptions !== undefined) network.setAttribute("assumptions", assumptions);
  return network;
}

function issueOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).issues[0]!;
  }
  throw new Error("expected an InputError");
}

describe("requireAssumption(network, name, neededBy)", () => {
  test("returns the network's value", () => {
    const n = withAssumptions({ roadSpeedKph: 80, centroidConnectorMin: 0 });
    expect(requireAssumption(n, "roadSpeedKph", "x")).toBe(80);
    // 0 min connectors are a valid choice; only the divisors and factors must be > 0
    expect(requireAssumption(n, "centroidConnectorMin", "x")).toBe(0);
  });

  test("a missing assumption is an InputError naming the network, the assumption, its unit and who needs it", () => {
    for (const n of [withAssumptions(undefined), withAssumptions({ roadCircuity: 1.25 })]) {
      const issue = issueOf(() => requireAssumption(n, "roadSpeedKph", 'road link "r"'));
      expect(issue).toMatchObject({ code: "missing-assumption", path: "assumptions.roadSpeedKph" });
      expect(issue.message).toContain('network "n" has no assumption "roadSpeedKph" (km/h)');
      expect(issue.message).toContain('needed by road link "r"');
    }
  });

  test("0 where a positive value is needed, a negative value and NaN are invalid-assumption errors", () => {
    for (const [name, value] of [["roadSpeedKph", 0], ["laneCapacityPcuPerHour", 0], ["roadCircuity", -1], ["centroidConnectorMin", Number.NaN]] as const) {
      const issue = issueOf(() => requireAssumption(withAssumptions({ [name]: value }), name, "x"));
      expect(issue, name).toMatchObject({ code: "invalid-assumption", path: `assumptions.${name}` });
    }
  });

  test("names the four assumptions the engine reads; networkAssumptions of a network without a block is empty", () => {
    expect(Object.keys(ENGINE_ASSUMPTIONS).sort()).toEqual(["centroidConnectorMin", "laneCapacityPcuPerHour", "roadCircuity", "roadSpeedKph"]);
    expect(networkAssumptions(withAssumptions(undefined))).toEqual({});
  });
});
