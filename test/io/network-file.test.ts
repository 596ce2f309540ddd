/**
 * Tests of src/io/network-file.ts that need a hand-made folder: the `railLinkId` of a transit ride must name a rail
 * link of the network (the scenario and what-if rules that stop a ride with its track depend on it), and the
 * `assumptions` block of network.json becomes the network's assumptions, bad names and values refused.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { InputError } from "../../src/errors.ts";
import { readNetworkFolder } from "../../src/io/network-file.ts";
import { networkAssumptions } from "../../src/model/network-assumptions.ts";
import { tinyNetwork, writeNetworkFolder } from "../support/tiny-network.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Writes stations a, b (rail leg a–b), road a–b, one ride a → b whose railLinkId is `railLinkId`; returns the folder. */
function folderWithRide(railLinkId: string): string {
  const dir = mkdtempSync(join(tmpdir(), "deltanet-network-file-"));
  dirs.push(dir);
  writeNetworkFolder(
    tinyNetwork(`
      rail:a <-> rail:b 30min 40tpd id=rail:leg:a-b
      road:a <-> road:b 40min road
      rail:a -> svc:S:f:1 11min waitMin=6 type=rail-board id=transit:S:f:1:board
      svc:S:f:1 -> svc:S:f:2 30min 4tpd id=transit:S:f:1-2 railLinkId=${railLinkId}
      svc:S:f:2 -> rail:b 0min type=rail-alight id=transit:S:f:2:alight
    `),
    dir,
  );
  return dir;
}

function issuesOf(dir: string) {
  try {
    readNetworkFolder(dir);
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  return [];
}

describe("readNetworkFolder — railLinkId", () => {
  test("a ride over a rail link of the network reads", () => {
    const network = readNetworkFolder(folderWithRide("rail:leg:a-b:ab"));
    expect(network.getEdgeAttribute("transit:S:f:1-2", "railLinkId")).toBe("rail:leg:a-b:ab");
  });

  test("a railLinkId that is missing, or not a rail link, is an unknown-link error at its file, line and path", () => {
    for (const bad of ["rail:leg:a-c:ab", "road:a-b:ab"]) {
      const dir = folderWithRide(bad);
      const issues = issuesOf(dir);
      expect(issues, bad).toHaveLength(1);
      // transit.json: links sorted by id ("…:1-2" < "…:1:board" < "…:2:alight"), so the ride is links[0]; the
      // line is the one line of the file that holds the key.
      const file = join(dir, "transit.json");
      const line = readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes('"railLinkId"')) + 1;
      expect(issues[0], bad).toMatchObject({ file, line, path: "links[0].railLinkId", code: "unknown-link" });
      expect(issues[0]!.message).toContain(`"${bad}"`);
    }
  });
});

describe("readNetworkFolder — assumptions block of network.json", () => {
  /** A two-node road network whose network.json gets `assumptions` (or none when undefined). */
  function folderWithAssumptions(assumptions: unknown): string {
    const dir = mkdtempSync(join(tmpdir(), "deltanet-network-file-"));
    dirs.push(dir);
    writeNetworkFolder(tinyNetwork("road:a <-> road:b 40min road"), dir);
    const file = join(dir, "network.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    if (assumptions !== undefined) manifest.assumptions = assumptions;
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    return dir;
  }

  test("becomes the network's assumptions; a network.json without it gives none (no defaults)", () => {
    expect(networkAssumptions(readNetworkFolder(folderWithAssumptions({ roadCircuity: 1.25, alightMin: 0 })))).toEqual({ roadCircuity: 1.25, alightMin: 0 });
    expect(networkAssumptions(readNetworkFolder(folderWithAssumptions(undefined)))).toEqual({});
  });

  test("the bundled networks/yrd carries the builder's values the engine reads", () => {
    expect(networkAssumptions(readNetworkFolder("networks/yrd"))).toMatchObject({ roadCircuity: 1.25, roadSpeedKph: 100, centroidConnectorMin: 15, laneCapacityPcuPerHour: 2000 });
  });

  test("refuses a negative or non-numeric value and a name that is not lowerCamelCase, at its line and path", () => {
    const dir = folderWithAssumptions({ roadSpeedKph: -100, roadCircuity: "1.25" });
    const file = join(dir, "network.json");
    const lines = readFileSync(file, "utf8").split("\n");
    const lineOf = (key: string) => lines.findIndex((l) => l.includes(`"${key}"`)) + 1;
    const issues = issuesOf(dir);
    expect(issues).toEqual([
      expect.objectContaining({ file, line: lineOf("roadSpeedKph"), path: "assumptions.roadSpeedKph" }),
      expect.objectContaining({ file, line: lineOf("roadCircuity"), path: "assumptions.roadCircuity" }),
    ]);
    const badName = issuesOf(folderWithAssumptions({ ROAD_SPEED_KPH: 100 }));
    expect(badName).toHaveLength(1);
    expect(badName[0]!.path).toContain("assumptions");
    expect(badName[0]!.message).toContain("lowerCamelCase");
  });
});
