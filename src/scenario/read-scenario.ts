/**
 * Reading scenarios: a scenario file's top level as io reads it (src/io/scenario-file.ts), plus each entry of its
 * `modifications` list checked here against its type's module (registry.ts): the `type`, the type's schema, then the
 * checks the file alone can answer. One bad entry does not hide the problems of the others: a spec keeps the entries
 * that passed (with their original index) and the issues list says what was wrong with the rest.
 *
 * Issue order: a file's own issues first (top level, then each entry in list order); over a chain, root file first,
 * then by line and column (`orderChainIssues`).
 */
import { z } from "zod";
import { ScenarioError } from "../errors.ts";
import {
  convertZodIssues,
  describeValue,
  discriminatorIssue,
  inspectScenarioFile,
  inspectScenarioFileChain,
  issueAt,
  orderChainIssues,
  parseScenarioFileText,
  type ParsedScenarioFile,
  type ScenarioFile,
  type ScenarioFileChain,
  type ScenarioIssue,
} from "../io/scenario-file.ts";
import { modificationIssueBuilder } from "./modification.ts";
import { MODIFICATION_TYPES, modificationModule, type ModificationEntry, type ModificationValue } from "./registry.ts";

/** One scenario file with its modifications checked. */
export interface ScenarioSpec extends ScenarioFile {
  /** The modifications that passed their schema and file checks, in file order. */
  modifications: ModificationEntry[];
  /** Number of entries in the file's `modifications` list, valid or not. */
  modificationEntryCount: number;
}

/** A resolved `extends` chain of checked files, root first. */
export type ScenarioChain = ScenarioFileChain<ScenarioSpec>;

/** Result of {@link parseScenarioText}: the spec when the text was a mapping, and every issue found. */
export interface ParsedScenario {
  spec?: ScenarioSpec;
  issues: ScenarioIssue[];
}

/** Checks the entry at `index` of `file`'s list: the checked entry, or undefined, and its issues. */
function checkEntry(file: ScenarioFile, index: number): { entry?: ModificationEntry; issues: ScenarioIssue[] } {
  const m = file.modificationEntries[index];
  const base = ["modifications", index] as const;
  if (m === null || typeof m !== "object" || Array.isArray(m)) {
    return { issues: [issueAt(file, [...base], "wrong-type", `expected a mapping with a "type", got ${describeValue(m)}`, { modificationIndex: index })] };
  }
  const type = (m as Record<string, unknown>).type;
  const typeIssue = discriminatorIssue(file, [...base, "type"], type, MODIFICATION_TYPES, "modification type", "unknown-modification-type", {
    modificationIndex: index,
  });
  if (typeIssue) return { issues: [typeIssue] };
  const module = modificationModule(type as string)!;
  const schema = module.schema as z.ZodType<ModificationValue>;
  const r = schema.safeParse(m);
  if (!r.success) {
    // convertZodIssues looks values up from the document root; the modification list is all these paths reach.
    const root = { modifications: file.modificationEntries };
    return { issues: convertZodIssues(file, root, base, schema, r.error, { modificationIndex: index, modificationType: type as string }) };
  }
  const issues = module.fileIssues(r.data, modificationIssueBuilder(file, index, r.data.type));
  if (issues.some((i) => i.severity === "error")) return { issues };
  return { entry: { index, value: r.data }, issues };
}

/**
 * Checks every modification entry of a parsed file (see the module header).
 * @param file a file's top level, as {@link parseScenarioFileText} read it
 * @returns the spec (the file plus its checked modifications) and the issues of its entries, in list order: codes
 *   `wrong-type`, `missing-key`, `unknown-modification-type` (with a "did you mean"), the schema codes of
 *   `convertZodIssues`, and the modules' file checks (`links-and-where`, `empty-where`, `empty-set`,
 *   `conflicting-fields`; warning `duplicate-target`)
 * @example checkModifications(parseScenarioFileText("name: a\nnetwork: n\nmodifications: [{type: bogus}]\n", "a.yaml").spec!).issues[0].code
 * // "unknown-modification-type"
 */
export function checkModifications(file: ScenarioFile): { spec: ScenarioSpec; issues: ScenarioIssue[] } {
  const modifications: ModificationEntry[] = [];
  const issues: ScenarioIssue[] = [];
  file.modificationEntries.forEach((_m, index) => {
    const checked = checkEntry(file, index);
    issues.push(...checked.issues);
    if (checked.entry) modifications.push(checked.entry);
  });
  return { spec: { ...file, modifications, modificationEntryCount: file.modificationEntries.length }, issues };
}

/** A parsed file with its modifications checked (its issues after the file's own). */
function withModifications(parsed: ParsedScenarioFile): ParsedScenario {
  if (!parsed.spec) return { issues: parsed.issues };
  const checked = checkModifications(parsed.spec);
  return { spec: checked.spec, issues: [...parsed.issues, ...checked.issues] };
}

function errorsIn(issues: readonly ScenarioIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/**
 * Parses and checks the text of one scenario file (no file system access, `extends` not followed).
 * @param text YAML or JSON text
 * @param file the name used in issues and in the spec
 * @returns `spec` (absent when the text is not valid YAML or not a mapping) and every issue, each with file, line,
 *   column, path and code: `malformed-yaml`, `not-a-mapping`, `unknown-key`, `missing-key`, `wrong-type`,
 *   `not-a-number`, `not-finite`, `not-an-integer`, `out-of-range`, `invalid-value`, `invalid-date`, `too-few-items`,
 *   `empty-string`, `unknown-modification-type`, `links-and-where`, `empty-where`, `empty-set`, `conflicting-fields`,
 *   `extends-and-network`; warnings: `duplicate-target`.
 * @example parseScenarioText("name: x\nnetwork: n\nmodifications: [{type: close-lnk}]\n", "a.yaml").issues[0]
 * // { file: "a.yaml", line: 3, column: 24, path: "modifications[0].type", code: "unknown-modification-type",
 * //   suggestion: "close-link", severity: "error", … }
 */
export function parseScenarioText(text: string, file: string): ParsedScenario {
  return withModifications(parseScenarioFileText(text, file));
}

/**
 * Reads and checks one scenario file (its `extends` is not followed; see {@link loadScenarioChain}).
 * @param path file path; kept as given in the spec and in issues
 * @returns the spec with source positions
 * @throws ScenarioError (code `invalid-scenario`, exit 3) listing every issue of the file (see
 *   {@link parseScenarioText} for the issue codes; `file-not-found` when the file does not exist).
 * @example readScenarioFile("test/fixtures/scenarios/plan-2025.yaml").extends // "baseline-2019.yaml"
 */
export function readScenarioFile(path: string): ScenarioSpec {
  const { spec, issues } = withModifications(inspectScenarioFile(path));
  if (!spec || errorsIn(issues)) throw new ScenarioError(issues);
  return spec;
}

/** Result of {@link inspectScenarioChain}. */
export interface InspectedChain {
  /** The chain, when a root with an existing network folder was reached. */
  chain?: ScenarioChain;
  /** Every file that parsed, root first (also when the chain is broken). */
  specs: ScenarioSpec[];
  /** Every issue in every file, ordered root file first, then by line and column. */
  issues: ScenarioIssue[];
}

/**
 * Follows the `extends` chain from `path` to its root (`inspectScenarioFileChain`) and checks the modifications of
 * every file, collecting every issue instead of throwing.
 * @param path the leaf scenario file
 * @returns the chain (when intact), the checked files and all issues; chain issue codes: `file-not-found`,
 *   `extends-not-found`, `extends-cycle` (message lists the files of the cycle), `extends-and-network`,
 *   `missing-extends-or-network`, `network-not-found`, `chain-too-long`; file codes as {@link parseScenarioText}
 * @example inspectScenarioChain("test/fixtures/scenarios/chain-leaf.yaml").specs.length // 3
 */
export function inspectScenarioChain(path: string): InspectedChain {
  const files = inspectScenarioFileChain(path);
  const issues = [...files.issues];
  const specs = files.specs.map((file) => {
    const checked = checkModifications(file);
    issues.push(...checked.issues);
    return checked.spec;
  });
  const chain = files.chain ? { specs, networkDir: files.chain.networkDir } : undefined;
  return { ...(chain !== undefined ? { chain } : {}), specs, issues: orderChainIssues(issues, specs) };
}

/**
 * Reads a scenario file and every file up its `extends` chain, modifications checked.
 * @param path the leaf scenario file
 * @returns the chain, root first
 * @throws ScenarioError (code `invalid-scenario`, exit 3) with every issue of every file of the chain (codes in
 *   {@link parseScenarioText} and {@link inspectScenarioChain}); warnings alone do not throw.
 * @example loadScenarioChain("test/fixtures/scenarios/plan-2025.yaml").specs.map((s) => s.name)
 * // ["tiny-baseline-2019", "tiny-plan-2025"]
 */
export function loadScenarioChain(path: string): ScenarioChain {
  const { chain, issues } = inspectScenarioChain(path);
  if (!chain || errorsIn(issues)) throw new ScenarioError(issues);
  return chain;
}
