/**
 * `remove-link`: deletes the matched links from the working copy (the model-level operation; `close-link` is the
 * cheap one). End nodes left without any infrastructure link are removed at the end of the scenario run.
 */
import type { RemoveLinkValue, ScenarioIssue } from "../../io/scenario-file.ts";
import type { Network } from "../../model/network.ts";
import { BaseModification, listIds, plural, type ModificationLog, type ScenarioContext } from "../modification.ts";
import { resolveLinkTargets } from "../link-targets.ts";

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
    const targets = resolveLinkTargets(network, ctx, this.value, (p, c, m, e) => this.at(p, c, m, e));
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
