/**
 * `close-link`: keeps the matched links in the network with `closed: true`, which the engine treats as impassable
 * with capacity 0 (a closure needs no rebuild of the compiled network).
 */
import { z } from "zod";
import type { ScenarioIssue } from "../../io/scenario-file.ts";
import type { Network } from "../../model/network.ts";
import { BaseModification, listIds, noteSchema, plural, type ModificationLog, type ModificationModule, type ScenarioContext } from "../modification.ts";
import { idListSchema, linkSelectorIssues, resolveLinkTargets, whereSchema } from "../link-targets.ts";

/** `close-link`: keeps the links but marks them `closed: true` (impassable, capacity 0 for the engine). */
export const closeLinkSchema = z.strictObject({
  type: z.literal("close-link"),
  links: idListSchema.optional(),
  where: whereSchema.optional(),
  note: noteSchema.optional(),
});
export type CloseLinkValue = z.infer<typeof closeLinkSchema>;

/**
 * Closes links named by id/facility id or selected by `where`.
 *
 * resolve: unknown ids → `unknown-link` (error, with "did you mean"); ids removed earlier and links already closed
 * are misses; all misses → `no-effect` (error); some misses → `partial-match` (warning listing them).
 * apply: sets `closed: true` on each matched link not yet closed; log "closed N links", counts
 * `{ closed, alreadyClosed, missing }`.
 * @example modifications: [{ type: close-link, links: [road:crossing:sutong] }] // log "closed 2 links"
 */
export class CloseLink extends BaseModification<CloseLinkValue> {
  private toClose: string[] = [];
  private alreadyClosed = 0;
  private missing = 0;

  resolve(network: Network, ctx: ScenarioContext): ScenarioIssue[] {
    const targets = resolveLinkTargets(network, ctx, this.value, this.at);
    const issues = [...targets.issues];
    const already = targets.linkIds.filter((id) => network.getEdgeAttribute(id, "closed") === true);
    this.toClose = targets.linkIds.filter((id) => network.getEdgeAttribute(id, "closed") !== true);
    this.alreadyClosed = already.length;
    this.missing = targets.misses.length;
    const misses = [...targets.misses.map((m) => `${m.id} (${m.reason})`), ...already.map((id) => `${id} (already closed)`)];
    const selectorPath = this.value.links !== undefined ? ["links"] : ["where"];
    if (issues.length === 0 && this.toClose.length === 0) {
      issues.push(this.at(selectorPath, "no-effect", `close-link changes nothing: ${misses.length > 0 ? listIds(misses) : "no link matched"}`));
    } else if (this.toClose.length > 0 && misses.length > 0) {
      issues.push(
        this.at(selectorPath, "partial-match", `close-link closes ${plural(this.toClose.length, "link")}; ${misses.length} target(s) changed nothing: ${listIds(misses)}`, {
          severity: "warning",
        }),
      );
    }
    return issues;
  }

  apply(network: Network): ModificationLog {
    for (const id of this.toClose) network.setEdgeAttribute(id, "closed", true);
    return this.log(`closed ${plural(this.toClose.length, "link")}`, {
      closed: this.toClose.length,
      alreadyClosed: this.alreadyClosed,
      missing: this.missing,
    });
  }
}

/** The `close-link` modification type: schema, file checks (`links` XOR `where`) and class. */
export const closeLinkModule: ModificationModule<typeof closeLinkSchema> = {
  type: "close-link",
  schema: closeLinkSchema,
  fileIssues: linkSelectorIssues,
  create: (entry, spec) => new CloseLink(entry, spec),
};
