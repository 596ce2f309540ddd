/**
 * `close-link`: keeps the matched links in the network with `closed: true`, which the engine treats as impassable
 * with capacity 0 (a closure needs no rebuild of the compiled network).
 */
import type { CloseLinkValue, ScenarioIssue } from "../../io/scenario-file.ts";
import type { Network } from "../../model/network.ts";
import { BaseModification, listIds, plural, type ModificationLog, type ScenarioContext } from "../modification.ts";
import { resolveLinkTargets } from "../link-targets.ts";

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
    const targets = resolveLinkTargets(network, ctx, this.value, (p, c, m, e) => this.at(p, c, m, e));
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
