/**
 * Saved run documents: reads the JSON that `deltanet run --format json` writes back into a {@link RunResult}, so a
 * baseline computed on another checkout (e.g. the target branch of a pull request) can be compared or checked later.
 *
 * Design: the document is machine-written, but it may be old, hand-edited or truncated, and the check rules read its
 * numbers, so it is validated with a zod schema (unknown keys are dropped, not refused: a newer deltanet may add
 * fields) and every problem is reported with file, line and path. A document without a `provenance` block (written
 * by a deltanet without provenance) is refused: without it, "same network, same engine" cannot be established.
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import type { RunResult } from "../engine/run-result.ts";
import { InputError } from "../errors.ts";
import { INFRASTRUCTURE_LAYERS, LAYERS } from "../model/network.ts";
import { zodIssues } from "../io/network-file.ts";
import { parsePositioned, positionOfOffset } from "../io/positions.ts";

const nonNegative = z.number().finite().nonnegative();
const count = z.number().int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lower-case hex characters (sha256)");
const layer = z.enum(LAYERS as readonly string[] as [string, ...string[]]);
const infrastructureLayer = z.enum(INFRASTRUCTURE_LAYERS as readonly string[] as [string, ...string[]]);
const selector = z.object({
  zoneIds: z.array(z.string()).optional(),
  provinces: z.array(z.string()).optional(),
  yangtzeBank: z.enum(["north", "south"]).optional(),
});
const issue = z.object({
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  path: z.string().optional(),
  code: z.string(),
  message: z.string(),
  severity: z.enum(["error", "warning"]).optional(),
});

/** Zod schema of a saved run document (`kind: "deltanet-run"`, `schemaVersion: 1`). */
export const runResultSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal("deltanet-run"),
  deltanetVersion: z.string().min(1),
  provenance: z.object({
    deltanetVersion: z.string().min(1),
    networkChecksum: sha256,
    scenarioFiles: z.array(z.object({ file: z.string(), sha256: sha256.nullable() })),
    parametersSha256: sha256,
  }),
  scenario: z.object({
    name: z.string(),
    description: z.string().optional(),
    files: z.array(z.string()),
    asOfDate: z.string().optional(),
    networkChecksum: z.string(),
    baseChecksum: z.string(),
    log: z.array(z.object({ index: z.number(), type: z.string(), message: z.string() })),
    warnings: z.array(issue),
  }),
  parameters: z.object({
    cutoffsMin: z.array(z.number().finite().positive()).min(1),
    passengerLayers: z.array(layer),
    capacityQueries: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        layer: infrastructureLayer,
        capacityAttribute: z.enum(["capacityVehPerHour", "capacityMw", "trainsPerDay"]),
        unit: z.enum(["veh/h", "MW", "trains/day"]),
        from: selector,
        to: selector,
      }),
    ),
  }),
  isochrones: z.array(
    z.object({
      zoneId: z.string(),
      name: z.string(),
      nameZh: z.string().optional(),
      province: z.string().optional(),
      populationPersons: nonNegative,
      byCutoff: z.array(
        z.object({
          cutoffMin: z.number().finite().positive(),
          nodesReached: count,
          citiesReached: count,
          populationReachedPersons: nonNegative,
        }),
      ),
    }),
  ),
  travelTimeMin: z.object({
    zoneIds: z.array(z.string()),
    maxCutoffMin: z.number().finite().positive(),
    matrix: z.array(z.array(nonNegative.nullable())),
  }),
  cityReachability: z.object({
    zoneIds: z.array(z.string()),
    unreachablePairs: z.array(z.tuple([z.string(), z.string()])),
  }),
  connectivity: z.array(
    z.object({
      layer: z.enum(["passenger", ...LAYERS] as [string, ...string[]]),
      nodeCount: count,
      linkCount: count,
      weakComponentCount: count,
      strongComponentCount: count,
      bridges: z.array(z.object({ facilityId: z.string(), name: z.string().optional() })),
      articulationPoints: z.array(z.object({ nodeId: z.string(), name: z.string().optional() })),
    }),
  ),
  capacity: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      layer: layer,
      unit: z.enum(["veh/h", "MW", "trains/day"]),
      maxFlow: nonNegative.nullable(),
      sourceNodeCount: count,
      sinkNodeCount: count,
      minCut: z.array(z.object({ facilityId: z.string(), name: z.string().optional(), capacity: nonNegative })),
    }),
  ),
  // The road assignment block (src/engine/run-result.ts RunAssignment): the fields compare and check read are
  // checked; the rest of the summary is kept as written (loose objects).
  assignment: z
    .looseObject({
      relativeGap: nonNegative,
      converged: z.boolean(),
      iterations: count,
      totals: z.looseObject({ vehicleHours: nonNegative, delayVehicleHours: z.number(), vehicleKm: nonNegative, linksOverCapacity: count }),
      demand: z.looseObject({ totalVehPerHour: nonNegative, unreachable: z.looseObject({ demandVehPerHour: nonNegative }) }),
      topCongestedLinks: z.array(z.looseObject({ linkId: z.string(), vcRatio: nonNegative })),
      odMatrixVehPerHour: z.object({ zoneIds: z.array(z.string()), matrix: z.array(z.array(nonNegative)) }),
    })
    .optional(),
});

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
  return parsed.data as RunResult;
}
