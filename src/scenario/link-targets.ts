/**
 * Link targets: the `links` (link or facility ids) or `where` filter of a `close-link`, `remove-link` or `set-link`:
 * their schema and file checks, and the link ids they match in the working network, telling typos (errors, with
 * "did you mean") from links removed earlier (misses).
 *
 * A facility id matches every direction of the facility. Candidates for "did you mean" are the link and facility
 * ids sharing the unknown id's prefix up to its first ":" (`road:`, `rail:` …), or all ids when none share it.
 */
import { z } from "zod";
import type { ScenarioIssue } from "../io/scenario-file.ts";
import { compareCodeUnits } from "../model/compare-code-units.ts";
import { didYouMean, didYouMeanText } from "../model/did-you-mean.ts";
import type { LinkAttributes, Network } from "../model/network.ts";
import { layerSchema } from "./link-fields.ts";
import type { IssueBuilder, ScenarioContext } from "./modification.ts";

const statusSchema = z.enum(["existing", "under-construction", "planned"]);

/** Schema of `links`: one or more link or facility ids. */
export const idListSchema = z
  .array(z.string().min(1))
  .min(1)
  .describe("Link ids (e.g. road:G2:310100-320500:ab) or facility ids (both directions, e.g. road:crossing:sutong).");

/** Schema of `where`: a filter on link attributes. */
export const whereSchema = z
  .strictObject({
    layer: layerSchema.optional(),
    linkType: z.string().min(1).optional(),
    status: statusSchema.optional(),
    crossesProvincialBorder: z.boolean().optional(),
    crossesYangtze: z.boolean().optional(),
    crossingId: z.string().min(1).optional(),
    projectId: z.string().min(1).optional(),
  })
  .describe("Selects every link whose attributes equal all the given values (an absent true/false attribute counts as false).");

export type WhereValue = z.infer<typeof whereSchema>;

/** A modification's link selector as it passed the schema. */
export interface LinkSelector {
  links?: string[] | undefined;
  where?: WhereValue | undefined;
}

/** A target that matched nothing in the working network, and why. */
export interface TargetMiss {
  id: string;
  reason: string;
}

/** What a `links`/`where` selector matched. */
export interface LinkTargets {
  /** Matched link ids in the working network, deduplicated, in code-unit order. */
  linkIds: string[];
  /** Ids that exist in the base network (or were added earlier) but are no longer in the working copy. */
  misses: TargetMiss[];
  /** Errors: unknown ids (`unknown-link`), a filter matching nothing (`no-match`). */
  issues: ScenarioIssue[];
}

/**
 * Checks of a selector that need only the file: exactly one of `links` and `where` (`links-and-where`,
 * `missing-key`), a `where` naming at least one attribute (`empty-where`), and ids listed twice (`duplicate-target`,
 * a warning: the second is ignored).
 * @example linkSelectorIssues({ links: ["x", "x"] }, at)[0].code // "duplicate-target"
 */
export function linkSelectorIssues(selector: LinkSelector, at: IssueBuilder): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  if (selector.links !== undefined && selector.where !== undefined) {
    out.push(at(["where"], "links-and-where", `give either "links" (ids) or "where" (a filter), not both`));
  } else if (selector.links === undefined && selector.where === undefined) {
    out.push(at(["links"], "missing-key", `missing required key "links" (a list of link or facility ids) or "where" (a filter)`));
  }
  if (selector.where !== undefined && Object.keys(selector.where).length === 0) {
    out.push(at(["where"], "empty-where", `"where" must name at least one attribute (layer, linkType, status, crossesProvincialBorder, crossesYangtze, crossingId, projectId)`));
  }
  const seen = new Set<string>();
  selector.links?.forEach((id, j) => {
    if (seen.has(id)) out.push(at(["links", j], "duplicate-target", `"${id}" is listed twice; the second is ignored`, { severity: "warning" }));
    seen.add(id);
  });
  return out;
}

/**
 * Facility id → its link ids (in code-unit order) in `network`.
 * @example facilityIndex(net).get("road:ab") // ["road:ab:ab", "road:ab:ba"]
 */
export function facilityIndex(network: Network): Map<string, string[]> {
  const index = new Map<string, string[]>();
  network.forEachEdge((id, a) => {
    const list = index.get(a.facilityId);
    if (list) list.push(id);
    else index.set(a.facilityId, [id]);
  });
  for (const list of index.values()) list.sort(compareCodeUnits);
  return index;
}

/**
 * Closest id among `candidates` that share `id`'s prefix up to its first ":" (all candidates when none share it).
 * @example suggestId("road:crossing:sutnog", ["road:crossing:sutong", "rail:sutong"]) // "road:crossing:sutong"
 */
export function suggestId(id: string, candidates: Iterable<string>): string | undefined {
  const colon = id.indexOf(":");
  const all = [...candidates];
  if (colon >= 0) {
    const prefix = id.slice(0, colon + 1);
    const same = all.filter((c) => c.startsWith(prefix));
    if (same.length > 0) return didYouMean(id, same);
  }
  return didYouMean(id, all);
}

/**
 * Whether a link's attributes equal every value of a `where` filter (absent booleans count as false).
 * @example matchesWhere({ layer: "road", linkType: "expressway", … }, { crossesProvincialBorder: false }) // true
 */
export function matchesWhere(a: LinkAttributes, where: WhereValue): boolean {
  if (where.layer !== undefined && a.layer !== where.layer) return false;
  if (where.linkType !== undefined && a.linkType !== where.linkType) return false;
  if (where.status !== undefined && a.status !== where.status) return false;
  if (where.crossingId !== undefined && a.crossingId !== where.crossingId) return false;
  if (where.crossesProvincialBorder !== undefined && (a.crossesProvincialBorder ?? false) !== where.crossesProvincialBorder) return false;
  if (where.crossesYangtze !== undefined && (a.crossesYangtze ?? false) !== where.crossesYangtze) return false;
  if (where.projectId !== undefined && !(a.projectIds ?? []).includes(where.projectId)) return false;
  return true;
}

/**
 * Resolves a selector against the working network.
 * @param network working copy (not modified)
 * @param ctx scenario context (known ids)
 * @param selector `links` (ids, paths `links[j]`) or `where` (path `where`)
 * @param at issue builder relative to the modification
 * @returns matched link ids, misses and errors; an unknown id gives `unknown-link` with a suggestion, a `where`
 *   matching nothing gives `no-match` (with a suggestion for a string value no link has)
 * @example resolveLinkTargets(net, ctx, { links: ["road:crossing:sutong"] }, at).linkIds
 * // ["road:crossing:sutong:ab", "road:crossing:sutong:ba"]
 */
export function resolveLinkTargets(
  network: Network,
  ctx: ScenarioContext,
  selector: LinkSelector,
  at: IssueBuilder,
): LinkTargets {
  const matched = new Set<string>();
  const misses: TargetMiss[] = [];
  const issues: ScenarioIssue[] = [];
  if (selector.links !== undefined) {
    const facilities = facilityIndex(network);
    const seen = new Set<string>();
    let candidates: Set<string> | undefined; // for "did you mean", built at the first unknown id
    selector.links.forEach((id, j) => {
      if (seen.has(id)) return;
      seen.add(id);
      if (network.hasEdge(id)) {
        matched.add(id);
        return;
      }
      const links = facilities.get(id);
      if (links) {
        for (const l of links) matched.add(l);
        return;
      }
      if (ctx.knownLinkIds.has(id)) {
        misses.push({ id, reason: "removed by an earlier modification" });
        return;
      }
      if (candidates === undefined) {
        candidates = new Set<string>(ctx.knownLinkIds);
        for (const [facilityId, linkIds] of facilities) {
          candidates.add(facilityId);
          for (const l of linkIds) candidates.add(l);
        }
      }
      const suggestion = suggestId(id, candidates);
      issues.push(
        at(["links", j], "unknown-link", `unknown link or facility id "${id}"${didYouMeanText(suggestion)}`, suggestion === undefined ? {} : { suggestion }),
      );
    });
  } else if (selector.where !== undefined) {
    const where = selector.where;
    network.forEachEdge((id, a) => {
      if (matchesWhere(a, where)) matched.add(id);
    });
    if (matched.size === 0) {
      // Point at a string value that no link has, with the closest existing value.
      let located = false;
      for (const key of ["linkType", "crossingId", "projectId"] as const) {
        const wanted = where[key];
        if (wanted === undefined) continue;
        const values = new Set<string>();
        network.forEachEdge((_id, a) => {
          if (key === "projectId") for (const p of a.projectIds ?? []) values.add(p);
          else if (a[key] !== undefined) values.add(a[key]!);
        });
        if (values.has(wanted)) continue;
        const suggestion = didYouMean(wanted, values);
        issues.push(
          at(["where", key], "no-match", `no link has ${key} "${wanted}"${didYouMeanText(suggestion)}`, suggestion === undefined ? {} : { suggestion }),
        );
        located = true;
      }
      if (!located) issues.push(at(["where"], "no-match", `"where" ${JSON.stringify(where)} matches no link in the network`));
    }
  }
  return { linkIds: [...matched].sort(compareCodeUnits), misses, issues };
}
