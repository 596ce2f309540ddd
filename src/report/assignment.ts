/**
 * Assignment reports: the link-flow and convergence-trace CSV files of `deltanet assign`, its JSON summary of a TNTP
 * run, and the table sections (summary, most congested links) that the table/markdown formatters render.
 */
import type { AssignmentRun } from "../model/assignment-run.ts";
import type { RoadAssignmentSummary } from "../model/run-result.ts";
import { formatCsv } from "../model/format-csv.ts";
import type { Section } from "./sections.ts";

/** Columns of {@link formatLinkFlowsCsv}. */
const LINK_FLOW_COLUMNS = [
  "link_id", "from_node_id", "to_node_id", "flow_veh_per_hour", "capacity_veh_per_hour", "vc_ratio", "free_flow_time_min",
  "congested_time_min", "cost_min",
];

/**
 * Link flows as CSV ({@link formatCsv}), one row per link in table order, numbers unrounded (shortest round-trip
 * decimal), uncongested links with empty capacity and v/c. Columns: link_id, from_node_id, to_node_id,
 * flow_veh_per_hour, capacity_veh_per_hour, vc_ratio, free_flow_time_min, congested_time_min, cost_min.
 * @example formatLinkFlowsCsv(run).split("\n")[0] // "link_id,from_node_id,to_node_id,flow_veh_per_hour,…"
 */
export function formatLinkFlowsCsv(run: AssignmentRun): string {
  return formatCsv(
    run.links.map((l) => [l.linkId, l.fromNodeId, l.toNodeId, l.flowVehPerHour, l.capacityVehPerHour, l.vcRatio, l.freeFlowTimeMin, l.congestedTimeMin, l.costMin]),
    { header: LINK_FLOW_COLUMNS },
  );
}

/**
 * The convergence trace as CSV ({@link formatCsv}): iteration, relative_gap, step_size, objective, direction,
 * warnings (joined by "; ").
 * @example formatConvergenceCsv(run).split("\n")[1] // "1,0.897…,1,…,all-or-nothing,"
 */
export function formatConvergenceCsv(run: AssignmentRun): string {
  return formatCsv(
    run.convergence.map((r) => [r.iteration, r.relativeGap, r.stepSize, r.objective, r.direction, r.warnings.join("; ")]),
    { header: ["iteration", "relative_gap", "step_size", "objective", "direction", "warnings"] },
  );
}

/** JSON-safe summary of an assignment run without its per-link rows (for `deltanet assign --format json` on TNTP). */
export interface AssignmentRunSummary {
  kind: "deltanet-assignment";
  name: string;
  parameters: AssignmentRun["parameters"];
  converged: boolean;
  iterations: number;
  relativeGap: number;
  objective: number;
  totalCost: number;
  vehicleHours: number;
  freeFlowVehicleHours: number;
  linkCount: number;
  demand: AssignmentRun["demand"];
}

/**
 * The run without its link rows and trace (those go to the CSV files).
 * @example summarizeAssignmentRun(run).kind // "deltanet-assignment"
 */
export function summarizeAssignmentRun(run: AssignmentRun): AssignmentRunSummary {
  return {
    kind: "deltanet-assignment",
    name: run.name,
    parameters: run.parameters,
    converged: run.converged,
    iterations: run.iterations,
    relativeGap: run.relativeGap,
    objective: run.objective,
    totalCost: run.totalCost,
    vehicleHours: run.vehicleHours,
    freeFlowVehicleHours: run.freeFlowVehicleHours,
    linkCount: run.links.length,
    demand: run.demand,
  };
}

/** Fixed decimals with thousands separators, as the run and compare tables print numbers: 94085.47 → "94,085.5". */
function fixed(value: number, digits: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Table sections of an assignment: a key/value summary and, for a road run, the most congested links.
 * @example assignmentSections(run)[0].title // "Assignment"
 */
export function assignmentSections(run: AssignmentRun, road?: RoadAssignmentSummary): Section[] {
  const rows: string[][] = [
    ["Network", run.name],
    ["Algorithm", run.parameters.algorithm],
    ["Converged", run.converged ? "yes" : `NO (target ${run.parameters.relativeGapTarget})`],
    ["Iterations", String(run.iterations)],
    ["Relative gap", run.relativeGap.toExponential(3)],
    ["Demand (veh/h)", fixed(run.demand.totalVehPerHour, 1)],
    ["Assigned (veh/h)", fixed(run.demand.assignedVehPerHour, 1)],
    ["Unreachable (veh/h, OD pairs)", `${fixed(run.demand.unreachableVehPerHour, 1)} (${run.demand.unreachablePairCount})`],
  ];
  if (run.demand.intrazonalVehPerHour > 0) rows.push(["Intrazonal, not assigned (veh/h)", fixed(run.demand.intrazonalVehPerHour, 1)]);
  if (road) {
    const { isolatedZoneIds, isolatedZoneNames } = road.demand.unreachable;
    rows.push(["Isolated zones", isolatedZoneIds.map((id, i) => `${isolatedZoneNames[i]} (${id})`).join(", ") || "none"]);
    rows.push(["Vehicle-hours (road)", fixed(road.totals.vehicleHours, 1)]);
    rows.push(["Delay vehicle-hours (road)", fixed(road.totals.delayVehicleHours, 1)]);
    rows.push(["Vehicle-km (road)", fixed(road.totals.vehicleKm, 0)]);
    rows.push(["Road links over capacity", String(road.totals.linksOverCapacity)]);
  } else {
    rows.push(["Beckmann objective", fixed(run.objective, 3)]);
    rows.push(["Vehicle-hours", fixed(run.vehicleHours, 1)]);
  }
  const sections: Section[] = [{ title: "Assignment", headers: ["", "value"], align: ["left", "right"], rows }];
  if (road && road.topCongestedLinks.length > 0) {
    sections.push({
      title: "Most congested road links",
      note: "v/c = flow / capacity per direction; times in minutes",
      headers: ["Link", "Flow (veh/h)", "Capacity", "v/c", "Free-flow", "Congested"],
      align: ["left", "right", "right", "right", "right", "right"],
      rows: road.topCongestedLinks.map((l) => [
        l.name ? `${l.name} (${l.linkId})` : l.linkId,
        fixed(l.flowVehPerHour, 0),
        fixed(l.capacityVehPerHour, 0),
        fixed(l.vcRatio, 2),
        fixed(l.freeFlowTimeMin, 1),
        fixed(l.congestedTimeMin, 1),
      ]),
    });
  }
  return sections;
}
