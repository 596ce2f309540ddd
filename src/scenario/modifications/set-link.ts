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
import type { ScenarioIssue, SetLinkValue, SettableLinkField } from "../../io/scenario-file.ts";
import type { Layer, LinkAttributes, Network } from "../../model/network.ts";
import { BaseModification, listIds, plural, type ModificationLog, type ScenarioContext } from "../modification.ts";
import { resolveLinkTargets } from "../link-targets.ts";
import { LAYER_FIELDS, travelTimeMin } from "../link-fields.ts";

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
    const targets = resolveLinkTargets(network, ctx, this.value, (p, c, m, e) => this.at(p, c, m, e));
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
