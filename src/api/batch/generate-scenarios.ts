/**
 * Batch scenario generators: expands a batch file's `generator` into the ordered list of what-if scenarios (N-1
 * closures, Monte Carlo failure sets, parameter sweeps) as perturbations of a what-if model.
 *
 * Order is part of the output contract (rows come in scenario order, shards are contiguous slices of it):
 * - `n-minus-1`: one scenario per facility of the layer that is open in the base, ascending facility id (code units);
 * - `monte-carlo`: draws 1 … n in order; draw d closes `failures` distinct open facilities sampled with one mulberry32
 *   stream seeded by `seed` (draws consume the stream in order, so draw d does not depend on the shard);
 * - `sweep`: one scenario per factor, in the order written.
 */
import type { Issue } from "../../errors.ts";
import { InputError } from "../../errors.ts";
import type { GeneratorValue } from "../../io/batch-file.ts";
import type { ScenarioPerturbation } from "../../engine/what-if-kernel.ts";
import { closeFacilities, passengerLinkCount, type WhatIfModel } from "../../engine/what-if-model.ts";
import { PASSENGER_LAYERS } from "../../defaults.ts";
import { mulberry32, sampleIndexes } from "./random.ts";
import { compareCodeUnits } from "../../model/compare-code-units.ts";

/** One scenario of a batch. */
export interface BatchScenario {
  /** Position in the whole batch (not the shard), 0-based. */
  index: number;
  /** Stable id: `n-1:<facilityId>`, `mc:<draw>` (1-based), `sweep:<parameter>:<layer>:x<factor>`. */
  id: string;
  /** Human detail: the facility name, the closed facility ids, or the sweep's change. No newlines. */
  detail: string;
  /** Facilities the scenario closes (empty for sweeps), ascending. */
  closedFacilityIds: string[];
  perturbation: ScenarioPerturbation;
}

/** Where generator problems are reported: a function giving the position of a path of the generator. */
export type IssueLocator = (path: (string | number)[]) => Pick<Issue, "file" | "line" | "column" | "path">;


/**
 * The open facilities of `layer` that the model can perturb (a link in the passenger network or in a capacity
 * view, not all of them closed in the base), ascending by id.
 * @example openFacilities(model, "road").length // 72 on the YRD baseline-2019 road layer
 */
export function openFacilities(model: WhatIfModel, layer: string): string[] {
  const out: string[] = [];
  for (const [id, f] of model.facilities) if (f.layer === layer && !f.allClosed) out.push(id);
  return out.sort(compareCodeUnits);
}

/**
 * Expands `generator` into the ordered scenario list of a batch.
 * @param model the what-if model built from the base scenario
 * @param generator the batch file's generator (already schema-checked)
 * @param locate maps a path inside `generator` to a position for issues (default: path only)
 * @returns scenarios with `index` 0 … count − 1
 * @throws InputError (code `invalid-batch`) with code `no-facilities` (the layer has no open facility the model can
 *   close), `too-many-failures` (Monte Carlo `failures` > open facilities), `no-effect` (a sweep that changes no
 *   link the metrics read: e.g. `timeMin` of power links, or a capacity no capacity query uses).
 * @example generateScenarios(model, { type: "n-minus-1", layer: "road" })[0].id // "n-1:road:…" (first road facility id)
 */
export function generateScenarios(model: WhatIfModel, generator: GeneratorValue, locate?: IssueLocator): BatchScenario[] {
  const where: IssueLocator = locate ?? ((path) => ({ path: ["generator", ...path].join(".") }));
  const fail = (path: (string | number)[], code: string, message: string): never => {
    throw new InputError({ ...where(path), code, message, severity: "error" }, "invalid-batch");
  };
  if (generator.type === "sweep") {
    const { parameter, layer, factors } = generator;
    if (parameter === "timeMin") {
      if (passengerLinkCount(model, layer) === 0) {
        const hint = layer === "rail" ? " (trains are ridden on the transit layer: sweep transit instead)" : "";
        fail(["layer"], "no-effect", `the passenger network (${PASSENGER_LAYERS.join(", ")}) has no ${layer} link: scaling its timeMin changes nothing${hint}`);
      }
    } else if (!model.descriptor.queries.some((q) => q.layer === layer && q.capacityAttribute === parameter)) {
      fail(["parameter"], "no-effect", `no capacity query measures ${parameter} on ${layer} links: the sweep would change nothing`);
    }
    return factors.map((factor, index) => {
      const perturbation: ScenarioPerturbation =
        parameter === "timeMin"
          ? { closedLinks: [], closedViewLinks: model.views.map(() => []), timeScale: { layer, factor } }
          : { closedLinks: [], closedViewLinks: model.views.map(() => []), capacityScale: { layer, attribute: parameter, factor } };
      return { index, id: `sweep:${parameter}:${layer}:x${String(factor)}`, detail: `${parameter} × ${String(factor)} on ${layer} links`, closedFacilityIds: [], perturbation };
    });
  }
  const facilities = openFacilities(model, generator.layer);
  if (facilities.length === 0) {
    fail(["layer"], "no-facilities", `layer ${generator.layer} has no open facility in the passenger network (rail, road, access) or in a capacity query: closing one would change nothing`);
  }
  if (generator.type === "n-minus-1") {
    return facilities.map((id, index) => ({
      index,
      id: `n-1:${id}`,
      detail: (model.facilities.get(id)!.name ?? "").replace(/[\r\n]+/g, " "),
      closedFacilityIds: [id],
      perturbation: closeFacilities(model, [id]),
    }));
  }
  const { failures, draws, seed } = generator;
  if (failures > facilities.length) {
    fail(["failures"], "too-many-failures", `failures ${failures} is more than the ${facilities.length} open ${generator.layer} facilities`);
  }
  const next = mulberry32(seed);
  const out: BatchScenario[] = [];
  for (let d = 0; d < draws; d++) {
    const ids = sampleIndexes(next, facilities.length, failures).map((i) => facilities[i]!);
    out.push({ index: d, id: `mc:${d + 1}`, detail: ids.join(" "), closedFacilityIds: ids, perturbation: closeFacilities(model, ids) });
  }
  return out;
}
