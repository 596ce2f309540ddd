/**
 * Regression checks (`deltanet check`): evaluates a rule set on a baseline and a candidate run and returns
 * one outcome per rule with one case per city, layer or capacity query, each with the numbers behind it.
 *
 * Design: references a rule makes (cities, layers, capacity queries, a cutoff) are resolved against the runs before
 * any rule is evaluated, and every bad reference is reported at once with its position in the rules file (exit 3),
 * as scenario files are. A drop is measured against the baseline, drop % = (before − after) / before × 100, and
 * fails when it exceeds the rule's `maxDropPercent` by more than {@link CHECK_DROP_TOLERANCE_PERCENT}; a rise never
 * fails. Cases are listed in the runs' order (cities by zone id, layers as analysed, queries as defined), so the
 * result is deterministic.
 */
import type { CapacityQuery } from "../model/capacity-query.ts";
import type { CapacityResult, CityIsochrone, LayerConnectivity, RunProvenance, RunResult } from "../model/run-result.ts";
import { InputError, type Issue } from "../errors.ts";
import { defaultRuleId, type CheckRule, type CheckRuleType, type RuleSet } from "../model/check-rule.ts";
import { didYouMean, didYouMeanText } from "../model/did-you-mean.ts";
import { assertComparable, type CompareOptions, type RunMismatch } from "./compare.ts";
import { RESULT_SCHEMA_VERSION } from "../model/run-result.ts";

/** Outcome of one case (or rule): `skip` = not evaluated (e.g. no assignment in the run). */
export type CheckStatus = "pass" | "fail" | "skip";

/** One test case: a rule applied to one city, layer, capacity query or run. */
export interface CheckCase {
  /** What the case is about, e.g. `Nantong (320600)`, `road`, `road-north-to-south`, `assignment`. */
  name: string;
  status: CheckStatus;
  /** One line with the numbers, e.g. `60,000 → 56,000 veh/h (−6.67 %; allowed drop 0 %)`. */
  message: string;
  /** Baseline value in `unit` (`null` = unbounded max-flow), when the rule measures a number. */
  before?: number | null;
  /** Candidate value in `unit`. */
  after?: number | null;
  /** Drop in percent of `before` (negative = a rise); `null` when it cannot be computed (unbounded). */
  dropPercent?: number | null;
  /** The rule's limit in the rule's own unit (percent for drops, a relative gap for `assignment-gap`). */
  limit?: number;
  /** Unit of `before`/`after`: `persons`, `veh/h`, `MW`, `trains/day`, `components`, … */
  unit?: string;
  /** Ids behind a failure: destinations lost, new bridges, new articulation points. */
  details?: string[];
}

/** The outcome of one rule. */
export interface RuleOutcome {
  id: string;
  type: CheckRuleType;
  /** What the rule demands, with its limit, e.g. `population reached within 60 min drops by at most 0 % for any city`. */
  description: string;
  note?: string;
  /** `fail` if any case failed; `skip` if every case was skipped; else `pass`. */
  status: CheckStatus;
  counts: Record<CheckStatus, number>;
  cases: CheckCase[];
}

/** One side of a check: the scenario block and the provenance of its run. */
export interface CheckSide {
  scenario: RunResult["scenario"];
  provenance: RunProvenance;
}

/** The document `deltanet check --json` writes (`kind: "deltanet-check"`, schemaVersion 1). */
export interface CheckResult {
  schemaVersion: number;
  kind: "deltanet-check";
  deltanetVersion: string;
  /** True when no rule failed (skipped rules do not fail a check). */
  passed: boolean;
  /** The rules file, or undefined for rules given in code (the default rules). */
  rulesFile?: string;
  /** What the reports call the rules: the rules file, or `default rules`. */
  rulesName: string;
  baseline: CheckSide;
  candidate: CheckSide;
  /** Allowed provenance differences (network, engine); empty normally. */
  mismatches: RunMismatch[];
  counts: { rules: number; rulesFailed: number; cases: number; passed: number; failed: number; skipped: number };
  rules: RuleOutcome[];
}

/**
 * A rule set from rules given in code (ids by `defaultRuleId`, file positions replaced by `(<label>).<path>`).
 * @param rules the rules, in order; ids must be unique
 * @param capacityQueries extra capacity queries for `max-flow` rules
 * @param label the rule set's `name` in reports, and what `locate` names instead of a file
 * @throws Error when two rules get the same id (a programming error: rules files report it as `duplicate-rule-id`)
 * @example ruleSetOf([{ type: "reachability" }]).rules[0].id // "reachability"
 */
export function ruleSetOf(rules: readonly CheckRule[], capacityQueries: readonly CapacityQuery[] = [], label = "rules"): RuleSet {
  const seen = new Set<string>();
  const entries = rules.map((rule, index) => {
    const id = defaultRuleId(rule);
    if (seen.has(id)) throw new Error(`duplicate rule id "${id}"`);
    seen.add(id);
    return { id, index, rule };
  });
  return {
    name: label,
    rules: entries,
    capacityQueries: [...capacityQueries],
    locate: (path) => ({ path: `(${label}).${path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[")}` }),
  };
}


// ---------------------------------------------------------------------------------------------------------------
// Formatting numbers in messages
// ---------------------------------------------------------------------------------------------------------------

/** Thousands separators and at most 1 decimal (persons are integers; rail capacities come in half trains). */
function thousands(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 1 });
}

/** A drop in percent as a signed change: 6.667 → "−6.67 %", −2 → "+2.00 %", 0 → "0.00 %". */
function changeText(dropPercent: number): string {
  const s = Math.abs(dropPercent).toFixed(2);
  if (Number(s) === 0) return "0.00 %";
  return dropPercent > 0 ? `−${s} %` : `+${s} %`;
}

/** Drop of `after` below `before` in percent of `before`; 0 when before is 0 (nothing to lose). */
function dropPercentOf(before: number, after: number): number {
  if (before === 0) return after >= 0 ? 0 : 100;
  return ((before - after) / before) * 100;
}

/**
 * Slack added to every `maxDropPercent` of a check rule, percentage points: drops smaller than this are floating-point
 * noise (a max-flow summed in another order), never a change of the network. 1e-9 % of 60,000 veh/h is 6e-7 veh/h.
 */
export const CHECK_DROP_TOLERANCE_PERCENT = 1e-9;

function exceeds(dropPercent: number, maxDropPercent: number): boolean {
  return dropPercent > maxDropPercent + CHECK_DROP_TOLERANCE_PERCENT;
}

function cityLabel(c: Pick<CityIsochrone, "name" | "zoneId">): string {
  return `${c.name} (${c.zoneId})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Resolving references
// ---------------------------------------------------------------------------------------------------------------

interface Resolved {
  /** Zone ids a rule is restricted to (undefined = all). */
  zoneIds?: Set<string>;
  layers?: string[];
  queries?: string[];
}

/** What rules may refer to: the cities, connectivity layers, capacity query ids and cutoffs of the runs. */
export interface RuleReferences {
  /** Cities by zone id and English name. */
  cities: readonly { zoneId: string; name?: string }[];
  /** Layers the runs report connectivity for (`rail`, …, `passenger`). */
  layers: readonly string[];
  /** Capacity query ids of the runs. */
  queryIds: readonly string[];
  /** Isochrone cutoffs of the runs, minutes. */
  cutoffsMin: readonly number[];
}

/** The references a saved or computed run offers. @example ruleReferencesOfRun(run).layers // ["rail", "road", "water", "power", "passenger"] */
export function ruleReferencesOfRun(run: RunResult): RuleReferences {
  return {
    cities: run.isochrones,
    layers: run.connectivity.map((c) => c.layer as string),
    queryIds: run.capacity.map((c) => c.id),
    cutoffsMin: run.parameters.cutoffsMin,
  };
}

/**
 * Checks that every city, layer, capacity query and cutoff the rules name exists in `refs` (so a typo is found before
 * the scenarios run when `refs` comes from the network, see run-check.ts).
 * @throws InputError (code `invalid-rules`, exit 3) with every unknown reference, at its line in the rules file, with
 *   a "did you mean" (codes `unknown-city`, `unknown-layer`, `unknown-capacity-query`, `cutoff-not-in-run`).
 * @example checkRuleReferences({ cities: [{ zoneId: "310100", name: "Shanghai" }], layers: ["road"], queryIds: [], cutoffsMin: [60] }, ruleSet)
 */
export function checkRuleReferences(refs: RuleReferences, ruleSet: RuleSet): void {
  resolveReferences(refs, ruleSet);
}

function resolveReferences(refs: RuleReferences, ruleSet: RuleSet): Map<string, Resolved> {
  const issues: Issue[] = [];
  const out = new Map<string, Resolved>();
  const cityByKey = new Map<string, string>();
  for (const c of refs.cities) {
    cityByKey.set(c.zoneId, c.zoneId);
    if (c.name !== undefined) cityByKey.set(c.name, c.zoneId);
  }
  const layerNames = [...refs.layers];
  const queryIds = [...refs.queryIds];
  const bad = (path: (string | number)[], code: string, message: string, suggestion?: string) =>
    issues.push({ ...ruleSet.locate(path), code, message: `${message}${didYouMeanText(suggestion)}`, severity: "error" });

  for (const { id, index, rule } of ruleSet.rules) {
    const r: Resolved = {};
    if ((rule.type === "reachability" || rule.type === "population-reach") && rule.cities !== undefined) {
      r.zoneIds = new Set();
      rule.cities.forEach((name, j) => {
        const zoneId = cityByKey.get(name);
        if (zoneId === undefined) bad(["rules", index, "cities", j], "unknown-city", `unknown city "${name}" (give a zone id such as "310100" or an English name such as "Shanghai")`, didYouMean(name, cityByKey.keys()));
        else r.zoneIds!.add(zoneId);
      });
    }
    if ((rule.type === "component-count" || rule.type === "no-new-bridges" || rule.type === "no-new-articulation-points") && rule.layers !== undefined) {
      rule.layers.forEach((layer, j) => {
        if (!layerNames.includes(layer)) bad(["rules", index, "layers", j], "unknown-layer", `unknown layer "${layer}" (the runs report ${layerNames.join(", ")})`, didYouMean(layer, layerNames));
      });
      r.layers = rule.layers;
    }
    if (rule.type === "max-flow" && rule.queries !== undefined) {
      rule.queries.forEach((q, j) => {
        if (!queryIds.includes(q)) bad(["rules", index, "queries", j], "unknown-capacity-query", `unknown capacity query "${q}" (the runs have ${queryIds.join(", ")})`, didYouMean(q, queryIds));
      });
      r.queries = rule.queries;
    }
    if (rule.type === "population-reach" && !refs.cutoffsMin.includes(rule.cutoffMin)) {
      bad(["rules", index, "cutoffMin"], "cutoff-not-in-run", `cutoff ${rule.cutoffMin} min is not among the runs' cutoffs (${refs.cutoffsMin.join(", ")} min): re-run the scenarios with --cutoff-min ${rule.cutoffMin}`);
    }
    out.set(id, r);
  }
  if (issues.length > 0) throw new InputError(issues, "invalid-rules");
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------------------------

function reachabilityCases(baseline: RunResult, candidate: RunResult, r: Resolved): CheckCase[] {
  const lostBefore = new Set(baseline.cityReachability.unreachablePairs.map(([o, d]) => `${o}\u0000${d}`));
  const lostAfter = new Set(candidate.cityReachability.unreachablePairs.map(([o, d]) => `${o}\u0000${d}`));
  const inCandidate = new Set(candidate.cityReachability.zoneIds);
  const cities = baseline.isochrones.filter((c) => r.zoneIds === undefined || r.zoneIds.has(c.zoneId));
  return cities.map((origin) => {
    const name = cityLabel(origin);
    if (!inCandidate.has(origin.zoneId)) return { name, status: "fail", message: "the city is missing from the candidate run", details: [origin.zoneId] };
    const reachable: string[] = [];
    const lost: string[] = [];
    for (const dest of cities) {
      if (dest.zoneId === origin.zoneId) continue;
      const key = `${origin.zoneId}\u0000${dest.zoneId}`;
      if (lostBefore.has(key)) continue;
      reachable.push(dest.zoneId);
      if (lostAfter.has(key) || !inCandidate.has(dest.zoneId)) lost.push(cityLabel(dest));
    }
    if (lost.length === 0) {
      return { name, status: "pass", message: `still reaches all ${reachable.length} cities it reached`, before: reachable.length, after: reachable.length, unit: "cities" };
    }
    return {
      name,
      status: "fail",
      message: `can no longer reach ${lost.length} of the ${reachable.length} cities it reached: ${lost.join(", ")}`,
      before: reachable.length,
      after: reachable.length - lost.length,
      unit: "cities",
      details: lost,
    };
  });
}

function layersOf(baseline: RunResult, r: Resolved): LayerConnectivity[] {
  return baseline.connectivity.filter((c) => r.layers === undefined || r.layers.includes(c.layer));
}

function componentCases(baseline: RunResult, candidate: RunResult, r: Resolved): CheckCase[] {
  const after = new Map(candidate.connectivity.map((c) => [c.layer, c]));
  return layersOf(baseline, r).map((b) => {
    const a = after.get(b.layer);
    if (!a) return { name: b.layer, status: "fail", message: "the layer is missing from the candidate run" };
    const rise = a.weakComponentCount - b.weakComponentCount;
    const text = `weak components ${b.weakComponentCount} → ${a.weakComponentCount}${rise !== 0 ? ` (${rise > 0 ? "+" : ""}${rise})` : ""}`;
    return { name: b.layer, status: rise > 0 ? "fail" : "pass", message: text, before: b.weakComponentCount, after: a.weakComponentCount, unit: "components" };
  });
}

function newElementCases(
  baseline: RunResult,
  candidate: RunResult,
  r: Resolved,
  what: "bridges" | "articulationPoints",
  ignore: readonly string[] = [],
): CheckCase[] {
  const after = new Map(candidate.connectivity.map((c) => [c.layer, c]));
  const ignored = new Set(ignore);
  const noun = what === "bridges" ? "bridge" : "articulation point";
  const idsOf = (c: LayerConnectivity) =>
    what === "bridges" ? c.bridges.map((x) => ({ id: x.facilityId, name: x.name })) : c.articulationPoints.map((x) => ({ id: x.nodeId, name: x.name }));
  return layersOf(baseline, r).map((b) => {
    const a = after.get(b.layer);
    if (!a) return { name: b.layer, status: "fail", message: "the layer is missing from the candidate run" };
    const before = new Set(idsOf(b).map((x) => x.id));
    const freshAll = idsOf(a).filter((x) => !before.has(x.id));
    const fresh = freshAll.filter((x) => !ignored.has(x.id));
    const skipped = freshAll.length - fresh.length;
    const counts = `${before.size} → ${idsOf(a).length} ${noun}s${skipped > 0 ? `, ${skipped} new one${skipped === 1 ? "" : "s"} ignored by the rule` : ""}`;
    if (fresh.length === 0) return { name: b.layer, status: "pass", message: `no new ${noun} (${counts})`, before: before.size, after: idsOf(a).length, unit: `${noun}s` };
    const details = fresh.map((x) => (x.name && x.name !== x.id ? `${x.id} (${x.name})` : x.id));
    return {
      name: b.layer,
      status: "fail",
      message: `${fresh.length} new ${noun}${fresh.length === 1 ? "" : "s"} (${counts}): ${details.join(", ")}`,
      before: before.size,
      after: idsOf(a).length,
      unit: `${noun}s`,
      details,
    };
  });
}

function populationCases(baseline: RunResult, candidate: RunResult, rule: Extract<CheckRule, { type: "population-reach" }>, r: Resolved): CheckCase[] {
  const after = new Map(candidate.isochrones.map((c) => [c.zoneId, c]));
  const at = (c: CityIsochrone) => c.byCutoff.find((x) => x.cutoffMin === rule.cutoffMin)?.populationReachedPersons;
  return baseline.isochrones
    .filter((c) => r.zoneIds === undefined || r.zoneIds.has(c.zoneId))
    .map((b) => {
      const name = cityLabel(b);
      const a = after.get(b.zoneId);
      const before = at(b)!;
      const afterValue = a ? at(a) : undefined;
      if (afterValue === undefined) return { name, status: "fail", message: `no reach within ${rule.cutoffMin} min in the candidate run (city or cutoff missing)`, before, unit: "persons" };
      const drop = dropPercentOf(before, afterValue);
      const status: CheckStatus = exceeds(drop, rule.maxDropPercent) ? "fail" : "pass";
      return {
        name,
        status,
        message: `${thousands(before)} → ${thousands(afterValue)} persons within ${rule.cutoffMin} min (${changeText(drop)}; allowed drop ${rule.maxDropPercent} %)`,
        before,
        after: afterValue,
        dropPercent: drop,
        limit: rule.maxDropPercent,
        unit: "persons",
      };
    });
}

function maxFlowCases(baseline: RunResult, candidate: RunResult, rule: Extract<CheckRule, { type: "max-flow" }>, r: Resolved): CheckCase[] {
  const after = new Map(candidate.capacity.map((c) => [c.id, c]));
  const fmt = (v: number | null, c: CapacityResult) => (v === null ? "unbounded" : `${thousands(v)} ${c.unit}`);
  return baseline.capacity
    .filter((c) => r.queries === undefined || r.queries.includes(c.id))
    .map((b) => {
      const a = after.get(b.id);
      if (!a) return { name: b.id, status: "fail", message: `${b.label}: missing from the candidate run`, before: b.maxFlow, unit: b.unit };
      const base = { name: b.id, before: b.maxFlow, after: a.maxFlow, limit: rule.maxDropPercent, unit: b.unit };
      if (b.maxFlow === null || a.maxFlow === null) {
        const failed = b.maxFlow === null && a.maxFlow !== null;
        return { ...base, status: failed ? "fail" : "pass", dropPercent: null, message: `${b.label}: ${fmt(b.maxFlow, b)} → ${fmt(a.maxFlow, a)}` };
      }
      const drop = dropPercentOf(b.maxFlow, a.maxFlow);
      return {
        ...base,
        status: exceeds(drop, rule.maxDropPercent) ? "fail" : "pass",
        dropPercent: drop,
        message: `${b.label}: ${fmt(b.maxFlow, b)} → ${fmt(a.maxFlow, a)} (${changeText(drop)}; allowed drop ${rule.maxDropPercent} %)`,
      };
    });
}

function assignmentCases(candidate: RunResult, rule: Extract<CheckRule, { type: "assignment-gap" }>): CheckCase[] {
  const a = candidate.assignment;
  if (a === undefined) return [{ name: "assignment", status: "skip", message: "not evaluated (no assignment in the run)", limit: rule.maxRelativeGap }];
  const ok = a.relativeGap <= rule.maxRelativeGap;
  return [
    {
      name: "assignment",
      status: ok ? "pass" : "fail",
      message: `relative gap ${a.relativeGap.toExponential(2)} ${ok ? "≤" : ">"} ${rule.maxRelativeGap} (${a.converged ? "converged" : "not converged"})`,
      after: a.relativeGap,
      limit: rule.maxRelativeGap,
      unit: "relative gap",
    },
  ];
}

/**
 * What a rule demands, in words, with its limit.
 * @example describeRule({ type: "max-flow", maxDropPercent: 5 }) // "max-flow of every capacity query drops by at most 5 %"
 */
export function describeRule(rule: CheckRule): string {
  const layers = "layers" in rule && rule.layers ? rule.layers.join(", ") : "every layer";
  const cities = "cities" in rule && rule.cities ? `cities ${rule.cities.join(", ")}` : "any city";
  switch (rule.type) {
    case "reachability":
      return `no city loses reachability to another (any path on the passenger network; ${cities === "any city" ? "all cities" : cities})`;
    case "component-count":
      return `the number of weak components does not rise (${layers})`;
    case "no-new-bridges":
      return `no new bridge (${layers}${rule.ignore ? `; ${rule.ignore.length} accepted` : ""})`;
    case "no-new-articulation-points":
      return `no new articulation point (${layers}${rule.ignore ? `; ${rule.ignore.length} accepted` : ""})`;
    case "population-reach":
      return `population reached within ${rule.cutoffMin} min drops by at most ${rule.maxDropPercent} % for ${cities}`;
    case "max-flow":
      return `max-flow of ${rule.queries ? rule.queries.join(", ") : "every capacity query"} drops by at most ${rule.maxDropPercent} %`;
    case "assignment-gap":
      return `the candidate's assignment reaches a relative gap ≤ ${rule.maxRelativeGap}`;
  }
}

function evaluate(baseline: RunResult, candidate: RunResult, rule: CheckRule, r: Resolved): CheckCase[] {
  switch (rule.type) {
    case "reachability":
      return reachabilityCases(baseline, candidate, r);
    case "component-count":
      return componentCases(baseline, candidate, r);
    case "no-new-bridges":
      return newElementCases(baseline, candidate, r, "bridges", rule.ignore);
    case "no-new-articulation-points":
      return newElementCases(baseline, candidate, r, "articulationPoints", rule.ignore);
    case "population-reach":
      return populationCases(baseline, candidate, rule, r);
    case "max-flow":
      return maxFlowCases(baseline, candidate, rule, r);
    case "assignment-gap":
      return assignmentCases(candidate, rule);
  }
}

/**
 * Evaluates every rule of `ruleSet` on a baseline and a candidate run.
 * @param baseline the run before the change (what the candidate may not be worse than)
 * @param candidate the run after the change
 * @param ruleSet the rules (default {@link defaultRuleSet})
 * @param options `allowMismatch` (default false): check runs of different base networks or engines anyway
 * @returns one outcome per rule, in rule-set order, each with its cases; `passed` is false when any case failed
 * @throws UsageError (code `mismatched-runs`, exit 2) when the runs' parameters differ; UsageError (code
 *   `provenance-mismatch`, exit 2) when their base network or engine differ, unless allowed; InputError (code
 *   `invalid-rules`, exit 3) listing every unknown city, layer or capacity query and every cutoff the runs lack, at
 *   its line in the rules file
 * @example checkRuns(baseline, closeSutong).rules.find((r) => r.id === "max-flow").cases[0].message
 * // "Road: north → south of the Yangtze: 60,000 → 56,000 veh/h (−6.67 %; allowed drop 0 %)"
 */
export function checkRuns(baseline: RunResult, candidate: RunResult, ruleSet: RuleSet, options: CompareOptions = {}): CheckResult {
  const mismatches = assertComparable(baseline, candidate, options);
  const resolved = resolveReferences(ruleReferencesOfRun(baseline), ruleSet);
  const rules: RuleOutcome[] = ruleSet.rules.map(({ id, rule }) => {
    const cases = evaluate(baseline, candidate, rule, resolved.get(id)!);
    const counts: Record<CheckStatus, number> = { pass: 0, fail: 0, skip: 0 };
    for (const c of cases) counts[c.status]++;
    const status: CheckStatus = counts.fail > 0 ? "fail" : cases.length > 0 && counts.skip === cases.length ? "skip" : "pass";
    return { id, type: rule.type, description: describeRule(rule), ...(rule.note !== undefined ? { note: rule.note } : {}), status, counts, cases };
  });
  const all = rules.flatMap((r) => r.cases);
  const failed = all.filter((c) => c.status === "fail").length;
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kind: "deltanet-check",
    deltanetVersion: candidate.deltanetVersion,
    passed: failed === 0,
    ...(ruleSet.file !== undefined ? { rulesFile: ruleSet.file } : {}),
    rulesName: ruleSet.name,
    baseline: { scenario: baseline.scenario, provenance: baseline.provenance },
    candidate: { scenario: candidate.scenario, provenance: candidate.provenance },
    mismatches,
    counts: {
      rules: rules.length,
      rulesFailed: rules.filter((r) => r.status === "fail").length,
      cases: all.length,
      passed: all.filter((c) => c.status === "pass").length,
      failed,
      skipped: all.filter((c) => c.status === "skip").length,
    },
    rules,
  };
}
