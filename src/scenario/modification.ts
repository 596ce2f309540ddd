/**
 * Modification contract: one scenario change, resolved against the network (collecting issues, touching nothing)
 * and then applied to the working copy, returning a log entry with counts (R5 `Modification.resolve/apply`). A
 * modification type is one module (`src/scenario/modifications/<type>.ts`): its schema in the scenario file, the
 * checks the file alone can answer, and its class; `registry.ts` lists the modules.
 *
 * Design: R5 sorts modifications by a `sortOrder`; deltanet does not, because the scenario list is ordered on purpose
 * (a `close-link` may target a link an earlier `add-link` created; parents' modifications come first), so there is no
 * `sortOrder`. Resolution state (the matched links) is kept on the instance between `resolve` and `apply`.
 */
import { z } from "zod";
import type { PathSegments } from "../io/positions.ts";
import { issueAt, type ScenarioFile, type ScenarioIssue } from "../io/scenario-file.ts";
import type { Network } from "../model/network.ts";
import type { ModificationType } from "./registry.ts";

/** Schema of the free-text `note` every modification may carry. */
export const noteSchema = z.string().describe("Free text: why this modification is here.");

/** Builds an issue at a path relative to one modification (`modifications[index].<path>` of its file). */
export type IssueBuilder = (path: PathSegments, code: string, message: string, extra?: Partial<ScenarioIssue>) => ScenarioIssue;

/**
 * The issue builder of the modification at `index` of `spec`'s list: issues carry `modificationIndex` and
 * `modificationType`, then `extra` (e.g. `{ severity: "warning" }`).
 * @example modificationIssueBuilder(spec, 2, "close-link")(["links", 0], "unknown-link", "…").path // "modifications[2].links[0]"
 */
export function modificationIssueBuilder(spec: Pick<ScenarioFile, "file" | "source">, index: number, type: string): IssueBuilder {
  return (path, code, message, extra = {}) =>
    issueAt(spec, ["modifications", index, ...path], code, message, { modificationIndex: index, modificationType: type, ...extra });
}

/** An entry of a file's `modifications` list that passed its type's schema, with its position in the list. */
export interface CheckedEntry<V> {
  /** Position in the file's `modifications` list (0-based); paths are `modifications[index]…`. */
  index: number;
  value: V;
}

/** The zod schema of one modification type: a strict object whose `type` is the kebab-case type code. */
export type ModificationSchema = z.ZodType<{ type: string }>;

/** One modification type: what the scenario layer needs to read, check and run it. Listed in `registry.ts`. */
export interface ModificationModule<S extends ModificationSchema = ModificationSchema> {
  /** Kebab-case type code, the schema's `type` literal. */
  readonly type: z.output<S>["type"];
  /** Schema of an entry of this type in a scenario file (also the entry's part of `scenarios/schema.json`). */
  readonly schema: S;
  /**
   * Checks that only the file can answer, once the schema passed (field combinations, duplicates), at paths relative
   * to the modification; errors keep the entry out of the scenario, warnings do not.
   */
  fileIssues(value: z.output<S>, at: IssueBuilder): ScenarioIssue[];
  /** A fresh, unresolved modification for a checked entry of `spec`. */
  create(entry: CheckedEntry<z.output<S>>, spec: Pick<ScenarioFile, "file" | "source">): Modification;
}

/** The `fileIssues` of a module that checks nothing beyond its schema: no issues. */
export function noFileIssues(): ScenarioIssue[] {
  return [];
}

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
  /** Builds issues at `modifications[index].<path>` of this modification's file. */
  protected readonly at: IssueBuilder;

  constructor(entry: CheckedEntry<V>, spec: Pick<ScenarioFile, "file" | "source">) {
    this.value = entry.value;
    this.type = this.value.type;
    this.index = entry.index;
    this.file = spec.file;
    this.at = modificationIssueBuilder(spec, this.index, this.type);
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
