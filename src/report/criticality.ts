/**
 * Criticality rankings as data and as text: the ranking document of `deltanet criticality` (every open facility of a
 * layer, most critical first, with its what-if metrics), its table for the terminal and markdown, and its CSV.
 */
import type { Layer } from "../model/network.ts";
import { formatCsv } from "../model/format-csv.ts";
import type { BatchFailure, MetricInfo } from "../model/what-if-result.ts";
import { millions, type Section } from "./sections.ts";

/**
 * A metric value as written: finite numbers rounded to 6 decimals (integers unchanged), `null` for NaN/±Infinity.
 * @example formatMetricValue(2.2862513107) // 2.286251
 * @example formatMetricValue(-0) // 0
 * @example formatMetricValue(NaN) // null
 */
export function formatMetricValue(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const rounded = Number.isInteger(value) ? value : Number(value.toFixed(6));
  return rounded === 0 ? 0 : rounded;
}

/** One ranked facility. */
export interface CriticalityRow {
  /** 1 = most critical. */
  rank: number;
  facilityId: string;
  name?: string;
  /** Metric name → value (rounded as in batch output; `null` = undefined, e.g. no OD pair left connected). */
  metrics: Record<string, number | null>;
}

/** A criticality ranking (`deltanet criticality`): every open facility of a layer ranked by its N-1 effect. */
export interface CriticalityResult {
  kind: "deltanet-criticality";
  scenario: { name: string; file: string; networkChecksum: string };
  layer: Layer;
  /** Metric names and units, in column order. */
  metrics: MetricInfo[];
  /** Every open facility of the layer, most critical first (failed ones left out: see `failures`). */
  rows: CriticalityRow[];
  failures: BatchFailure[];
  interrupted: boolean;
}

/**
 * Short column header of a what-if metric for the table and markdown output (the CSV and JSON keep the metric names):
 * two or three short lines with the unit; persons are shown in millions ("M").
 * @example metricHeader({ name: "populationWithin120MinChangePersons", unit: "persons" }) // "Δ persons\n≤ 120 min (M)"
 * @example metricHeader({ name: "maxFlowChange:road-north-to-south", unit: "veh/h" }) // "Δ max flow\nroad-north-to-south\n(veh/h)"
 */
export function metricHeader(metric: MetricInfo): string {
  const { name, unit } = metric;
  const shownUnit = unit === "persons" ? "M" : unit;
  let m: RegExpExecArray | null;
  if (name === "meanTimeIncreaseMin") return `Mean time\nincrease (${shownUnit})`;
  if (name === "odPairsDisconnected") return "OD pairs\ncut";
  if (name === "populationDisconnectedPersons") return `Persons\ncut off (${shownUnit})`;
  if ((m = /^odPairsBeyond(\d+)Min$/.exec(name))) return `OD pairs\n> ${m[1]} min`;
  if ((m = /^populationWithin(\d+)MinChangePersons$/.exec(name))) return `Δ persons\n≤ ${m[1]} min (${shownUnit})`;
  if (name.startsWith("maxFlowChange:")) return `Δ max flow\n${name.slice("maxFlowChange:".length)}\n(${shownUnit})`;
  return `${name}\n(${shownUnit})`;
}

/**
 * The criticality table for the terminal/markdown formatters: the top `top` rows, one column per metric with a short
 * two-line header ({@link metricHeader}); the facility's name and id share a cell. Persons are shown in millions
 * (2 decimals, header "(M)"), minutes with 2 decimals, other counts exactly; a metric that could not be computed shows "–".
 * @example criticalitySections(result, 10)[0].headers.slice(0, 3) // ["Rank", "Facility", "Mean time\nincrease (min)"]
 */
export function criticalitySections(result: CriticalityResult, top: number): Section[] {
  const cell = (v: number | null, unit: string) =>
    v === null ? "–" : unit === "persons" ? millions(v) : unit === "min" || !Number.isInteger(v) ? v.toFixed(2) : v.toLocaleString("en-US");
  return [
    {
      title: `Criticality of ${result.layer} facilities (N-1) on ${result.scenario.name}`,
      note:
        `Each facility closed alone (both directions), compared with the unclosed network; most critical first ` +
        `(${Math.min(top, result.rows.length)} of ${result.rows.length}). Δ = closed − unclosed.`,
      headers: ["Rank", "Facility", ...result.metrics.map(metricHeader)],
      align: ["right", "left", ...result.metrics.map(() => "right" as const)],
      rows: result.rows
        .slice(0, top)
        .map((r) => [String(r.rank), r.name ? `${r.name}\n${r.facilityId}` : r.facilityId, ...result.metrics.map((m) => cell(r.metrics[m.name] ?? null, m.unit))]),
    },
  ];
}

/**
 * The whole ranking as CSV ({@link formatCsv}; every row), columns `rank,facilityId,name,<metric>…`; a metric that
 * could not be computed (`null`) is an empty cell.
 * @example criticalityCsv(result).split("\n")[0] // "rank,facilityId,name,meanTimeIncreaseMin,…"
 */
export function criticalityCsv(result: CriticalityResult): string {
  return formatCsv(
    result.rows.map((r) => [r.rank, r.facilityId, r.name, ...result.metrics.map((m) => r.metrics[m.name])]),
    { header: ["rank", "facilityId", "name", ...result.metrics.map((m) => m.name)] },
  );
}
