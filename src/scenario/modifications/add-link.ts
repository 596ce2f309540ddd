/**
 * `add-link`: adds a new facility between two existing nodes, as two directed links `<id>:ab` / `<id>:ba`
 * (`twoWay`, the default) or one link `<id>`, all with facilityId `<id>`.
 *
 * Added links get status `planned` (a scenario facility is not recorded data) and are in service in the result; their
 * `timeMin` is the given one or lengthKm / speedKph × 60 + borderDelayMin + waitMin. Nodes are never created here:
 * both ends must exist, so a typo in a node id is caught with a "did you mean".
 */
import { z } from "zod";
import type { ScenarioIssue } from "../../io/scenario-file.ts";
import { didYouMean, didYouMeanText } from "../../model/did-you-mean.ts";
import { addLink, type LinkAttributes, type Network } from "../../model/network.ts";
import { BaseModification, noFileIssues, noteSchema, plural, type ModificationLog, type ModificationModule, type ScenarioContext } from "../modification.ts";
import { facilityIndex, suggestId } from "../link-targets.ts";
import { ADD_LINK_EXTRA_FIELDS, LAYER_FIELDS, layerSchema, nonNegativeNumber, positiveNumber, travelTimeMin } from "../link-fields.ts";

/** The `link` of an `add-link`. */
const addLinkValueSchema = z.strictObject({
  id: z.string().min(1).describe("Facility id; a two-way link adds `<id>:ab` and `<id>:ba`, a one-way link adds `<id>`."),
  fromNodeId: z.string().min(1),
  toNodeId: z.string().min(1),
  layer: layerSchema,
  linkType: z.string().min(1),
  name: z.string().optional(),
  nameZh: z.string().optional(),
  twoWay: z.boolean().optional().describe("Default true."),
  lengthKm: nonNegativeNumber.optional(),
  speedKph: positiveNumber.optional(),
  timeMin: nonNegativeNumber.optional().describe("Minutes; default lengthKm / speedKph × 60 + borderDelayMin + waitMin."),
  borderDelayMin: nonNegativeNumber.optional(),
  waitMin: nonNegativeNumber.optional(),
  capacityVehPerHour: positiveNumber.optional(),
  lanes: z.number().int().positive().optional(),
  capacityMw: positiveNumber.optional(),
  trainsPerDay: positiveNumber.optional(),
  vesselClass: z.string().optional(),
  crossesProvincialBorder: z.boolean().optional(),
  crossesYangtze: z.boolean().optional(),
  crossingId: z.string().optional(),
  projectIds: z.array(z.string().min(1)).optional(),
  estimate: z.boolean().optional(),
  estimateNote: z.string().optional(),
  source: z.string().min(1).describe('Where the numbers come from, or "assumption: …".'),
});

/** `add-link`: adds a new facility (one or two directed links). */
export const addLinkSchema = z.strictObject({
  type: z.literal("add-link"),
  link: addLinkValueSchema,
  note: noteSchema.optional(),
});
export type AddLinkValue = z.infer<typeof addLinkSchema>;

const LAYERED_FIELDS = [
  "timeMin",
  "speedKph",
  "borderDelayMin",
  "capacityVehPerHour",
  "capacityMw",
  "lanes",
  "trainsPerDay",
  "lengthKm",
  "waitMin",
  "vesselClass",
] as const;

/**
 * Adds a link (or a two-way pair).
 *
 * resolve: unknown end node → `unknown-node` (with "did you mean"); same node at both ends → `self-loop`; an id or
 * facility id already in the network → `duplicate-id`; a field the layer does not have → `field-not-on-layer`; no
 * timeMin and no lengthKm + speedKph on a non-power layer → `missing-key`; an unknown project → `unknown-project`.
 * apply: adds the links; log "added 2 links (x:ab, x:ba)", counts `{ added }`.
 * @example { type: add-link, link: { id: road:b, fromNodeId: A, toNodeId: B, layer: road, linkType: expressway,
 *   lengthKm: 20, speedKph: 100, source: "assumption" } } // adds road:b:ab and road:b:ba, timeMin 12
 */
export class AddLink extends BaseModification<AddLinkValue> {
  private links: LinkAttributes[] = [];

  resolve(network: Network, _ctx: ScenarioContext): ScenarioIssue[] {
    const v = this.value.link;
    const issues: ScenarioIssue[] = [];
    for (const end of ["fromNodeId", "toNodeId"] as const) {
      if (!network.hasNode(v[end])) {
        const suggestion = suggestId(v[end], network.nodes());
        issues.push(
          this.at(["link", end], "unknown-node", `unknown node id "${v[end]}"${didYouMeanText(suggestion)}`, suggestion === undefined ? {} : { suggestion }),
        );
      }
    }
    if (v.fromNodeId === v.toNodeId) {
      issues.push(this.at(["link", "toNodeId"], "self-loop", `a link must join two different nodes (both ends are "${v.fromNodeId}")`));
    }
    const twoWay = v.twoWay ?? true;
    const ids = twoWay ? [`${v.id}:ab`, `${v.id}:ba`] : [v.id];
    const facilities = facilityIndex(network);
    if (facilities.has(v.id) || (twoWay && network.hasEdge(v.id))) {
      issues.push(this.at(["link", "id"], "duplicate-id", `facility id "${v.id}" is already in the network; choose a new id`));
    } else {
      for (const id of ids) {
        if (network.hasEdge(id)) issues.push(this.at(["link", "id"], "duplicate-id", `link id "${id}" is already in the network; choose a new id`));
      }
    }
    const allowed = new Set<string>([...LAYER_FIELDS[v.layer], ...ADD_LINK_EXTRA_FIELDS[v.layer]]);
    for (const f of LAYERED_FIELDS) {
      if (v[f] !== undefined && !allowed.has(f)) {
        issues.push(this.at(["link", f], "field-not-on-layer", `${f} is not a field of ${v.layer} links (${v.layer} links take ${[...allowed].join(", ")})`));
      }
    }
    let timeMin = v.timeMin;
    if (v.layer !== "power" && timeMin === undefined) {
      if (v.lengthKm === undefined || v.speedKph === undefined) {
        issues.push(this.at(["link", "timeMin"], "missing-key", `missing required key "timeMin" (or give lengthKm and speedKph to compute it)`));
      } else {
        timeMin = travelTimeMin({ lengthKm: v.lengthKm, speedKph: v.speedKph, borderDelayMin: v.borderDelayMin, waitMin: v.waitMin });
      }
    }
    const projects = network.getAttribute("projects") ?? {};
    v.projectIds?.forEach((p, j) => {
      if (projects[p] === undefined) {
        const suggestion = didYouMean(p, Object.keys(projects));
        issues.push(
          this.at(["link", "projectIds", j], "unknown-project", `unknown project id "${p}"${didYouMeanText(suggestion)}`, suggestion === undefined ? {} : { suggestion }),
        );
      }
    });
    if (issues.length > 0) {
      this.links = [];
      return issues;
    }
    const { twoWay: _twoWay, id: _id, ...rest } = v;
    const common: Omit<LinkAttributes, "id" | "fromNodeId" | "toNodeId"> = {
      ...rest,
      facilityId: v.id,
      status: "planned",
      ...(timeMin !== undefined ? { timeMin } : {}),
    };
    this.links = twoWay
      ? [
          { ...common, id: ids[0]!, fromNodeId: v.fromNodeId, toNodeId: v.toNodeId },
          { ...common, id: ids[1]!, fromNodeId: v.toNodeId, toNodeId: v.fromNodeId },
        ]
      : [{ ...common, id: ids[0]!, fromNodeId: v.fromNodeId, toNodeId: v.toNodeId }];
    return issues;
  }

  apply(network: Network, ctx: ScenarioContext): ModificationLog {
    for (const link of this.links) {
      addLink(network, { ...link, ...(link.projectIds ? { projectIds: [...link.projectIds] } : {}) });
      ctx.knownLinkIds.add(link.id);
    }
    ctx.knownLinkIds.add(this.value.link.id);
    return this.log(`added ${plural(this.links.length, "link")} (${this.links.map((l) => l.id).join(", ")})`, { added: this.links.length });
  }
}

/** The `add-link` modification type: schema and class (no file checks beyond the schema). */
export const addLinkModule: ModificationModule<typeof addLinkSchema> = {
  type: "add-link",
  schema: addLinkSchema,
  fileIssues: noFileIssues,
  create: (entry, spec) => new AddLink(entry, spec),
};
