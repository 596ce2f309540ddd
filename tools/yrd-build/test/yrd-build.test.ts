/**
 * Tests of the YRD network builder (tools/yrd-build/) and of the committed networks/yrd/: byte-identical rebuild from
 * ../shared, and invariants of the bundled files checked against hand-derived values from the data files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fc, test as propTest } from "@fast-check/vitest";
import { DirectedGraph } from "graphology";
import { dijkstra } from "graphology-shortest-path";
import { describe, expect, test } from "vitest";
import { InputError } from "../../../src/errors.ts";
import type { LinkAttributes, Network } from "../../../src/model/network.ts";
import { linkSchema, nodeSchema, projectSchema, readNetworkFolder } from "../../../src/io/network-file.ts";
import { ENGINE_ASSUMPTIONS, networkAssumptions } from "../../../src/model/network-assumptions.ts";
import {
  CENTROID_CONNECTOR_MIN,
  LANE_CAPACITY_PCU_PER_HOUR,
  ROAD_CIRCUITY,
  ROAD_SPEED_KPH,
  STATIC_ASSUMPTIONS,
  SUTONG_GIL_DATE,
  assumptionJsonName,
  assumptionsBlock,
  derivedAssumption,
  n,
} from "../assumptions.ts";
import { buildYrdNetwork } from "../build.ts";
import { num, readCsv } from "../csv.ts";
import { compareDates, normaliseDate } from "../dates.ts";
import { spreadZeroSpans } from "../rail-estimated.ts";
import { LINK_KEY_ORDER, NODE_KEY_ORDER, PROJECT_KEY_ORDER, writeFiles } from "../write.ts";
import { REPO_ROOT, SHARED_DIR, describeShared } from "../../../test/support/shared-data.ts";

const NETWORK_DIR = resolve(REPO_ROOT, "networks/yrd");

describeShared("buildYrdNetwork(../shared/data/yrd)", () => {
  test("rebuilding into a temp folder gives files byte-identical to the committed networks/yrd/", () => {
    const out = mkdtempSync(join(tmpdir(), "yrd-build-"));
    try {
      writeFiles(out, buildYrdNetwork(resolve(SHARED_DIR, "data/yrd")).files);
      const committed = readdirSync(NETWORK_DIR).sort();
      expect(readdirSync(out).sort()).toEqual(committed);
      for (const file of committed) {
        expect(readFileSync(join(out, file), "utf8"), file).toBe(readFileSync(join(NETWORK_DIR, file), "utf8"));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("readNetworkFolder(\"networks/yrd\")", () => {
  const network: Network = readNetworkFolder(NETWORK_DIR);
  const links: LinkAttributes[] = [];
  network.forEachEdge((_k, a) => links.push(a));

  test("loads with 41 zones whose 2020 census population sums to the provincial totals", () => {
    const zones: { province?: string; populationPersons?: number }[] = [];
    network.forEachNode((_id, a) => {
      if (a.kind === "centroid") zones.push(a);
    });
    expect(zones).toHaveLength(41);
    const byProvince: Record<string, number> = {};
    for (const z of zones) byProvince[z.province!] = (byProvince[z.province!] ?? 0) + z.populationPersons!;
    // PROVENANCE.md: the 13 Jiangsu / 16 Anhui / 11 Zhejiang city values add up exactly to the official provincial
    // totals 84,748,016 / 61,027,171 / 64,567,588; Shanghai is one zone of 24,870,895.
    expect(byProvince).toEqual({ Jiangsu: 84_748_016, Anhui: 61_027_171, Zhejiang: 64_567_588, Shanghai: 24_870_895 });
    // 84,748,016 + 61,027,171 + 64,567,588 + 24,870,895 = 235,213,670
    expect(zones.reduce((s, z) => s + z.populationPersons!, 0)).toBe(235_213_670);
  });

  test("every link has id, facilityId, status, source and unit-named numbers for its layer", () => {
    const unitKeys = new Set(["timeMin", "lengthKm", "speedKph", "borderDelayMin", "waitMin", "capacityVehPerHour", "lanes", "capacityMw", "trainsPerDay", "openedYear"]);
    for (const l of links) {
      expect(l.id, "id").toMatch(/\S/);
      expect(l.facilityId, `${l.id} facilityId`).toMatch(/\S/);
      expect(["existing", "under-construction", "planned"], `${l.id} status`).toContain(l.status);
      expect(l.source, `${l.id} source`).toMatch(/\S/);
      for (const [k, v] of Object.entries(l)) if (typeof v === "number") expect(unitKeys, `${l.id}.${k} has no unit in its name`).toContain(k);
      if (l.layer === "power") {
        expect(l.timeMin, `${l.id} power links carry no time`).toBeUndefined();
        expect(l.capacityMw, `${l.id} capacityMw`).toBeGreaterThan(0);
      } else {
        expect(l.timeMin, `${l.id} timeMin`).toBeGreaterThanOrEqual(0);
      }
      if (l.layer === "rail") {
        expect(l.lengthKm, `${l.id} lengthKm`).toBeGreaterThanOrEqual(0);
        expect(l.trainsPerDay, `${l.id} trainsPerDay`).toBeGreaterThan(0);
      }
      if (l.layer === "road") {
        expect(l.capacityVehPerHour, `${l.id} capacityVehPerHour`).toBeGreaterThan(0);
        expect(l.speedKph, `${l.id} speedKph`).toBeGreaterThan(0);
        // timeMin = lengthKm / speedKph × 60 + borderDelayMin (rounded to 0.1 min)
        expect(l.timeMin!).toBeCloseTo((l.lengthKm! / l.speedKph!) * 60 + (l.borderDelayMin ?? 0), 0);
      }
      if (l.openedDate !== undefined) expect(l.openedYear, `${l.id} openedYear`).toBe(Number(l.openedDate.slice(0, 4)));
    }
  });

  test("no existing link opened after the June-2021 timetable comes from the timetable", () => {
    for (const l of links) {
      const afterTimetable = l.openedDate !== undefined && compareDates(l.openedDate, "2021-07") >= 0;
      if (l.source.startsWith("yrd_rail_edges.csv")) expect(afterTimetable, `${l.id} opened ${l.openedDate}`).toBe(false);
      if (l.layer === "rail" && l.status === "existing" && afterTimetable) expect(l.estimate, l.id).toBe(true);
    }
  });

  test("every two-way facility has both directions (DC lines and transit links are one-way)", () => {
    // Transit links are one-link facilities by design (the two directions of a ride join different stop nodes);
    // tools/yrd-build/test/yrd-transit.test.ts checks their structure.
    const byFacility = new Map<string, LinkAttributes[]>();
    for (const l of links) if (l.layer !== "transit") byFacility.set(l.facilityId, [...(byFacility.get(l.facilityId) ?? []), l]);
    for (const [facility, ls] of byFacility) {
      if (ls.every((l) => l.linkType === "uhv-dc")) {
        expect(ls, facility).toHaveLength(1);
        continue;
      }
      for (const l of ls) expect(ls.some((m) => m.fromNodeId === l.toNodeId && m.toNodeId === l.fromNodeId), `${l.id} has no reverse link`).toBe(true);
    }
  });

  test("rail station-to-station times between major city pairs match the June-2021 timetable", () => {
    // Shortest path over timetable legs only (graphology-shortest-path as an independent oracle). Lower bound: the
    // fastest direct train of yrd_rail_city_pairs_direct.csv minus 3 min — leg times are medians, so the graph can only
    // beat the fastest train through the ≈1–3 min boarding dwell that the direct times include (PROVENANCE). Upper
    // bound: the row's train-weighted median + 10 min — chaining medians of short legs adds their dwells.
    const g = new DirectedGraph<Record<string, never>, { timeMin: number }>();
    for (const l of links) {
      if (l.layer !== "rail" || l.status !== "existing" || l.estimate === true) continue;
      for (const id of [l.fromNodeId, l.toNodeId]) if (!g.hasNode(id)) g.addNode(id);
      const e = g.edge(l.fromNodeId, l.toNodeId);
      if (e === undefined) g.addEdge(l.fromNodeId, l.toNodeId, { timeMin: l.timeMin! });
      else if (g.getEdgeAttribute(e, "timeMin") > l.timeMin!) g.setEdgeAttribute(e, "timeMin", l.timeMin!);
    }
    const pathMin = (a: string, b: string) => {
      const p = dijkstra.bidirectional(g, `rail:${a}`, `rail:${b}`, "timeMin");
      expect(p, `${a}→${b}`).not.toBeNull();
      let t = 0;
      for (let i = 1; i < p!.length; i++) t += g.getEdgeAttribute(g.edge(p![i - 1], p![i])!, "timeMin");
      return t;
    };
    // [from, to, central_min_time_min, central_median_time_min] of the CSV rows 上海市,南京市 / 上海市,杭州市 /
    // 南京市,合肥市 / 宁波市,杭州市 (central stations 宁波–杭州南; 杭州东 is checked against the same city row).
    const cases: [string, string, number, number][] = [
      ["上海虹桥", "南京南", 71, 121],
      ["上海虹桥", "杭州东", 45, 65],
      ["南京南", "合肥南", 48, 55],
      ["宁波", "杭州南", 50, 65],
      ["杭州东", "宁波", 50, 65],
    ];
    for (const [a, b, minMin, medianMin] of cases) {
      for (const [x, y] of [[a, b], [b, a]]) {
        const t = pathMin(x, y);
        expect(t, `${x}→${y}`).toBeGreaterThanOrEqual(minMin - 3);
        expect(t, `${x}→${y}`).toBeLessThanOrEqual(medianMin + 10);
      }
    }
  });

  test("legs at a station flagged new in yrd_rail_stations.csv carry the line's date and project", () => {
    // yrd_rail_stations.csv: 太仓 new_with_line_after_2019_05 = 沪苏通铁路(一期), line_opened 2020-07-01; the Outline
    // project 沪通铁路一期 matches that line.
    const leg = network.getEdgeAttributes("rail:leg:上海虹桥-太仓:ab");
    expect(leg.openedDate).toBe("2020-07-01");
    expect(leg.projectIds).toEqual(["shanghai-nantong-railway-phase-1"]);
    // 宣城–芜湖 is split: conventional trains (皖赣 line) undated, EMUs over 商合杭 opened 2020-06-28.
    expect(network.getEdgeAttributes("rail:leg:宣城-芜湖:ab").openedDate).toBeUndefined();
    expect(network.getEdgeAttributes("rail:leg:宣城-芜湖:emu:ab").openedDate).toBe("2020-06-28");
  });

  test("Yangtze crossings are their own facilities, usable by a close-facility what-if", () => {
    const sutong = links.filter((l) => l.facilityId === "road:crossing:sutong");
    expect(sutong).toHaveLength(2);
    for (const l of sutong) expect(l).toMatchObject({ linkType: "yangtze-crossing", crossesYangtze: true, crossingId: "road:crossing:sutong", openedDate: "2008-05-25" });
    const projects = network.getAttribute("projects");
    expect(projects["changtai-yangtze-crossing"]).toMatchObject({ nameZh: "常泰", status: "under-construction", facilityIds: ["road:crossing:changtai"] });
    expect(projects["huainan-nanjing-shanghai-uhvac-yangtze-crossing"].nameZh).toBe("淮南—南京—上海1000千伏特高压交流输变电工程过江通道");
  });
});

describe("assumptions table → network.json", () => {
  test("assumptionJsonName(key) is the key in lower camelCase, unit suffix kept", () => {
    expect(assumptionJsonName("ROAD_SPEED_KPH")).toBe("roadSpeedKph");
    expect(assumptionJsonName("LANE_CAPACITY_PCU_PER_HOUR")).toBe("laneCapacityPcuPerHour");
    expect(assumptionJsonName("HUTONG_PHASE2_DESIGN_SPEED_KPH")).toBe("hutongPhase2DesignSpeedKph");
    expect(assumptionJsonName("MALIN84_DETOUR_RATIO")).toBe("malin84DetourRatio");
    expect(() => assumptionJsonName("roadSpeedKph")).toThrow(TypeError);
  });

  test("assumptionsBlock(table) keeps the numeric assumptions in table order and refuses two with one name", () => {
    const derived = derivedAssumption("ESTIMATED_TRAINS_PER_DAY", 8.8, "trains/day", "x", "median");
    expect(assumptionsBlock([ROAD_SPEED_KPH, SUTONG_GIL_DATE, ROAD_CIRCUITY, derived])).toEqual({ roadSpeedKph: 100, roadCircuity: 1.25, estimatedTrainsPerDay: 8.8 });
    expect(Object.keys(assumptionsBlock([ROAD_SPEED_KPH, ROAD_CIRCUITY]))).toEqual(["roadSpeedKph", "roadCircuity"]);
    expect(() => assumptionsBlock([ROAD_SPEED_KPH, derivedAssumption("ROAD_SPEED_KPH", 90, "km/h", "x", "y")])).toThrow(TypeError);
  });

  test("every assumption the engine reads is in the builder's table, with the value the builder uses", () => {
    const block = assumptionsBlock(STATIC_ASSUMPTIONS);
    for (const name of Object.keys(ENGINE_ASSUMPTIONS)) expect(block, name).toHaveProperty(name);
    expect(block).toMatchObject({
      roadCircuity: n(ROAD_CIRCUITY),
      roadSpeedKph: n(ROAD_SPEED_KPH),
      centroidConnectorMin: n(CENTROID_CONNECTOR_MIN),
      laneCapacityPcuPerHour: n(LANE_CAPACITY_PCU_PER_HOUR),
    });
  });

  test("the committed networks/yrd/network.json carries every numeric static assumption of the table, unchanged", () => {
    const assumptions = networkAssumptions(readNetworkFolder(NETWORK_DIR));
    expect(assumptions).toMatchObject(assumptionsBlock(STATIC_ASSUMPTIONS));
    // plus the derived ESTIMATED_TRAINS_PER_DAY (median of the new lines' early service, SOURCES.md)
    expect(Object.keys(assumptions).filter((k) => !(k in assumptionsBlock(STATIC_ASSUMPTIONS)))).toEqual(["estimatedTrainsPerDay"]);
    expect(assumptions).toMatchObject({ roadCircuity: 1.25, roadSpeedKph: 100, centroidConnectorMin: 15, laneCapacityPcuPerHour: 2000 });
  });
});

describe("yrd-build helpers", () => {
  test("the key orders the builder writes are those of the network-file schemas, key for key", () => {
    expect(Object.keys(NODE_KEY_ORDER)).toEqual(Object.keys(nodeSchema.shape));
    expect(Object.keys(LINK_KEY_ORDER)).toEqual(Object.keys(linkSchema.shape));
    expect(Object.keys(PROJECT_KEY_ORDER)).toEqual(Object.keys(projectSchema.shape));
  });

  test("num(row, column) refuses \"12 km\" with file, line and column instead of coercing it", () => {
    const dir = mkdtempSync(join(tmpdir(), "yrd-csv-"));
    try {
      writeFileSync(join(dir, "x.csv"), "a,b\n1,2\n3,12 km\n");
      const t = readCsv(dir, "x.csv", ["a", "b"]);
      expect(num(t.rows[0], "b")).toBe(2);
      let caught: unknown;
      try {
        num(t.rows[1], "b");
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect((caught as InputError).issues[0]).toMatchObject({ file: "x.csv", line: 3, column: 2, path: "b", code: "not-a-number" });
      expect(() => readCsv(dir, "x.csv", ["c"])).toThrow(InputError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("normaliseDate(raw) pads partial dates and refuses annotated ones", () => {
    expect(normaliseDate("2019-12-1")).toBe("2019-12-01");
    expect(normaliseDate("1968")).toBe("1968");
    expect(normaliseDate("2016 (planned)")).toBeUndefined();
    expect(compareDates("2019-09", "2019-05-31")).toBeGreaterThan(0);
    expect(compareDates("2019", "2019-05-31")).toBeLessThan(0);
  });

  test("spreadZeroSpans([0, 0, 9, 4]) shares the zero run with the next span", () => {
    // (0 + 0 + 9) / 3 = 3 for the first three spans; 4 stays.
    expect(spreadZeroSpans([0, 0, 9, 4])).toEqual([3, 3, 3, 4]);
    // a zero run at the end joins the previous span: (5 + 0) / 2
    expect(spreadZeroSpans([5, 0])).toEqual([2.5, 2.5]);
  });

  propTest.prop([fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 1000, noNaN: true })), { minLength: 1, maxLength: 12 })], { seed: 20190531 })(
    "spreadZeroSpans(spans) keeps the length and the sum and leaves no zero when any span is positive",
    (spans) => {
      const out = spreadZeroSpans(spans);
      expect(out).toHaveLength(spans.length);
      const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
      expect(sum(out)).toBeCloseTo(sum(spans), 6);
      if (spans.some((x) => x > 0)) expect(out.every((x) => x > 0)).toBe(true);
    },
  );
});
