/**
 * Check rules files (YAML or JSON, format v1): parses the `rules` and `capacityQueries` of a `deltanet check --rules`
 * file into a {@link RuleSet}, refusing every problem at once with file, line, column and path (exit 3).
 *
 * Format (see `scenarios/check-rules.yaml` and the README): a mapping with `rules` (a non-empty list; each entry has
 * a kebab-case `type`, optional `id` and `note`, and the fields of its type in `src/model/check-rule.ts`) and,
 * optionally, `capacityQueries` (extra named node groups for `max-flow` rules: `id`, `label`, `layer`,
 * `capacityAttribute`, `from`, `to`; the unit follows from the attribute). Every object is strict: an unknown key is
 * an error with a "did you mean". Numbers are never coerced (`"5"` for a percentage is refused).
 *
 * Design: the same two-stage reading as scenario files (`scenario-file.ts`): the top level is schema-checked, then each
 * rule on its own, so one bad rule does not hide the others; references a rule makes to the runs (city names, query
 * ids, layers, cutoffs of saved runs) can only be checked against the runs, so `RuleSet.locate` keeps the positions
 * for `checkRuns` to report them.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { z } from "zod";
import type { CapacityQuery } from "../model/capacity-query.ts";
import { InputError, type Issue } from "../errors.ts";
import { CHECK_RULE_TYPES, defaultRuleId, type CheckRule, type CheckRuleType, type RuleEntry, type RuleSet } from "../model/check-rule.ts";
import { INFRASTRUCTURE_LAYERS } from "../model/network.ts";
import { formatPath, positionOf, type PathSegments } from "./positions.ts";
import { convertZodIssues, describeValue, discriminatorIssue, issueAt, parseYamlMapping, type ScenarioIssue } from "./scenario-file.ts";

const common = {
  id: z.string().min(1).optional().describe("Name of the rule in reports and JUnit (default: its type)."),
  note: z.string().optional().describe("Free text shown with the rule."),
};
const names = z.array(z.string().min(1)).min(1);
const percent = z.number().min(0).max(100);

/** Schema of each rule type, keyed by type code. */
export const RULE_SCHEMAS = {
  reachability: z.strictObject({ type: z.literal("reachability"), ...common, cities: names.optional() }),
  "component-count": z.strictObject({ type: z.literal("component-count"), ...common, layers: names.optional() }),
  "no-new-bridges": z.strictObject({ type: z.literal("no-new-bridges"), ...common, layers: names.optional(), ignore: names.optional() }),
  "no-new-articulation-points": z.strictObject({
    type: z.literal("no-new-articulation-points"),
    ...common,
    layers: names.optional(),
    ignore: names.optional(),
  }),
  "population-reach": z.strictObject({
    type: z.literal("population-reach"),
    ...common,
    cutoffMin: z.number().positive(),
    maxDropPercent: percent,
    cities: names.optional(),
  }),
  "max-flow": z.strictObject({ type: z.literal("max-flow"), ...common, maxDropPercent: percent, queries: names.optional() }),
  "assignment-gap": z.strictObject({ type: z.literal("assignment-gap"), ...common, maxRelativeGap: z.number().positive() }),
} as const satisfies Record<CheckRuleType, z.ZodType<CheckRule>>;

const selectorSchema = z.strictObject({
  zoneIds: names.optional(),
  provinces: names.optional(),
  yangtzeBank: z.enum(["north", "south"]).optional(),
});

const CAPACITY_UNITS = { capacityVehPerHour: "veh/h", capacityMw: "MW", trainsPerDay: "trains/day" } as const;

/** Schema of an extra capacity query (the unit follows from `capacityAttribute`). */
export const ruleCapacityQuerySchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1).optional(),
  layer: z.enum(INFRASTRUCTURE_LAYERS as readonly string[] as ["rail", "road", "water", "power"]),
  capacityAttribute: z.enum(["capacityVehPerHour", "capacityMw", "trainsPerDay"]),
  from: selectorSchema,
  to: selectorSchema,
});

const topLevelSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z.array(z.unknown()).min(1),
  capacityQueries: z.array(z.unknown()).optional(),
});

/** Result of {@link parseRulesText}: the rule set when there is no error, and every issue found. */
export interface ParsedRules {
  ruleSet?: RuleSet;
  issues: ScenarioIssue[];
}

/** Adds a "quote it" hint to a number given where an id (string) is expected. */
function withIdHint(issue: ScenarioIssue): ScenarioIssue {
  const m = /^expected a string, got number (\S+)$/.exec(issue.message);
  return issue.code === "wrong-type" && m ? { ...issue, message: `${issue.message} (quote ids and names: "${m[1]}")` } : issue;
}

/**
 * Parses and checks the text of a rules file (no file system access).
 * @param text YAML or JSON text
 * @param file the name used in issues and in the rule set
 * @returns `ruleSet` (only when there is no error) and every issue, each with file, line, column, path and code:
 *   `malformed-yaml`, `not-a-mapping`, `unknown-key`, `missing-key`, `wrong-type`, `out-of-range`, `too-few-items`,
 *   `invalid-value`, `unknown-rule-type` (with "did you mean"), `duplicate-rule-id`, `duplicate-query-id`,
 *   `empty-selector`
 * @example parseRulesText("rules:\n  - type: max-flw\n", "r.yaml").issues[0]
 * // { file: "r.yaml", line: 2, column: 11, path: "rules[0].type", code: "unknown-rule-type", suggestion: "max-flow", … }
 */
export function parseRulesText(text: string, file: string, reservedQueryIds: readonly string[] = []): ParsedRules {
  const parsed = parseYamlMapping(text, file, "rules", 'a "rules" list');
  if ("issue" in parsed) return { issues: [parsed.issue] };
  const { source, root } = parsed;
  const where = { file, source };
  const issues: ScenarioIssue[] = [];
  const top = topLevelSchema.safeParse(root);
  if (!top.success) issues.push(...convertZodIssues(where, root, [], topLevelSchema, top.error, {}).map(withIdHint));
  const raw = root;

  const entries: RuleEntry[] = [];
  const ids = new Map<string, number>();
  const rawRules = Array.isArray(raw.rules) ? raw.rules : [];
  rawRules.forEach((r, index) => {
    const base = ["rules", index] as const;
    if (r === null || typeof r !== "object" || Array.isArray(r)) {
      issues.push(issueAt(where, [...base], "wrong-type", `expected a mapping with a "type", got ${describeValue(r)}`));
      return;
    }
    const type = (r as Record<string, unknown>).type;
    const typeIssue = discriminatorIssue(where, [...base, "type"], type, CHECK_RULE_TYPES, "rule type", "unknown-rule-type");
    if (typeIssue) {
      issues.push(typeIssue);
      return;
    }
    const schema = RULE_SCHEMAS[type as CheckRuleType] as z.ZodType<CheckRule>;
    const parsed = schema.safeParse(r);
    if (!parsed.success) {
      issues.push(...convertZodIssues(where, root, base, schema, parsed.error, {}).map(withIdHint));
      return;
    }
    const id = defaultRuleId(parsed.data);
    const first = ids.get(id);
    if (first !== undefined) {
      const at = parsed.data.id !== undefined ? [...base, "id"] : [...base, "type"];
      issues.push(issueAt(where, at, "duplicate-rule-id", `rule id "${id}" is already used by rules[${first}]; give this rule its own "id"`));
      return;
    }
    ids.set(id, index);
    entries.push({ id, index, rule: parsed.data });
  });

  const capacityQueries: CapacityQuery[] = [];
  const queryIds = new Map<string, string>(reservedQueryIds.map((id) => [id, "a default capacity query"]));
  const rawQueries = Array.isArray(raw.capacityQueries) ? raw.capacityQueries : [];
  rawQueries.forEach((q, index) => {
    const base = ["capacityQueries", index] as const;
    const parsed = ruleCapacityQuerySchema.safeParse(q);
    if (!parsed.success) {
      issues.push(...convertZodIssues(where, root, base, ruleCapacityQuerySchema, parsed.error, {}).map(withIdHint));
      return;
    }
    const v = parsed.data;
    const taken = queryIds.get(v.id);
    if (taken !== undefined) {
      issues.push(issueAt(where, [...base, "id"], "duplicate-query-id", `capacity query id "${v.id}" is already ${taken}`));
      return;
    }
    let ok = true;
    for (const side of ["from", "to"] as const) {
      if (Object.keys(v[side]).length === 0) {
        issues.push(issueAt(where, [...base, side], "empty-selector", `"${side}" must name zoneIds, provinces or yangtzeBank (an empty selector matches every node)`));
        ok = false;
      }
    }
    if (!ok) return;
    queryIds.set(v.id, `capacityQueries[${index}]`);
    capacityQueries.push({
      id: v.id,
      label: v.label ?? v.id,
      layer: v.layer,
      capacityAttribute: v.capacityAttribute,
      unit: CAPACITY_UNITS[v.capacityAttribute],
      from: v.from,
      to: v.to,
    });
  });

  if (issues.some((i) => i.severity !== "warning")) return { issues };
  const locate = (path: PathSegments) => ({ file, ...positionOf(source, path), path: formatPath(path) });
  return { ruleSet: { file, name: file, rules: entries, capacityQueries, locate }, issues };
}

/**
 * Reads a check rules file.
 * @param path YAML or JSON file
 * @returns the rule set (rules in file order with their ids; extra capacity queries; positions for later issues)
 * @throws InputError (code `invalid-rules`, exit 3) listing every issue of the file (codes in {@link parseRulesText};
 *   `file-not-found` when the file does not exist)
 * @example readRulesFile("scenarios/check-rules.yaml").rules.map((r) => r.id)[0] // "reachability"
 */
export function readRulesFile(path: string, reservedQueryIds: readonly string[] = []): RuleSet {
  if (!existsSync(path)) {
    throw new InputError({ file: path, path: "", code: "file-not-found", message: "rules file not found" }, "invalid-rules");
  }
  if (statSync(path).isDirectory()) {
    throw new InputError({ file: path, path: "", code: "not-a-file", message: "is a folder; expected a rules file (YAML or JSON)" }, "invalid-rules");
  }
  const { ruleSet, issues } = parseRulesText(readFileSync(path, "utf8"), path, reservedQueryIds);
  if (!ruleSet) throw new InputError(issues as Issue[], "invalid-rules");
  return ruleSet;
}
