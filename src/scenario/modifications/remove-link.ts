/**
 * `remove-link`: deletes the matched links from the working copy (the model-level operation; `close-link` is the
 * cheap one). End nodes left without any infrastructure link are removed at the end of the scenario run.
 */
import { z } from "zod";
import type { ScenarioIssue } from "../../io/scenario-file.ts";
import type { Network } from "../../model/network.ts";
import { BaseModification, listIds, noteSchema, plural, type ModificationLog, type ModificationModule, type ScenarioContext } from "../modification.ts";
import { idListSchema, linkSelectorIssues, resolveLinkTargets, whereSchema } from "../link-targets.ts";

/** `remove-link`: deletes the links from the network. */
export const removeLinkSchema = z.strictObject({
  type: z.literal("remove-link"),
  links: idListSchema.optional(),
  where: whereSchema.optional(),
  note: noteSchema.optional(),
});
export type RemoveLinkValue = z.infer<typeof removeLinkSchema>;

/**
 * Removes links named by id/facility id or selected by `where`.
 *
 * resolve: unknown ids → `unknown-link` (error, with "did you mean"); ids removed earlier are misses; all misses →
 * `no-effect` (error); some → `partial-match` (warning).
 * apply: drops each matched link; log "removed N links", counts `{ removed, missing }`.
 * @example modifications: [{ type: remove-link, links: [rail:leg:a-b] }] // log "removed 2 links"
 */
export class RemoveLink extends BaseModification<RemoveLinkValue> {
  private toRemove: string[] = [];
  private missing = 0;

  resolve(network: Network, ctx: ScenarioContext): ScenarioIssue[] {
    const targets = resolveLinkTargets(network, ctx, this.value, this.at);
    const issues = [...targets.issues];
    this.toRemove = targets.linkIds;
    this.missing = targets.misses.length;
    const misses = targets.misses.map((m) => `${m.id} (${m.reason})`);
    const selectorPath = this.value.links !== undefined ? ["links"] : ["where"];
    if (issues.length === 0 && this.toRemove.length === 0) {
      issues.push(this.at(selectorPath, "no-effect", `remove-link changes nothing: ${listIds(misses)}`));
    } else if (this.toRemove.length > 0 && misses.length > 0) {
      issues.push(
        this.at(selectorPath, "partial-match", `remove-link removes ${plural(this.toRemove.length, "link")}; ${misses.length} target(s) changed nothing: ${listIds(misses)}`, {
          severity: "warning",
        }),
      );
    }
    return issues;
  }

  apply(network: Network, ctx: ScenarioContext): ModificationLog {
    for (const id of this.toRemove) {
      network.dropEdge(id);
      ctx.outOfService.delete(id);
    }
    return this.log(`removed ${plural(this.toRemove.length, "link")}`, { removed: this.toRemove.length, missing: this.missing });
  }
}

/** The `remove-link` modification type: schema, file checks (`links` XOR `where`) and class. */
export const removeLinkModule: ModificationModule<typeof removeLinkSchema> = {
  type: "remove-link",
  schema: removeLinkSchema,
  fileIssues: linkSelectorIssues,
  create: (entry, spec) => new RemoveLink(entry, spec),
};
