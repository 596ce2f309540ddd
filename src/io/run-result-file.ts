/**
 * Saved run documents: reads the JSON that `deltanet run --format json` writes back into a {@link RunResult}, so a
 * baseline computed on another checkout (e.g. the target branch of a pull request) can be compared or checked later.
 *
 * Design: the document is machine-written, but it may be old, hand-edited or truncated, and the check rules read its
 * numbers, so it is validated with the run document's own schema (model/run-result.ts; unknown keys are dropped, not
 * refused: a newer deltanet may add fields) and every problem is reported with file, line and path. A document without a `provenance` block (written
 * by a deltanet without provenance) is refused: without it, "same network, same engine" cannot be established.
 */
import { existsSync, readFileSync } from "node:fs";
import { InputError } from "../errors.ts";
import { runResultSchema, type RunResult } from "../model/run-result.ts";
import { zodIssues } from "./network-file.ts";
import { parsePositioned, positionOfOffset } from "./positions.ts";

/** The text of a file and its parsed JSON, or the parse error. */
function readJsonText(path: string): { text: string; value: unknown } | { text: string; error: Error } {
  const text = readFileSync(path, "utf8");
  try {
    return { text, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { text, error: e as Error };
  }
}

/**
 * Whether `path` holds a saved run document: a JSON object whose `kind` is `"deltanet-run"`. Scenario files (YAML,
 * or JSON without that kind) answer false, so one CLI argument can take either.
 * @param path a file path (a missing file answers false)
 * @returns true for a run document, false otherwise; never throws for unreadable content
 * @example isRunResultFile("scenarios/baseline-2019.yaml") // false
 */
export function isRunResultFile(path: string): boolean {
  if (!existsSync(path) || !/\.json$/i.test(path)) return false;
  const r = readJsonText(path);
  if (!("value" in r)) return false;
  const v = r.value;
  return v !== null && typeof v === "object" && !Array.isArray(v) && (v as { kind?: unknown }).kind === "deltanet-run";
}

/**
 * Reads a saved run document (`deltanet run --format json`).
 * @param path the JSON file
 * @returns the run, validated (numbers finite and ≥ 0 where they are counts, populations, times or capacities;
 *   hashes 64 hex characters)
 * @throws InputError (code `invalid-input`, exit 3) with file, line, column and path for every problem: codes
 *   `file-not-found`, `malformed-json`, `schema-*` (e.g. `schema-invalid_type` at `provenance` for a document
 *   written before provenance existed)
 * @example readRunResultFile("baseline.json").provenance.networkChecksum // "3f1c…" (64 hex characters)
 */
export function readRunResultFile(path: string): RunResult {
  if (!existsSync(path)) throw new InputError({ file: path, path: "", code: "file-not-found", message: "file not found" });
  const r = readJsonText(path);
  if (!("value" in r)) {
    // JSON.parse names a character offset ("… at position 30"); YAML (a JSON superset) may accept what JSON refuses.
    const pd = parsePositioned(r.text);
    const offset = /at position (\d+)/.exec(r.error.message)?.[1];
    const yamlError = pd.doc.errors[0];
    const pos = offset !== undefined ? positionOfOffset(pd, Number(offset)) : yamlError ? positionOfOffset(pd, yamlError.pos[0]) : undefined;
    throw new InputError({ file: path, line: pos?.line, column: pos?.column, path: "", code: "malformed-json", message: `malformed JSON: ${r.error.message}` });
  }
  const parsed = runResultSchema.safeParse(r.value);
  if (!parsed.success) {
    const issues = zodIssues(path, r.text, [], parsed.error).map((i) =>
      i.path === "provenance" && i.code === "schema-invalid_type"
        ? { ...i, message: `${i.message}: the run document has no provenance block (written by an older deltanet): re-run the scenario` }
        : i,
    );
    throw new InputError(issues);
  }
  return parsed.data;
}
