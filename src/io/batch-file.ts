/**
 * Batch files (YAML or JSON): parses one `deltanet batch` file into a {@link BatchSpec} keeping source positions, so
 * every problem, found here or later against the network, is reported as `file:line:column at path: message`.
 *
 * Format: `name` (required), `description`, `scenario` (the base scenario file, relative to this file), `generator`
 * (one of `{ type: n-minus-1, layer }`, `{ type: monte-carlo, layer, failures, draws, seed }`,
 * `{ type: sweep, parameter, layer, factors }`), `cutoffsMin` (isochrone cutoffs of the metrics, default 60, 120),
 * `output: { format: csv | jsonl }` (default csv). Every object is strict (unknown keys are errors with a "did you
 * mean"); values are never coerced (`"3"` is not a number, a 0 factor is refused, not read as "none").
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { z } from "zod";
import { InputError, type Issue } from "../errors.ts";
import { didYouMean, didYouMeanText } from "../model/did-you-mean.ts";
import { LAYERS } from "../model/network.ts";
import { formatPath, positionOf, type PathSegments, type PositionedDocument } from "./positions.ts";
import { describeValue, parseYamlMapping } from "./scenario-file.ts";

/** Link values a sweep can scale (each is what the engine reads: times for isochrones, capacities for max-flow). */
export const SWEEP_PARAMETERS = ["timeMin", "capacityVehPerHour", "capacityMw", "trainsPerDay"] as const;
/** A link value a sweep can scale. */
export type SweepParameter = (typeof SWEEP_PARAMETERS)[number];

export { BATCH_FORMATS, type BatchFormat } from "./batch-format.ts";
import { BATCH_FORMATS, type BatchFormat } from "./batch-format.ts";

const layerSchema = z.enum(LAYERS as unknown as [string, ...string[]]);
const count = z.number().int().positive();

/** `n-minus-1`: every single-facility closure of a layer (both directions of a facility close together). */
export const nMinus1Schema = z.strictObject({ type: z.literal("n-minus-1"), layer: layerSchema });
/** `monte-carlo`: `draws` scenarios, each closing `failures` distinct facilities of the layer drawn with `seed`. */
export const monteCarloSchema = z.strictObject({
  type: z.literal("monte-carlo"),
  layer: layerSchema,
  failures: count,
  draws: count,
  seed: z.number().int().min(0).max(0xffffffff),
});
/** `sweep`: one scenario per factor, multiplying `parameter` on every link of `layer`. */
export const sweepSchema = z.strictObject({
  type: z.literal("sweep"),
  parameter: z.enum(SWEEP_PARAMETERS),
  layer: layerSchema,
  factors: z.array(z.number().positive()).min(1),
});
const generatorSchema = z.discriminatedUnion("type", [nMinus1Schema, monteCarloSchema, sweepSchema]);
const GENERATOR_TYPES = ["n-minus-1", "monte-carlo", "sweep"];

/** The whole batch file. */
export const batchFileSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  scenario: z.string().min(1),
  generator: generatorSchema,
  cutoffsMin: z.array(z.number().positive()).min(1).optional(),
  output: z.strictObject({ format: z.enum(BATCH_FORMATS).optional() }).optional(),
});

/** A schema-checked generator (one of the three above). */
export type GeneratorValue = z.infer<typeof generatorSchema>;

/** A parsed batch file. */
export interface BatchSpec {
  /** The file as given (used in issues). */
  file: string;
  name: string;
  description?: string;
  /** The base scenario file, joined to the batch file's folder (absolute paths as written). */
  scenarioPath: string;
  generator: GeneratorValue;
  /** Cutoffs as written, or undefined for the default. */
  cutoffsMin?: number[];
  /** Output format as written, or undefined for the default (csv). */
  format?: BatchFormat;
  /** The parsed document, to place issues found later (e.g. a layer without facilities). */
  source: PositionedDocument;
}

/**
 * An issue located at `path` inside a batch file.
 * @example batchIssue(spec, ["generator", "layer"], "no-facilities", "layer water has no facility").path // "generator.layer"
 */
export function batchIssue(spec: Pick<BatchSpec, "file" | "source">, path: PathSegments, code: string, message: string): Issue {
  return { file: spec.file, ...positionOf(spec.source, path), path: formatPath(path), code, message, severity: "error" };
}

function valueAt(root: unknown, path: PathSegments): { present: boolean; value: unknown } {
  let node: unknown = root;
  for (const seg of path) {
    if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, seg)) return { present: false, value: undefined };
    node = (node as Record<string | number, unknown>)[seg];
  }
  return { present: true, value: node };
}

const ALLOWED_KEYS: Record<string, string[]> = {
  "": Object.keys(batchFileSchema.shape),
  output: ["format"],
};

function zodIssues(spec: Pick<BatchSpec, "file" | "source">, root: unknown, error: z.ZodError): Issue[] {
  const out: Issue[] = [];
  for (const zi of error.issues) {
    const path = zi.path as (string | number)[];
    const { present, value } = valueAt(root, path);
    const last = path[path.length - 1];
    const at = (p: PathSegments, code: string, message: string) => out.push(batchIssue(spec, p, code, message));
    if (zi.code === "invalid_type") {
      if (!present) at(path, "missing-key", `missing required key "${String(last)}" (expected ${zi.expected === "int" ? "an integer" : `a ${zi.expected}`})`);
      else if (zi.expected === "int" && typeof value === "number") at(path, "not-an-integer", `expected an integer, got ${String(value)}`);
      else {
        const hint = typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value)) ? ` (a quoted number is a string: write ${value.trim()} without quotes)` : "";
        at(path, "wrong-type", `expected ${zi.expected === "int" ? "an integer" : `a ${zi.expected}`}, got ${describeValue(value)}${hint}`);
      }
    } else if (zi.code === "too_small" || zi.code === "too_big") {
      const bound = zi.code === "too_small" ? zi.minimum : zi.maximum;
      if (zi.origin === "array") at(path, "too-few-items", `must list at least ${String(bound)} item(s)`);
      else if (zi.origin === "string") at(path, "empty-string", "must not be empty");
      else at(path, "out-of-range", `must be ${zi.code === "too_small" ? (zi.inclusive ? "≥" : ">") : zi.inclusive ? "≤" : "<"} ${String(bound)} (got ${describeValue(value)})`);
    } else if (zi.code === "unrecognized_keys") {
      const parent = path.join(".");
      const type = parent === "generator" ? (valueAt(root, ["generator", "type"]).value as string) : undefined;
      const allowed =
        parent === "generator"
          ? Object.keys(({ "n-minus-1": nMinus1Schema, "monte-carlo": monteCarloSchema, sweep: sweepSchema } as Record<string, z.ZodObject>)[type ?? ""]?.shape ?? {})
          : (ALLOWED_KEYS[parent] ?? []);
      for (const key of zi.keys) {
        at([...path, key], "unknown-key", `unknown key "${key}"${didYouMeanText(didYouMean(key, allowed))} (allowed keys: ${allowed.join(", ")})`);
      }
    } else if (zi.code === "invalid_value" || zi.code === "invalid_union") {
      const values = zi.code === "invalid_value" ? zi.values.map(String) : GENERATOR_TYPES;
      if (zi.code === "invalid_union" && !present) at(path, "missing-key", `missing required key "type" (one of ${values.join(", ")})`);
      else {
        const suggestion = typeof value === "string" ? didYouMean(value, values) : undefined;
        at(path, "invalid-value", `expected one of ${values.map((v) => JSON.stringify(v)).join(", ")}, got ${describeValue(value)}${didYouMeanText(suggestion)}`);
      }
    } else {
      at(path, `schema-${zi.code}`, `${zi.message}, got ${describeValue(value)}`);
    }
  }
  return out;
}

/**
 * Parses and checks the text of a batch file (no file system access; the scenario file is not read).
 * @param text YAML or JSON text
 * @param file the name used in issues and to resolve `scenario`
 * @returns the spec
 * @throws InputError (code `invalid-batch`, exit 3) with every issue: `malformed-yaml`, `not-a-mapping`,
 *   `unknown-key`, `missing-key`, `wrong-type`, `not-an-integer`, `out-of-range`, `too-few-items`, `empty-string`,
 *   `invalid-value`, `duplicate-factor`, `unordered-cutoffs`.
 * @example parseBatchText("name: b\nscenario: s.yaml\ngenerator: { type: n-minus-1, layer: road }\n", "b.yaml").generator
 * // { type: "n-minus-1", layer: "road" }
 */
export function parseBatchText(text: string, file: string): BatchSpec {
  const mapping = parseYamlMapping(text, file, "batch", '"name", "scenario" and "generator"');
  if ("issue" in mapping) throw new InputError(mapping.issue, "invalid-batch");
  const { source, root } = mapping;
  const where = { file, source };
  const parsed = batchFileSchema.safeParse(root);
  const issues: Issue[] = parsed.success ? [] : zodIssues(where, root, parsed.error);
  if (parsed.success) {
    const v = parsed.data;
    if (v.generator.type === "sweep") {
      const seen = new Set<number>();
      v.generator.factors.forEach((f, i) => {
        if (seen.has(f)) issues.push(batchIssue(where, ["generator", "factors", i], "duplicate-factor", `factor ${f} is listed twice`));
        seen.add(f);
      });
    }
    v.cutoffsMin?.forEach((c, i) => {
      if (i > 0 && c <= v.cutoffsMin![i - 1]!) issues.push(batchIssue(where, ["cutoffsMin", i], "unordered-cutoffs", `cutoffs must be strictly ascending (got ${v.cutoffsMin!.join(", ")})`));
    });
  }
  if (!parsed.success || issues.length > 0) throw new InputError(issues, "invalid-batch");
  const v = parsed.data;
  return {
    file,
    name: v.name,
    ...(v.description !== undefined ? { description: v.description } : {}),
    scenarioPath: isAbsolute(v.scenario) ? v.scenario : join(dirname(file), v.scenario),
    generator: v.generator,
    ...(v.cutoffsMin !== undefined ? { cutoffsMin: v.cutoffsMin } : {}),
    ...(v.output?.format !== undefined ? { format: v.output.format } : {}),
    source,
  };
}

/**
 * Reads and checks a batch file, including that its base scenario file exists.
 * @param path the batch file (kept as given in issues)
 * @throws InputError (code `invalid-batch`, exit 3): `file-not-found` for the batch file, `scenario-not-found` (at
 *   `scenario`) when the base scenario is missing, and every issue of {@link parseBatchText}.
 * @example readBatchFile("scenarios/batches/road-n-1.yaml").scenarioPath // "scenarios/baseline-2019.yaml"
 */
export function readBatchFile(path: string): BatchSpec {
  if (!existsSync(path)) {
    throw new InputError({ file: path, path: "", code: "file-not-found", message: `batch file not found (resolved to ${resolve(path)})` }, "invalid-batch");
  }
  if (statSync(path).isDirectory()) {
    throw new InputError({ file: path, path: "", code: "not-a-file", message: "is a folder; expected a batch file (YAML)" }, "invalid-batch");
  }
  const spec = parseBatchText(readFileSync(path, "utf8"), path);
  if (!existsSync(spec.scenarioPath)) {
    throw new InputError(batchIssue(spec, ["scenario"], "scenario-not-found", `scenario file not found: ${spec.scenarioPath} (resolved to ${resolve(spec.scenarioPath)})`), "invalid-batch");
  }
  return spec;
}
