/**
 * Scenario files (format v1, YAML or JSON), top level: parses one file into a {@link ScenarioFile} that keeps source
 * positions, follows its `extends` chain to the root that names the network, and turns document paths and zod issues
 * into positioned issues for every YAML/JSON reader (scenario, check-rules and batch files).
 *
 * Format: `name` (required), `description`, exactly one of `extends` (parent scenario, path relative to this file) or
 * `network` (network folder, only at the root of a chain), `asOfDate` ("YYYY", "YYYY-MM" or "YYYY-MM-DD"; the one
 * nearest the leaf wins), `modifications` (ordered list of entries, each a mapping with a kebab-case `type`). Every
 * object is strict: an unknown key is an error with a "did you mean". Values are never coerced: `"12"` where a number
 * is expected, NaN, ±Infinity, a negative time or a zero speed/capacity are refused.
 *
 * Design: this module owns the top level only. Each entry of `modifications` is kept as written, with its index, and
 * checked by the scenario layer (src/scenario/read-scenario.ts), where each modification type's schema lives beside
 * its behaviour (src/scenario/modifications/<type>.ts): io never imports scenario. Checks that need only the file
 * (schema, calendar dates, the extends chain) live here; checks that need the network (ids, projects, layer fields,
 * "changes nothing") live in `src/scenario/`.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { didYouMean, didYouMeanText } from "../model/did-you-mean.ts";
import { z } from "zod";
import type { Issue } from "../errors.ts";
import { formatPath, parsePositioned, positionOf, yamlSyntaxIssue, type PathSegments, type PositionedDocument } from "./positions.ts";

// ---------------------------------------------------------------------------------------------------------------
// Schema of the top level
// ---------------------------------------------------------------------------------------------------------------

const DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const dateSchema = z
  .string()
  .regex(DATE_PATTERN)
  .describe('Date "YYYY", "YYYY-MM" or "YYYY-MM-DD" (quote it in YAML). A partial date means the end of that year or month.');

const topLevelShape = {
  $schema: z.string().optional().describe("JSON Schema of this format (editor support only)."),
  name: z.string().min(1).describe("Scenario name, used in reports."),
  description: z.string().optional(),
  extends: z.string().min(1).optional().describe("Parent scenario file, relative to this file. Exclusive with `network`."),
  network: z
    .string()
    .min(1)
    .optional()
    .describe("Network folder (holding network.json), relative to this file. Only at the root of a chain; exclusive with `extends`."),
  asOfDate: dateSchema
    .optional()
    .describe("Network as of this date: links not `existing` or opened later are out of service. The value nearest the leaf wins."),
};

/**
 * The zod schema of a whole scenario file (format v1), given the schema of one modification (the scenario layer's
 * union of every modification type): the source of `scenarios/schema.json`.
 * @param modificationSchema the schema every entry of `modifications` must pass
 * @example z.toJSONSchema(scenarioFileSchema(modificationSchema)).required // ["name"]
 */
export function scenarioFileSchema<M extends z.ZodType>(modificationSchema: M) {
  return z
    .strictObject({
      ...topLevelShape,
      modifications: z.array(modificationSchema).optional().describe("Applied in order, after the parent's."),
    })
    .meta({ title: "deltanet scenario (format v1)" });
}

/** Top level with the modifications left unchecked: the scenario layer checks them one by one. */
const topLevelSchema = z.strictObject({ ...topLevelShape, modifications: z.array(z.unknown()).optional() });

// ---------------------------------------------------------------------------------------------------------------
// Parsed shapes
// ---------------------------------------------------------------------------------------------------------------

/** One parsed scenario file, top level: raw values plus the positioned document for line numbers. */
export interface ScenarioFile {
  /** The file as given/joined (relative paths stay relative), used in issues and results. */
  file: string;
  name: string;
  description?: string;
  /** `extends` as written (relative to `file`). */
  extends?: string;
  /** `network` as written (relative to `file`). */
  network?: string;
  asOfDate?: string;
  /**
   * Every entry of the file's `modifications` list as written (entry i at path `modifications[i]`), unchecked: the
   * scenario layer checks each against its type's schema. Empty when the list is absent or not a list.
   */
  modificationEntries: readonly unknown[];
  /** Which of `extends`/`network` keys are present (even with a bad value). */
  hasKey: { extends: boolean; network: boolean };
  /** The parsed document, to map paths to lines. */
  source: PositionedDocument;
  /**
   * sha256 (64 lower-case hex characters) of the file's bytes as read (of the text's UTF-8 bytes for
   * {@link parseScenarioFileText}): the scenario's entry in a run's provenance.
   */
  sha256: string;
}

/** A resolved `extends` chain of files `S` (the scenario layer's files carry their checked modifications). */
export interface ScenarioFileChain<S extends ScenarioFile = ScenarioFile> {
  /** Root first, leaf (the file the user named) last. */
  specs: S[];
  /** The network folder named by the root, joined to the root's folder. */
  networkDir: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Issues
// ---------------------------------------------------------------------------------------------------------------

/** A scenario problem: an {@link Issue} that always has a severity, plus an optional suggestion. */
export interface ScenarioIssue extends Issue {
  severity: "error" | "warning";
  /** The closest valid alternative, when one is close enough ("did you mean …"). Also written into `message`. */
  suggestion?: string;
  /** Position of the modification in its file's `modifications` list, for issues about one modification. */
  modificationIndex?: number;
  /** `type` of that modification. */
  modificationType?: string;
}

/**
 * Builds an issue located at `path` inside a parsed scenario file.
 * @param spec the file (for its name and positions), or `{ file, source }`
 * @param path path segments inside the file, e.g. `["modifications", 2, "links", 0]`
 * @returns the issue with file, line, column (1-based; from the deepest existing ancestor) and dotted path
 * @example issueAt(spec, ["name"], "wrong-type", "expected a string").path // "name"
 */
export function issueAt(
  spec: Pick<ScenarioFile, "file" | "source">,
  path: PathSegments,
  code: string,
  message: string,
  extra: Partial<ScenarioIssue> = {},
): ScenarioIssue {
  // An unknown key is reported at the key itself (its value may be a block starting on the next line).
  const pos = positionOf(spec.source, path, { preferKey: code === "unknown-key" });
  return { file: spec.file, ...pos, path: formatPath(path), code, message, severity: "error", ...extra };
}

// ---------------------------------------------------------------------------------------------------------------
// zod issue → ScenarioIssue
// ---------------------------------------------------------------------------------------------------------------

function valueAt(root: unknown, path: PathSegments): { present: boolean; value: unknown } {
  let node: unknown = root;
  for (const seg of path) {
    if (node === null || typeof node !== "object") return { present: false, value: undefined };
    const rec = node as Record<string | number, unknown>;
    if (!Object.prototype.hasOwnProperty.call(rec, seg)) return { present: false, value: undefined };
    node = rec[seg];
  }
  return { present: true, value: node };
}

/**
 * Checks the `type` key of a discriminated entry (a modification, a check rule): missing → `missing-key`; not one of
 * `allowed` → `unknownCode` with a "did you mean". Returns the issue, or undefined when `type` is valid.
 * @example discriminatorIssue(spec, ["modifications", 0, "type"], "close-lnik", MODIFICATION_TYPES, "modification type", "unknown-modification-type")?.suggestion // "close-link"
 */
export function discriminatorIssue(
  spec: Pick<ScenarioFile, "file" | "source">,
  path: PathSegments,
  type: unknown,
  allowed: readonly string[],
  noun: string,
  unknownCode: string,
  extra: Partial<ScenarioIssue> = {},
): ScenarioIssue | undefined {
  if (type === undefined) return issueAt(spec, path, "missing-key", `missing required key "type" (one of ${allowed.join(", ")})`, extra);
  if (typeof type === "string" && allowed.includes(type)) return undefined;
  const suggestion = typeof type === "string" ? didYouMean(type, allowed) : undefined;
  return issueAt(
    spec,
    path,
    unknownCode,
    `unknown ${noun} ${typeof type === "string" ? JSON.stringify(type) : describeValue(type)}${didYouMeanText(suggestion)} (expected one of ${allowed.join(", ")})`,
    { ...extra, ...(suggestion === undefined ? {} : { suggestion }) },
  );
}

/**
 * Parses YAML or JSON text that must be a mapping (scenario, rules and batch files): the positioned document and its
 * plain value, or the one issue that stops the file — its first syntax error (`malformed-yaml`, `malformed-json`; see
 * `yamlSyntaxIssue`) or `not-a-mapping` at 1:1, "a <what> file must be a mapping with <expected>, got …".
 * @param what the kind of file for the message, e.g. `rules`
 * @param expected what the mapping holds, e.g. `a "rules" list`
 * @example parseYamlMapping("- a\n", "r.yaml", "rules", 'a "rules" list')
 * // { issue: { code: "not-a-mapping", line: 1, message: 'a rules file must be a mapping with a "rules" list, got a list', … } }
 */
export function parseYamlMapping(
  text: string,
  file: string,
  what: string,
  expected: string,
): { source: PositionedDocument; root: Record<string, unknown> } | { issue: ScenarioIssue } {
  const source = parsePositioned(text);
  const syntax = yamlSyntaxIssue(source, file, text);
  if (syntax) return { issue: syntax };
  const root: unknown = source.doc.toJS({ maxAliasCount: 1000 });
  if (root === null || typeof root !== "object" || Array.isArray(root)) {
    return {
      issue: { file, line: 1, column: 1, path: "", code: "not-a-mapping", message: `a ${what} file must be a mapping with ${expected}, got ${describeValue(root)}`, severity: "error" },
    };
  }
  return { source, root: root as Record<string, unknown> };
}

/**
 * Human description of a value for messages: `string "12"`, `number -1`, `a list`, `a mapping`, `null`.
 * @example describeValue("12") // 'string "12"'
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `string ${JSON.stringify(value)}`;
  if (typeof value === "number") return `number ${String(value)}`;
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${String(value)}`;
}

const EXPECTED_TEXT: Record<string, string> = {
  number: "a number",
  int: "an integer",
  string: "a string",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
};

/** Keys of the object schema reached by walking `path` from `schema` (unwrapping optional), or []. */
function objectKeysAt(schema: z.ZodType, path: PathSegments): string[] {
  let s: z.ZodType = schema;
  const unwrap = () => {
    while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  };
  unwrap();
  for (const seg of path) {
    if (s instanceof z.ZodObject && typeof seg === "string") s = (s.shape as Record<string, z.ZodType>)[seg]!;
    else if (s instanceof z.ZodArray && typeof seg === "number") s = s.element as z.ZodType;
    else return [];
    if (s === undefined) return [];
    unwrap();
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/**
 * Turns zod issues into positioned issues with deltanet's codes and messages: `missing-key`, `wrong-type` (with the
 * quoted-number hint), `not-a-number`, `not-finite`, `not-an-integer`, `out-of-range`, `too-few-items`,
 * `empty-string`, `unknown-key` and `invalid-value` (both with "did you mean"), `invalid-date`, `invalid-format`.
 * Shared by the scenario and check-rules file readers.
 * @param spec the file name and its positioned document
 * @param root the whole parsed document (values are looked up at `basePath` + the issue's path, to tell a missing
 *   key from a wrong value)
 * @param basePath where the value the schema checked sits in the document (e.g. `["modifications", 2]`)
 * @param schema the schema that failed (to list allowed keys)
 * @param error the zod error
 * @param extra fields added to every issue (e.g. `modificationIndex`)
 * @returns one issue per zod issue (one per unknown key), severity `error`
 * @example convertZodIssues(spec, root, [], z.strictObject({ name: z.string() }), err, {})[0].code // "unknown-key"
 */
export function convertZodIssues(
  spec: Pick<ScenarioFile, "file" | "source">,
  root: unknown,
  basePath: PathSegments,
  schema: z.ZodType,
  error: z.ZodError,
  extra: Partial<ScenarioIssue>,
): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const zi of error.issues) {
    const rel = zi.path as (string | number)[];
    const path = [...basePath, ...rel];
    const { present, value } = valueAt(root, path);
    const last = path[path.length - 1];
    const at = (p: PathSegments, code: string, message: string, more: Partial<ScenarioIssue> = {}) =>
      out.push(issueAt(spec, p, code, message, { ...extra, ...more }));
    switch (zi.code) {
      case "invalid_type": {
        const expected = EXPECTED_TEXT[zi.expected] ?? zi.expected;
        if (!present) {
          at(path, "missing-key", `missing required key "${String(last)}" (expected ${expected})`);
        } else if (typeof value === "number" && Number.isNaN(value)) {
          at(path, "not-a-number", `expected a finite number, got NaN`);
        } else if (typeof value === "number" && !Number.isFinite(value)) {
          at(path, "not-finite", `expected a finite number, got ${String(value)}`);
        } else if (zi.expected === "int" && typeof value === "number") {
          at(path, "not-an-integer", `expected an integer, got ${String(value)}`);
        } else {
          const quotedNumber =
            (zi.expected === "number" || zi.expected === "int") && typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value));
          const hint = quotedNumber ? ` (a quoted number is a string: write ${value.trim()} without quotes)` : "";
          const dateHint = typeof last === "string" && last === "asOfDate" && typeof value === "number" ? ` (quote dates: "${value}")` : "";
          at(path, "wrong-type", `expected ${expected}, got ${describeValue(value)}${hint}${dateHint}`);
        }
        break;
      }
      case "too_small":
      case "too_big": {
        const bound = zi.code === "too_small" ? zi.minimum : zi.maximum;
        if (zi.origin === "array") {
          at(path, "too-few-items", `must list at least ${String(bound)} item(s), got ${Array.isArray(value) ? value.length : 0}`);
        } else if (zi.origin === "string") {
          at(path, "empty-string", `must not be empty`);
        } else {
          const op = zi.code === "too_small" ? (zi.inclusive ? "≥" : ">") : zi.inclusive ? "≤" : "<";
          const hint =
            zi.code === "too_small" && value === 0 && typeof last === "string" && /^capacity|^trainsPerDay|^speedKph|^lanes/.test(last)
              ? " (to take a link out of use, use close-link or remove-link)"
              : "";
          at(path, "out-of-range", `must be ${op} ${String(bound)} (got ${typeof value === "number" ? String(value) : describeValue(value)})${hint}`);
        }
        break;
      }
      case "unrecognized_keys": {
        const allowed = objectKeysAt(schema, rel);
        for (const key of zi.keys) {
          const suggestion = didYouMean(key, allowed);
          at(
            [...path, key],
            "unknown-key",
            `unknown key "${key}"${didYouMeanText(suggestion)} (allowed keys: ${allowed.join(", ")})`,
            suggestion === undefined ? {} : { suggestion },
          );
        }
        break;
      }
      case "invalid_value": {
        const values = zi.values.map((v) => String(v));
        const suggestion = typeof value === "string" ? didYouMean(value, values) : undefined;
        at(
          path,
          "invalid-value",
          `expected one of ${values.map((v) => JSON.stringify(v)).join(", ")}, got ${describeValue(value)}${didYouMeanText(suggestion)}`,
          suggestion === undefined ? {} : { suggestion },
        );
        break;
      }
      case "invalid_format": {
        const isDate = zi.format === "regex" && "pattern" in zi && String(zi.pattern) === String(DATE_PATTERN);
        at(
          path,
          isDate ? "invalid-date" : "invalid-format",
          isDate ? `expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD", got ${describeValue(value)}` : `${zi.message}, got ${describeValue(value)}`,
        );
        break;
      }
      default:
        at(path, `schema-${zi.code}`, `${zi.message}, got ${describeValue(value)}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing one file
// ---------------------------------------------------------------------------------------------------------------

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Whether a "YYYY", "YYYY-MM" or "YYYY-MM-DD" string is a real calendar date (so "2019-02-29" is refused).
 * @example isCalendarDate("2020-02-29") // true
 * @example isCalendarDate("2019-02-29") // false
 */
export function isCalendarDate(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number);
  if (m === undefined || d === undefined) return true;
  return d <= daysInMonth(y!, m);
}

/** Result of {@link parseScenarioFileText}: the file when the text was a mapping, and every issue found. */
export interface ParsedScenarioFile {
  spec?: ScenarioFile;
  issues: ScenarioIssue[];
}

/**
 * Parses and schema-checks the top level of one scenario file (no file system access, `extends` not followed, the
 * modification entries kept as written).
 * @param text YAML or JSON text
 * @param file the name used in issues and in the spec
 * @returns `spec` (absent when the text is not valid YAML or not a mapping) and every top-level issue, each with file,
 *   line, column, path and code: `malformed-yaml`, `not-a-mapping`, `unknown-key`, `missing-key`, `wrong-type`,
 *   `empty-string`, `invalid-date`, `extends-and-network`
 * @example parseScenarioFileText("name: x\nnetwork: n\nmodifications: [{type: close-link}]\n", "a.yaml").spec?.modificationEntries
 * // [{ type: "close-link" }]
 */
export function parseScenarioFileText(text: string, file: string): ParsedScenarioFile {
  const parsed = parseYamlMapping(text, file, "scenario", '"name" and "extends" or "network"');
  if ("issue" in parsed) return { issues: [parsed.issue] };
  const { source, root } = parsed;
  const where = { file, source };
  const issues: ScenarioIssue[] = [];
  const top = topLevelSchema.safeParse(root);
  if (!top.success) issues.push(...convertZodIssues(where, root, [], topLevelSchema, top.error, {}));
  const raw = root;
  const str = (k: string): string | undefined => {
    const v = raw[k];
    if (typeof v !== "string" || v === "") return undefined;
    return v;
  };
  const hasKey = { extends: "extends" in raw, network: "network" in raw };
  if (hasKey.extends && hasKey.network) {
    issues.push(issueAt(where, ["network"], "extends-and-network", `a scenario has "extends" (a parent scenario) or, at the root of a chain, "network" (a network folder), not both`));
  }
  let asOfDate = str("asOfDate");
  if (asOfDate !== undefined && DATE_PATTERN.test(asOfDate) && !isCalendarDate(asOfDate)) {
    issues.push(issueAt(where, ["asOfDate"], "invalid-date", `"${asOfDate}" is not a calendar date`));
    asOfDate = undefined;
  }
  if (asOfDate !== undefined && !DATE_PATTERN.test(asOfDate)) asOfDate = undefined;

  const spec: ScenarioFile = {
    file,
    name: str("name") ?? "",
    ...(typeof raw.description === "string" ? { description: raw.description } : {}),
    ...(str("extends") !== undefined ? { extends: str("extends") } : {}),
    ...(str("network") !== undefined ? { network: str("network") } : {}),
    ...(asOfDate !== undefined ? { asOfDate } : {}),
    modificationEntries: Array.isArray(raw.modifications) ? raw.modifications : [],
    hasKey,
    source,
    sha256: createHash("sha256").update(text, "utf8").digest("hex"),
  };
  return { spec, issues };
}

// ---------------------------------------------------------------------------------------------------------------
// Files and chains
// ---------------------------------------------------------------------------------------------------------------

/**
 * Reads and schema-checks the top level of one scenario file, collecting issues instead of throwing (its `extends`
 * is not followed; see {@link inspectScenarioFileChain}).
 * @param path file path; kept as given in the spec and in issues
 * @returns as {@link parseScenarioFileText}, with `sha256` of the bytes on disk; a missing file gives the one issue
 *   `file-not-found`, a folder the one issue `not-a-file`
 * @example inspectScenarioFile("test/fixtures/scenarios/plan-2025.yaml").spec?.extends // "baseline-2019.yaml"
 */
export function inspectScenarioFile(path: string): ParsedScenarioFile {
  if (!existsSync(path)) {
    return { issues: [{ file: path, path: "", code: "file-not-found", message: `scenario file not found (resolved to ${resolve(path)})`, severity: "error" }] };
  }
  if (statSync(path).isDirectory()) {
    return { issues: [{ file: path, path: "", code: "not-a-file", message: "is a folder; expected a scenario file (YAML or JSON)", severity: "error" }] };
  }
  const bytes = readFileSync(path);
  const parsed = parseScenarioFileText(bytes.toString("utf8"), path);
  // Hash the bytes on disk, not the decoded text (they differ only for invalid UTF-8).
  if (parsed.spec) parsed.spec.sha256 = createHash("sha256").update(bytes).digest("hex");
  return parsed;
}

/** Result of {@link inspectScenarioFileChain}. */
export interface InspectedScenarioFiles {
  /** The chain, when a root with an existing network folder was reached. */
  chain?: ScenarioFileChain;
  /** Every file that parsed, root first (also when the chain is broken). */
  specs: ScenarioFile[];
  /** Every issue in every file, in {@link orderChainIssues} order. */
  issues: ScenarioIssue[];
}

/** `target` as written in `file`: absolute paths as they are, relative ones joined to the file's folder. */
function relativeTo(file: string, target: string): string {
  return isAbsolute(target) ? join(target) : join(dirname(file), target);
}

/** Longest chain followed before giving up (a guard; cycles are detected exactly). */
export const MAX_CHAIN_LENGTH = 64;

/**
 * Follows the `extends` chain from `path` to its root, reading the top level of each file and collecting every
 * issue instead of throwing. Each relative parent (and network) path is joined to the folder of the file that names
 * it (so relative paths stay relative to the working directory); absolute paths are used as written.
 * @param path the leaf scenario file
 * @returns the chain (when intact), the parsed files and all issues; chain issue codes: `file-not-found`,
 *   `extends-not-found`, `extends-cycle` (message lists the files of the cycle), `extends-and-network`,
 *   `missing-extends-or-network`, `network-not-found`, `chain-too-long`
 * @example inspectScenarioFileChain("test/fixtures/scenarios/chain-leaf.yaml").specs.length // 3
 */
export function inspectScenarioFileChain(path: string): InspectedScenarioFiles {
  const issues: ScenarioIssue[] = [];
  const leafFirst: ScenarioFile[] = [];
  const visited: string[] = [];
  let file = join(path);
  let child: ScenarioFile | undefined;
  let networkDir: string | undefined;
  for (;;) {
    if (!existsSync(file)) {
      if (child) {
        issues.push(issueAt(child, ["extends"], "extends-not-found", `extends file "${child.extends}" not found (resolved to ${resolve(file)})`));
      } else {
        issues.push(...inspectScenarioFile(file).issues);
      }
      break;
    }
    visited.push(resolve(file));
    const { spec, issues: fileIssues } = inspectScenarioFile(file);
    issues.push(...fileIssues);
    if (!spec) break;
    leafFirst.push(spec);
    if (!spec.hasKey.extends && !spec.hasKey.network) {
      issues.push(
        issueAt(spec, [], "missing-extends-or-network", `the root of a scenario chain must name its network folder ("network: ../networks/yrd") or extend a parent scenario ("extends: base.yaml")`, { path: "network" }),
      );
      break;
    }
    if (spec.extends === undefined) {
      if (spec.network !== undefined) {
        const dir = relativeTo(file, spec.network);
        if (!existsSync(join(dir, "network.json"))) {
          issues.push(issueAt(spec, ["network"], "network-not-found", `network folder "${spec.network}" has no network.json (resolved to ${resolve(dir)})`));
        } else {
          networkDir = dir;
        }
      }
      break;
    }
    if (leafFirst.length >= MAX_CHAIN_LENGTH) {
      issues.push(issueAt(spec, ["extends"], "chain-too-long", `extends chain longer than ${MAX_CHAIN_LENGTH} files`));
      break;
    }
    const next = relativeTo(file, spec.extends);
    const seenAt = visited.indexOf(resolve(next));
    if (seenAt >= 0) {
      const files = [...leafFirst.map((s) => s.file)].slice(seenAt);
      issues.push(issueAt(spec, ["extends"], "extends-cycle", `extends cycle: ${[...files, next].join(" → ")}`));
      break;
    }
    child = spec;
    file = next;
  }
  const specs = leafFirst.reverse();
  return { ...(networkDir !== undefined ? { chain: { specs, networkDir } } : {}), specs, issues: orderChainIssues(issues, specs) };
}

/**
 * Orders the issues of a chain for reading: the files of `specs` root first (issues of other files, e.g. a missing
 * leaf, before them), then by line and column; issues at the same place keep their order (a stable sort).
 * @example orderChainIssues([leafIssueAtLine3, rootIssueAtLine9], [root, leaf]) // [rootIssueAtLine9, leafIssueAtLine3]
 */
export function orderChainIssues(issues: readonly ScenarioIssue[], specs: readonly Pick<ScenarioFile, "file">[]): ScenarioIssue[] {
  const order = new Map(specs.map((s, i) => [s.file, i]));
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        (order.get(a.issue.file ?? "") ?? -1) - (order.get(b.issue.file ?? "") ?? -1) ||
        (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
        (a.issue.column ?? 0) - (b.issue.column ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.issue);
}

/**
 * The asOfDate of a chain: the one nearest the leaf, or undefined.
 * @example chainAsOfDate({ specs: [{ asOfDate: "2019-05-31" }, {}] }) // "2019-05-31"
 */
export function chainAsOfDate(chain: Pick<ScenarioFileChain, "specs">): string | undefined {
  for (let i = chain.specs.length - 1; i >= 0; i--) {
    const d = chain.specs[i]!.asOfDate;
    if (d !== undefined) return d;
  }
  return undefined;
}
