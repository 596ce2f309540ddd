/**
 * `set-link`: sets (`set`) or multiplies (`scale`) numeric attributes of the matched links; a new speed, border
 * delay or wait recomputes `timeMin` so the engine's generalised time stays consistent with its parts.
 *
 * Time rule: when `speedKph`, `borderDelayMin` or `waitMin` changes on a link with `lengthKm` and a speed, timeMin =
 * lengthKm / speedKph × 60 + borderDelayMin + waitMin (absent terms 0). A border delay or wait change on a link
 * without length or speed (e.g. a transit boarding link) shifts timeMin by the change in delay or wait. A speed change on a link without `lengthKm` is refused
 * (`cannot-recompute-time`): set `timeMin` instead. Recomputed times are not rounded. `lanes` does not recompute
 * capacity: set both. A link counts as changed when one of the fields the modification names gets a new value;
 * links whose named fields already have the values are misses (so a repeated set-link is a `no-effect` error).
 */
import { z } from "zod";
import type { ScenarioIssue } from "../../io/scenario-file.ts";
import type { Layer, LinkAttributes, Network } from "../../model/network.ts";
import { BaseModification, listIds, noteSchema, plural, type IssueBuilder, type ModificationLog, type ModificationModule, type ScenarioContext } from "../modification.ts";
import { idListSchema, linkSelectorIssues, resolveLinkTargets, whereSchema } from "../link-targets.ts";
import { LAYER_FIELDS, nonNegativeNumber, positiveNumber, SETTABLE_LINK_FIELDS, travelTimeMin, type SettableLinkField } from "../link-fields.ts";

const fieldValuesSchema = z
  .strictObject({
    timeMin: nonNegativeNumber.describe("minutes, ≥ 0; set directly"),
    speedKph: positiveNumber.describe("km/h, > 0; recomputes timeMin on links with lengthKm"),
    borderDelayMin: nonNegativeNumber.describe("minutes, ≥ 0; recomputes timeMin"),
    capacityVehPerHour: positiveNumber.describe("veh/h per direction, > 0 (use close-link to close a link)"),
    capacityMw: positiveNumber.describe("MW, > 0"),
    lanes: z.number().int().positive().describe("lanes, both directions, integer > 0 (capacity is not recomputed)"),
    trainsPerDay: positiveNumber.describe("scheduled trains per day in the link's direction, > 0"),
    waitMin: nonNegativeNumber.describe("minutes, ≥ 0, transit boarding links; shifts timeMin by the change in wait"),
  })
  .partial();
const scaleValuesSchema = z
  .strictObject({
    timeMin: positiveNumber,
    speedKph: positiveNumber,
    borderDelayMin: positiveNumber,
    capacityVehPerHour: positiveNumber,
    capacityMw: positiveNumber,
    trainsPerDay: positiveNumber,
    waitMin: positiveNumber,
  })
  .partial()
  .describe("Multipliers (> 0) applied to the current values (lanes cannot be scaled: set them).");

/** `set-link`: sets (`set`) or multiplies (`scale`) link attributes. */
export const setLinkSchema = z.strictObject({
  type: z.literal("set-link"),
  links: idListSchema.optional(),
  where: whereSchema.optional(),
  set: fieldValuesSchema.optional(),
  scale: scaleValuesSchema.optional(),
  note: noteSchema.optional(),
});
export type SetLinkValue = z.infer<typeof setLinkSchema>;

/**
 * Checks of a `set-link` that need only the file, after those of its selector: `set` or `scale` given and not empty
 * (`missing-key`, `empty-set`), no field both set and scaled, and no timeMin together with a field that recomputes
 * it (`conflicting-fields`).
 * @example setLinkFileIssues({ type: "set-link", links: ["x"], set: { timeMin: 10, speedKph: 80 } }, at)[0].code // "conflicting-fields"
 */
export function setLinkFileIssues(value: SetLinkValue, at: IssueBuilder): ScenarioIssue[] {
  const out = linkSelectorIssues(value, at);
  const setKeys = Object.keys(value.set ?? {});
  const scaleKeys = Object.keys(value.scale ?? {});
  if (value.set === undefined && value.scale === undefined) {
    out.push(at(["set"], "missing-key", `missing required key "set" (new values) or "scale" (multipliers)`));
  }
  if (value.set !== undefined && setKeys.length === 0) {
    out.push(at(["set"], "empty-set", `"set" must give at least one of ${SETTABLE_LINK_FIELDS.join(", ")}`));
  }
  if (value.scale !== undefined && scaleKeys.length === 0) {
    out.push(at(["scale"], "empty-set", `"scale" must give at least one of ${SETTABLE_LINK_FIELDS.join(", ")}`));
  }
  for (const k of setKeys) {
    if (scaleKeys.includes(k)) out.push(at(["scale", k], "conflicting-fields", `"${k}" is both set and scaled; give one`));
  }
  const all = [...setKeys, ...scaleKeys];
  if (all.includes("timeMin") && (all.includes("speedKph") || all.includes("borderDelayMin") || all.includes("waitMin"))) {
    const where = setKeys.includes("timeMin") ? "set" : "scale";
    out.push(at([where, "timeMin"], "conflicting-fields", `"timeMin" cannot be changed together with speedKph, borderDelayMin or waitMin (they recompute timeMin)`));
  }
  return out;
}

type Changes = Partial<Pick<LinkAttributes, SettableLinkField>>;

/**
 * Sets or scales link attributes.
 *
 * resolve: unknown ids → `unknown-link`; a field the link's layer does not have → `field-not-on-layer` (e.g.
 * capacityMw on a road link); scaling a field a link lacks, ids removed earlier and links already at the values are
 * misses; a speed change without lengthKm → `cannot-recompute-time`; all misses → `no-effect`; some →
 * `partial-match` (warning).
 * apply: writes the new values (and recomputed timeMin); log e.g. "set borderDelayMin = 0 on 6 links (timeMin
 * recomputed)", counts `{ changed, unchanged, missing }`.
 * @example { type: set-link, links: [road:x], set: { speedKph: 50 } } // 20 km at 100 → 50 km/h: timeMin 12 → 24
 */
export class SetLink extends BaseModification<SetLinkValue> {
  private changes: { id: string; next: Changes }[] = [];
  private unchanged = 0;
  private missing = 0;
  private timeRecomputed = false;

  resolve(network: Network, ctx: ScenarioContext): ScenarioIssue[] {
    const targets = resolveLinkTargets(network, ctx, this.value, this.at);
    const issues = [...targets.issues];
    const set = (this.value.set ?? {}) as Changes;
    const scale = (this.value.scale ?? {}) as Changes;
    const setKeys = Object.keys(set) as SettableLinkField[];
    const scaleKeys = Object.keys(scale) as SettableLinkField[];
    this.changes = [];
    this.timeRecomputed = false;

    const layers = new Set<Layer>();
    for (const id of targets.linkIds) layers.add(network.getEdgeAttribute(id, "layer"));
    let layerProblem = false;
    for (const [kind, keys] of [["set", setKeys], ["scale", scaleKeys]] as const) {
      for (const field of keys) {
        const lacking = [...layers].filter((l) => !LAYER_FIELDS[l].includes(field)).sort();
        if (lacking.length === 0) continue;
        layerProblem = true;
        const have = lacking.map((l) => `${l} links have ${LAYER_FIELDS[l].join(", ")}`).join("; ");
        issues.push(this.at([kind, field], "field-not-on-layer", `${field} is not a field of ${lacking.join(" or ")} links (${have})`));
      }
    }
    if (layerProblem) return issues;

    const misses = targets.misses.map((m) => `${m.id} (${m.reason})`);
    const noLength: string[] = [];
    let unchanged = 0;
    for (const id of targets.linkIds) {
      const a = network.getEdgeAttributes(id);
      const next: Changes = {};
      let lacking: SettableLinkField | undefined;
      for (const f of setKeys) next[f] = set[f];
      for (const f of scaleKeys) {
        const current = a[f];
        if (current === undefined) lacking = f;
        else next[f] = current * scale[f]!;
      }
      if (lacking !== undefined) {
        misses.push(`${id} (has no ${lacking} to scale)`);
        continue;
      }
      const named = [...setKeys, ...scaleKeys];
      if (named.every((f) => next[f] === a[f])) {
        unchanged++;
        misses.push(`${id} (already has these values)`);
        continue;
      }
      if (next.speedKph !== undefined || next.borderDelayMin !== undefined || next.waitMin !== undefined) {
        const speedKph = next.speedKph ?? a.speedKph;
        const borderDelayMin = next.borderDelayMin ?? a.borderDelayMin;
        const waitMin = next.waitMin ?? a.waitMin;
        if (a.lengthKm !== undefined && speedKph !== undefined) {
          next.timeMin = travelTimeMin({ lengthKm: a.lengthKm, speedKph, borderDelayMin, waitMin });
        } else if (next.speedKph !== undefined) {
          noLength.push(id);
          continue;
        } else if (a.timeMin !== undefined) {
          next.timeMin = a.timeMin - (a.borderDelayMin ?? 0) + (borderDelayMin ?? 0) - (a.waitMin ?? 0) + (waitMin ?? 0);
        }
        this.timeRecomputed = true;
      }
      this.changes.push({ id, next });
    }
    if (noLength.length > 0) {
      const path = setKeys.includes("speedKph") ? ["set", "speedKph"] : ["scale", "speedKph"];
      issues.push(
        this.at(path, "cannot-recompute-time", `link(s) without lengthKm cannot take a new speedKph (timeMin would not follow); set timeMin instead: ${listIds(noLength)}`),
      );
    }
    this.unchanged = unchanged;
    this.missing = targets.misses.length;
    const selectorPath = this.value.links !== undefined ? ["links"] : ["where"];
    if (issues.length === 0 && this.changes.length === 0) {
      issues.push(this.at(selectorPath, "no-effect", `set-link changes nothing: ${listIds(misses)}`));
    } else if (this.changes.length > 0 && misses.length > 0) {
      issues.push(
        this.at(selectorPath, "partial-match", `set-link changes ${plural(this.changes.length, "link")}; ${misses.length} target(s) changed nothing: ${listIds(misses)}`, {
          severity: "warning",
        }),
      );
    }
    return issues;
  }

  apply(network: Network): ModificationLog {
    for (const { id, next } of this.changes) network.mergeEdgeAttributes(id, next);
    const parts = [
      ...Object.entries(this.value.set ?? {}).map(([k, v]) => `set ${k} = ${String(v)}`),
      ...Object.entries(this.value.scale ?? {}).map(([k, v]) => `scaled ${k} × ${String(v)}`),
    ];
    const recomputed = this.timeRecomputed ? " (timeMin recomputed)" : "";
    return this.log(`${parts.join(", ")} on ${plural(this.changes.length, "link")}${recomputed}`, {
      changed: this.changes.length,
      unchanged: this.unchanged,
      missing: this.missing,
    });
  }
}

/** The `set-link` modification type: schema, file checks ({@link setLinkFileIssues}) and class. */
export const setLinkModule: ModificationModule<typeof setLinkSchema> = {
  type: "set-link",
  schema: setLinkSchema,
  fileIssues: setLinkFileIssues,
  create: (entry, spec) => new SetLink(entry, spec),
};
