/**
 * Report sections: turns a run or a comparison into titled tables of display strings, the one model that the
 * terminal-table and markdown formatters both render (so the two never disagree).
 */
import type { RunResult } from "../model/run-result.ts";
import type { ComparisonResult } from "./compare.ts";

/** One titled table: `rows[i].length === headers.length`; `align` per column. */
export interface Section {
  title: string;
  note?: string;
  headers: string[];
  align: ("left" | "right")[];
  rows: string[][];
}

const MILLION = 1_000_000;

/** Persons → millions with 2 decimals, e.g. 24870895 → "24.87". */
export function millions(persons: number): string {
  return (persons / MILLION).toFixed(2);
}

/** Signed change with fixed decimals: 1.5 → "+1.50", -2 → "-2.00", 0 → "0.00". */
export function signed(value: number, decimals = 2): string {
  const s = value.toFixed(decimals);
  if (Number(s) === 0) return (0).toFixed(decimals);
  return value > 0 ? `+${s}` : s;
}

/** A capacity with its unit, up to 1 decimal (rail legs carry half trains per direction): 316.5 → "316.5 trains/day". */
function formatQuantity(value: number | null, unit: string): string {
  if (value === null) return "unbounded";
  return `${value.toLocaleString("en-US", { maximumFractionDigits: 1 })} ${unit}`;
}

/** Names of the min-cut facilities, largest capacity first: at most 3, each cut at 32 characters (JSON has all). */
function cutName(cut: { facilityId: string; name?: string; capacity: number }[]): string {
  if (cut.length === 0) return "(none)";
  const names = [...cut]
    .sort((a, b) => b.capacity - a.capacity || (a.facilityId < b.facilityId ? -1 : 1))
    .map((c) => {
      const n = (c.name ?? c.facilityId).replace(/\s*\(.*\)$/, "");
      return n.length > 32 ? `${n.slice(0, 31)}…` : n;
    });
  const shown = names.slice(0, 3).join("; ");
  return names.length > 3 ? `${cut.length} facilities: ${shown}; …` : shown;
}

function fmt(value: number, decimals = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function signedFmt(value: number, decimals = 0): string {
  const s = fmt(value, decimals);
  return value > 0 && s !== fmt(0, decimals) ? `+${s}` : s;
}

type TopLinks = NonNullable<RunResult["assignment"]>["topCongestedLinks"];

function congestedLinksSection(title: string, links: TopLinks, count = 5): Section {
  return {
    title,
    note: "v/c = flow / capacity per direction (capacities are labelled assumptions, see networks/yrd/SOURCES.md).",
    headers: ["Link", "Flow (veh/h)", "Capacity (veh/h)", "v/c", "Free-flow (min)", "Congested (min)"],
    align: ["left", "right", "right", "right", "right", "right"],
    rows: links.slice(0, count).map((l) => [
      `${l.name ?? l.linkId} (${l.fromNodeId} → ${l.toNodeId})`,
      fmt(l.flowVehPerHour),
      fmt(l.capacityVehPerHour),
      l.vcRatio.toFixed(2),
      l.freeFlowTimeMin.toFixed(1),
      l.congestedTimeMin.toFixed(1),
    ]),
  };
}

/** Road assignment sections of a run: totals and the most congested links (none when the run has no assignment). */
function runAssignmentSections(run: RunResult): Section[] {
  const a = run.assignment;
  if (!a) return [];
  const totals: Section = {
    title: "Road traffic assignment (user equilibrium, gravity demand)",
    headers: ["Measure", "Value"],
    align: ["left", "right"],
    rows: [
      ["Demand (veh/h)", fmt(a.demand.totalVehPerHour)],
      ["Unreachable by road (veh/h)", fmt(a.demand.unreachable.demandVehPerHour)],
      ["Vehicle-hours (per hour)", fmt(a.totals.vehicleHours)],
      ["Delay vehicle-hours", fmt(a.totals.delayVehicleHours)],
      ["Links over capacity", String(a.totals.linksOverCapacity)],
      ["Converged (relative gap)", `${a.converged ? "yes" : "NO"} (${a.relativeGap.toExponential(2)} after ${a.iterations} iterations)`],
    ],
  };
  return [totals, congestedLinksSection("Most congested road links", a.topCongestedLinks)];
}

/** Road assignment sections of a comparison (none when either run has no assignment). */
function comparisonAssignmentSections(cmp: ComparisonResult): Section[] {
  const a = cmp.assignment;
  if (!a) return [];
  const row = (label: string, t: { before: number; after: number; change: number }, decimals = 0) => [label, fmt(t.before, decimals), fmt(t.after, decimals), signedFmt(t.change, decimals)];
  const totals: Section = {
    title: "Road traffic assignment: user equilibrium before → after",
    note: a.sameDemand
      ? "Both networks carry the same OD matrix (the before scenario's gravity demand, veh/h), so changes come from the network alone."
      : "The two runs carry different OD matrices.",
    headers: ["Measure", "Before", "After", "Change"],
    align: ["left", "right", "right", "right"],
    rows: [
      row("Vehicle-hours (per hour)", a.vehicleHours),
      row("Delay vehicle-hours", a.delayVehicleHours),
      row("Vehicle-km (per hour)", a.vehicleKm),
      row("Links over capacity", a.linksOverCapacity),
      row("Unreachable by road (veh/h)", a.unreachableDemandVehPerHour),
      ["Converged", a.converged.before ? "yes" : "NO", a.converged.after ? "yes" : "NO", ""],
    ],
  };
  return [totals, congestedLinksSection("Most congested road links after", a.topCongestedLinksAfter)];
}

/** Sections for `deltanet run`. */
export function runSections(run: RunResult): Section[] {
  const cutoffs = run.parameters.cutoffsMin;
  const reach: Section = {
    title: `Commute reach — ${run.scenario.name}: population (millions) reached by rail + road within each cutoff`,
    headers: ["City", "Province", "Population (M)", ...cutoffs.map((c) => `≤${c} min`)],
    align: ["left", "left", "right", ...cutoffs.map(() => "right" as const)],
    rows: run.isochrones.map((c) => [
      c.name,
      c.province ?? "",
      millions(c.populationPersons),
      ...c.byCutoff.map((r) => millions(r.populationReachedPersons)),
    ]),
  };
  const conn: Section = {
    title: "Connectivity by layer",
    headers: ["Layer", "Nodes", "Links", "Components (weak)", "Components (strong)", "Bridges", "Articulation points"],
    align: ["left", "right", "right", "right", "right", "right", "right"],
    rows: run.connectivity.map((c) => [
      c.layer,
      String(c.nodeCount),
      String(c.linkCount),
      String(c.weakComponentCount),
      String(c.strongComponentCount),
      String(c.bridges.length),
      String(c.articulationPoints.length),
    ]),
  };
  const cap: Section = {
    title: "Capacity (max-flow = min-cut)",
    headers: ["Between", "Max flow", "Min cut"],
    align: ["left", "right", "left"],
    rows: run.capacity.map((c) => [c.label, formatQuantity(c.maxFlow, c.unit), cutName(c.minCut)]),
  };
  return [reach, conn, cap, ...runAssignmentSections(run)];
}

/**
 * Sections for `deltanet compare`: per city the population reached before/after/change within each of `shownCutoffsMin`
 * (those the runs did not use are left out), then connectivity, capacity and the assignment.
 * @param cmp the comparison
 * @param shownCutoffsMin cutoffs shown in the per-city table, minutes (the CLI shows 60 and 120 for the default
 *   cutoffs, so the table stays readable, and every cutoff given with `--cutoff-min` otherwise)
 */
export function comparisonSections(cmp: ComparisonResult, shownCutoffsMin: readonly number[]): Section[] {
  const cutoffs = cmp.parameters.cutoffsMin;
  const shown = shownCutoffsMin.filter((c) => cutoffs.includes(c));
  const headers = ["City", "Province"];
  const align: Section["align"] = ["left", "left"];
  for (const c of shown) {
    headers.push(`≤${c} min before (M)`, `≤${c} min after (M)`, `≤${c} min change (M)`);
    align.push("right", "right", "right");
  }
  const rows = cmp.isochrones.map((city) => {
    const row = [city.name, city.province ?? ""];
    for (const c of shown) {
      const r = city.byCutoff.find((x) => x.cutoffMin === c)!;
      row.push(millions(r.before.populationReachedPersons), millions(r.after.populationReachedPersons), signed(r.changePopulationPersons / MILLION));
    }
    return row;
  });
  const totals = [`All ${cmp.isochrones.length} cities: mean`, ""];
  for (const c of shown) {
    let b = 0;
    let a = 0;
    for (const city of cmp.isochrones) {
      const r = city.byCutoff.find((x) => x.cutoffMin === c)!;
      b += r.before.populationReachedPersons;
      a += r.after.populationReachedPersons;
    }
    const n = cmp.isochrones.length || 1;
    totals.push(millions(b / n), millions(a / n), signed((a - b) / n / MILLION));
  }
  rows.push(totals);
  const reach: Section = {
    title: `Commute reach: population (millions, 2020 census) reached by rail + road — ${cmp.before.name} → ${cmp.after.name}`,
    note: "Door-to-door minutes from each city centre, incl. access, waiting and egress; counts include the origin city.",
    headers,
    align,
    rows,
  };
  const conn: Section = {
    title: "Connectivity by layer (before → after)",
    headers: ["Layer", "Nodes", "Links", "Components (weak)", "Bridges", "Articulation points", "New bridges"],
    align: ["left", "right", "right", "right", "right", "right", "left"],
    rows: cmp.connectivity.map((c) => [
      c.layer,
      `${c.before.nodeCount} → ${c.after.nodeCount}`,
      `${c.before.linkCount} → ${c.after.linkCount}`,
      `${c.before.weakComponentCount} → ${c.after.weakComponentCount}`,
      `${c.before.bridges.length} → ${c.after.bridges.length}`,
      `${c.before.articulationPoints.length} → ${c.after.articulationPoints.length}`,
      c.newBridges.length === 0 ? "" : c.newBridges.slice(0, 4).join(", ") + (c.newBridges.length > 4 ? ", …" : ""),
    ]),
  };
  const cap: Section = {
    title: "Capacity: max-flow between regions (before → after)",
    headers: ["Between", "Before", "After", "Change", "Min cut after"],
    align: ["left", "right", "right", "right", "left"],
    rows: cmp.capacity.map((c) => [
      c.label,
      formatQuantity(c.before, c.unit),
      formatQuantity(c.after, c.unit),
      c.change === null ? "n/a" : `${c.change > 0 ? "+" : ""}${formatQuantity(c.change, c.unit)}`,
      cutName(c.minCutAfter),
    ]),
  };
  return [reach, conn, cap, ...comparisonAssignmentSections(cmp)];
}
