/**
 * Modification contract: one scenario change, resolved against the network (collecting issues, touching nothing)
 * and then applied to the working copy, returning a log entry with counts (R5 `Modification.resolve/apply`).
 *
 * Design: R5 sorts modifications by a `sortOrder`; deltanet does not, because the scenario list is ordered on purpose
 * (a `close-link` may target a link an earlier `add-link` created; parents' modifications come first), so there is no
 * `sortOrder`. Resolution state (the matched links) is kept on the instance between `resolve` and `apply`.
 */
import type { ModificationEntry, ModificationType, ScenarioIssue, ScenarioSpec } from "../io/scenario-file.ts";
import { issueAt } from "../io/scenario-file.ts";
import type { Network } from "../model/network.ts";
import type { PathSegments } from "../io/positions.ts";

/** State shared by the modifications of one scenario run. */
export interface ScenarioContext {
  /** The base network, never modified: the ids a user may know (to tell a typo from a link removed earlier). */
  readonly base: Network;
  /** Ids of links out of service in the working copy (by asOfDate, not yet opened); removed at the end of the run. */
  readonly outOfService: Set<string>;
  /** Every link id and facility id of the base network plus those added so far by `add-link`. */
  readonly knownLinkIds: Set<string>;
}

/** What a modification did, for the scenario log (R5 info messages). */
export interface ModificationLog {
  /** Position in its file's `modifications` list. */
  index: number;
  /** The scenario file it comes from. */
  file: string;
  type: ModificationType;
  /** One line, e.g. "closed 2 links". */
  message: string;
  /** Counts behind the message, e.g. `{ closed: 2, alreadyClosed: 0, missing: 0 }`. */
  counts: Record<string, number>;
}

/** One scenario change. Create through `createModification` (registry). */
export interface Modification {
  readonly type: ModificationType;
  /** Position in its file's `modifications` list. */
  readonly index: number;
  readonly file: string;
  /**
   * Checks the modification against the network as left by the modifications before it, remembering what it will
   * change. Never modifies `network` or `ctx`.
   * @returns every problem found (errors and warnings), each with file, line, column and path
   */
  resolve(network: Network, ctx: ScenarioContext): ScenarioIssue[];
  /**
   * Applies the change resolved by the last `resolve` call (which returned no error) to the working copy.
   * @throws Error only on a programming error (apply without a clean resolve)
   */
  apply(network: Network, ctx: ScenarioContext): ModificationLog;
}

/** Shared plumbing: the entry, its file and an `at(path, …)` issue builder relative to this modification. */
export abstract class BaseModification<V extends { type: ModificationType }> implements Modification {
  readonly type: ModificationType;
  readonly index: number;
  readonly file: string;
  protected readonly value: V;
  protected readonly spec: Pick<ScenarioSpec, "file" | "source">;

  constructor(entry: ModificationEntry, spec: Pick<ScenarioSpec, "file" | "source">) {
    this.value = entry.value as unknown as V;
    this.type = this.value.type;
    this.index = entry.index;
    this.file = spec.file;
    this.spec = spec;
  }

  /** An issue at `modifications[index].<path>` of this modification's file. */
  protected at(path: PathSegments, code: string, message: string, extra: Partial<ScenarioIssue> = {}): ScenarioIssue {
    return issueAt(this.spec, ["modifications", this.index, ...path], code, message, {
      modificationIndex: this.index,
      modificationType: this.type,
      ...extra,
    });
  }

  protected log(message: string, counts: Record<string, number>): ModificationLog {
    return { index: this.index, file: this.file, type: this.type, message, counts };
  }

  abstract resolve(network: Network, ctx: ScenarioContext): ScenarioIssue[];
  abstract apply(network: Network, ctx: ScenarioContext): ModificationLog;
}

/** "1 link" / "2 links". @example plural(2, "link") // "2 links" */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Largest number of ids listed in one message; the rest are counted ("… and 12 more"). */
export const MAX_LISTED_IDS = 10;

/**
 * Lists ids for a message, at most {@link MAX_LISTED_IDS}.
 * @example listIds(["a", "b"]) // "a, b"
 */
export function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_LISTED_IDS).join(", ");
  return ids.length > MAX_LISTED_IDS ? `${shown} … and ${ids.length - MAX_LISTED_IDS} more` : shown;
}
