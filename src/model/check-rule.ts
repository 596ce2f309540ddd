/**
 * Check rules: the typed regression rules `deltanet check` evaluates on a baseline and a candidate run, and
 * the rule set they come in (a rules file, or the defaults of `src/defaults.ts`).
 *
 * A rule compares the candidate with the baseline and states what may not get worse: reachability between cities,
 * components of a layer, bridges and articulation points, population reached within a cutoff, max-flow between named
 * node groups, and (candidate only) an assignment's relative gap. Percentages are named `…Percent` (0–100 scale).
 */
import type { CapacityQuery } from "./capacity-query.ts";
import type { SourcePosition } from "../errors.ts";

/** Rule type codes (kebab-case, as in rules files), in documentation order. */
export const CHECK_RULE_TYPES = [
  "reachability",
  "component-count",
  "no-new-bridges",
  "no-new-articulation-points",
  "population-reach",
  "max-flow",
  "assignment-gap",
] as const;
export type CheckRuleType = (typeof CHECK_RULE_TYPES)[number];

/** Fields every rule may carry. */
interface RuleCommon {
  /** Name of the rule in reports and JUnit (default: the type, plus `-<cutoff>min` for `population-reach`). */
  id?: string;
  /** Free text shown with the rule. */
  note?: string;
}

/** No city loses reachability (a path of any length on the passenger network) to any other. */
export interface ReachabilityRule extends RuleCommon {
  type: "reachability";
  /** Cities (zone ids or English names) checked, as origins and destinations; default every city. */
  cities?: string[];
}

/** The number of weak components of a layer does not rise. */
export interface ComponentCountRule extends RuleCommon {
  type: "component-count";
  /** Layers (`rail`, `road`, `water`, `power`, `passenger`, …); default every layer of the runs. */
  layers?: string[];
}

/**
 * No facility is a bridge (its loss would disconnect the layer) in the candidate that was not one in the baseline.
 * A facility the candidate adds as a dead end (a new spur line) is a new bridge too: list such accepted ones in
 * `ignore` (run results do not hold every facility of the baseline, so "new facility" cannot be told apart).
 */
export interface NoNewBridgesRule extends RuleCommon {
  type: "no-new-bridges";
  /** Layers; default every layer of the runs. */
  layers?: string[];
  /** Facility ids not counted when they become bridges (accepted new spurs). */
  ignore?: string[];
}

/** No node is an articulation point in the candidate that was not one in the baseline (see `ignore`). */
export interface NoNewArticulationPointsRule extends RuleCommon {
  type: "no-new-articulation-points";
  /** Layers; default every layer of the runs. */
  layers?: string[];
  /** Node ids not counted when they become articulation points (e.g. the junction of an accepted new spur). */
  ignore?: string[];
}

/** For each city, the population reached within `cutoffMin` does not drop by more than `maxDropPercent`. */
export interface PopulationReachRule extends RuleCommon {
  type: "population-reach";
  /** Cutoff, minutes, > 0 (added to the runs' cutoffs when scenarios are run). */
  cutoffMin: number;
  /** Largest allowed drop, percent of the baseline value, 0–100 (0 = no drop at all). */
  maxDropPercent: number;
  /** Cities (zone ids or English names); default every city. */
  cities?: string[];
}

/** For each capacity query, the max-flow does not drop by more than `maxDropPercent`. */
export interface MaxFlowRule extends RuleCommon {
  type: "max-flow";
  /** Largest allowed drop, percent of the baseline max-flow, 0–100. */
  maxDropPercent: number;
  /** Capacity query ids (defaults and the rules file's `capacityQueries`); default every query of the runs. */
  queries?: string[];
}

/** The candidate's traffic assignment reached a relative gap of at most `maxRelativeGap` (skipped without one). */
export interface AssignmentGapRule extends RuleCommon {
  type: "assignment-gap";
  /** Largest allowed relative gap, dimensionless, > 0 (e.g. 1e-4). */
  maxRelativeGap: number;
}

/** One rule, discriminated on `type`. */
export type CheckRule =
  | ReachabilityRule
  | ComponentCountRule
  | NoNewBridgesRule
  | NoNewArticulationPointsRule
  | PopulationReachRule
  | MaxFlowRule
  | AssignmentGapRule;

/** A rule with its resolved id and its place in the rules file. */
export interface RuleEntry {
  /** Unique id within the set (the rule's `id`, or the default id). */
  id: string;
  /** Position in the file's `rules` list (0-based); paths are `rules[index]…`. */
  index: number;
  rule: CheckRule;
}

/** The rules of one check, with extra capacity queries and a way to point at a rule's source. */
export interface RuleSet {
  /** The rules file, or undefined for rules given in code (the defaults). */
  file?: string;
  /** What reports call the rules: the file path, or e.g. `default rules`. */
  name: string;
  rules: RuleEntry[];
  /** Extra named node groups for `max-flow` rules (run besides the default capacity queries). */
  capacityQueries: CapacityQuery[];
  /**
   * Where a path inside the rules file is (file, line, column, dotted path), for issues about references the file
   * makes (unknown city, query or layer). For the defaults: `{ path: "(default rules).<path>" }`.
   */
  locate(path: readonly (string | number)[]): SourcePosition;
}

/**
 * The default id of a rule: its `id`, or its type, with `-<cutoffMin>min` for `population-reach`.
 * @example defaultRuleId({ type: "population-reach", cutoffMin: 60, maxDropPercent: 0 }) // "population-reach-60min"
 * @example defaultRuleId({ type: "max-flow", maxDropPercent: 5, id: "bridges" }) // "bridges"
 */
export function defaultRuleId(rule: CheckRule): string {
  if (rule.id !== undefined) return rule.id;
  return rule.type === "population-reach" ? `${rule.type}-${rule.cutoffMin}min` : rule.type;
}
