/**
 * Applying a scenario: reads the `extends` chain and its network, resolves every modification collecting all
 * issues, and returns a modified copy of the network with a log; the base network is never changed (checked by sha256).
 *
 * Effective network of a chain (root → leaf):
 * 1. The root's network folder, read by `readNetworkFolder` (or `options.network`). Without `asOfDate` every link in
 *    the folder is in service, planned ones included (the full build-out).
 * 2. `asOfDate` (the one nearest the leaf): every link whose status is not `existing`, or whose `openedDate` is
 *    later, is out of service. Partial dates mean the end of their year/month (see `as-of-date.ts`).
 * 3. The modifications in order, parents' first. Each is resolved against the working copy as left by the ones
 *    before it (so a `close-link` may target a link an earlier `add-link` made) and applied only if it resolved
 *    without error; every issue of every modification is collected. `open-project` puts links back in service.
 * 4. One post-step, the service follow-up of src/model/service-follow-up.ts: transit rides follow the rail link they
 *    run over (stopped when it is closed, removed or out of service; retimed with it), out-of-service links are
 *    removed, then transit stop nodes left without a ride and stations left without a line, with their access links.
 *    A `trainsPerDay` changed under a ride is a warning (`transit-waits-unchanged`): boarding waits are not recomputed.
 * Any error → one `ScenarioError` with every issue (errors and warnings), capped at {@link MAX_ISSUES_PER_CODE} per
 * code with an "omitted" line. Warnings alone (`partial-match`, `duplicate-target`) are returned in `warnings`.
 *
 * Design: the shape of R5's `Scenario.applyToTransportNetwork`: copy → resolve all → apply → one post-step →
 * checksum. R5 resolves all modifications before applying any. Ours are ordered and may depend on each other, so
 * "resolve all" is a dry run on the working copy that is thrown away unless every modification resolved; the
 * checksum of the base before and after (R5 VERIFY_BASE_NETWORK_UNCHANGED) is always checked, since it costs one
 * serialisation of the network. A modification that failed the schema is skipped, so a later one that depends on it
 * may report a follow-on error (as compilers do).
 *
 * Cost: graphology's `copy()` and the three checksums (base before/after, result) dominate; the modifications and
 * the post-step are linear scans, and "did you mean" for an unknown id scans the ids once.
 */
import { DeltanetError, InputError, ScenarioError, IssueList } from "../errors.ts";
import { readNetworkFolder } from "../io/network-file.ts";
import { chainAsOfDate, type ScenarioIssue } from "../io/scenario-file.ts";
import { networkChecksum } from "../model/checksum.ts";
import type { Network } from "../model/network.ts";
import { followUpService } from "../model/service-follow-up.ts";
import { inServiceOn } from "./as-of-date.ts";
import type { ModificationLog, ScenarioContext } from "./modification.ts";
import { inspectScenarioChain, type ScenarioChain } from "./read-scenario.ts";
import { createModification } from "./registry.ts";

/** Options of {@link applyScenario} and {@link validateScenario}. */
export interface ApplyScenarioOptions {
  /** Base network to use instead of reading the root's `network` folder (never modified). */
  network?: Network;
}

/** What the run did besides the modifications, for reports. */
export interface ScenarioSummary {
  /** Links taken out of service by `asOfDate` (0 without one). */
  linksOutOfServiceAtAsOfDate: number;
  /** Out-of-service links removed at the end (after `open-project`). */
  outOfServiceLinksRemoved: number;
  /** Transit rides taken out of service by step 4 because their rail link was closed, removed or out of service. */
  ridesStoppedWithRailLinks: number;
  /** Transit rides whose timeMin step 4 scaled with their rail link's (ride unchanged by the modifications). */
  ridesRetimedWithRailLinks: number;
  /** Nodes removed because no infrastructure link of theirs (for a transit stop node: no ride) is left. */
  nodesRemoved: number;
  /** Access links (and board/alight links of transit stop nodes) removed with those nodes. */
  accessLinksRemovedWithNodes: number;
}

/** Result of {@link applyScenario}. */
export interface ScenarioResult {
  /** The modified copy: in-service links only (closed links kept with `closed: true`). */
  network: Network;
  scenario: {
    /** Name of the leaf file. */
    name: string;
    description?: string;
    /** Files of the chain, root first, as given/joined. */
    files: string[];
    /** sha256 of each file's bytes, parallel to `files` (64 hex characters each). */
    fileSha256: string[];
    asOfDate?: string;
    /** Number of modifications applied, all files. */
    modificationCount: number;
  };
  /** One entry per modification, in application order. */
  log: ModificationLog[];
  /** Warnings (severity `warning`) from files and modifications. */
  warnings: ScenarioIssue[];
  summary: ScenarioSummary;
  /** sha256 of the base network (see `src/model/checksum.ts`), before (= after) the run. */
  baseChecksum: string;
  /** sha256 of the result network. */
  resultChecksum: string;
}

/** Most issues reported per issue code; the rest are counted in one `issues-omitted` line. */
export const MAX_ISSUES_PER_CODE = 50;

/**
 * Caps a list of issues at {@link MAX_ISSUES_PER_CODE} per code, adding one `issues-omitted` issue per capped code.
 * @example capIssues(sixtyUnknownLinks).length // 51
 */
export function capIssues(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  const list = new IssueList({
    max: MAX_ISSUES_PER_CODE,
    perCode: true,
    omitted: (count, code) => ({ code: "issues-omitted", message: `${count} more "${code}" issue(s) omitted`, severity: "error", path: "" }),
  });
  list.addAll(issues);
  return list.list() as ScenarioIssue[];
}

/**
 * Orders issues for reading: files of the chain root first (other files, e.g. the network's, after them), then by
 * line and column; issues at the same place keep their order.
 */
function sortIssues(issues: readonly ScenarioIssue[], chain: ScenarioChain | undefined): ScenarioIssue[] {
  if (!chain) return [...issues]; // a broken chain: inspectScenarioChain already ordered them
  const order = new Map((chain?.specs ?? []).map((s, i) => [s.file, i]));
  const rank = (i: ScenarioIssue) => order.get(i.file ?? "") ?? (i.file === undefined ? -1 : order.size);
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        rank(a.issue) - rank(b.issue) ||
        (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
        (a.issue.column ?? 0) - (b.issue.column ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.issue);
}

function isError(i: ScenarioIssue): boolean {
  return i.severity !== "warning";
}

interface Execution {
  network: Network;
  log: ModificationLog[];
  issues: ScenarioIssue[];
  summary: ScenarioSummary;
  modificationCount: number;
}

/** The `transit-waits-unchanged` warning (on the leaf file): trainsPerDay changed under rides, waits kept. */
function transitWaitsWarning(chain: ScenarioChain, railLinkIds: readonly string[]): ScenarioIssue {
  const ids = railLinkIds;
  return {
    file: chain.specs[chain.specs.length - 1]!.file,
    path: "",
    code: "transit-waits-unchanged",
    severity: "warning",
    message:
      `trainsPerDay changed on ${ids.length} rail link(s) that transit rides run over (${ids.slice(0, 3).join(", ")}${ids.length > 3 ? ", …" : ""}): ` +
      `rail capacity follows, but boarding waits on the transit layer are not recomputed; set waitMin on their transit:…:board links to change them`,
  };
}

/** Runs the chain on a copy of `base` (steps 2–4 of the module header), collecting issues. */
function execute(chain: ScenarioChain, base: Network): Execution {
  const network = base.copy();
  const knownLinkIds = new Set<string>();
  base.forEachEdge((id, a) => {
    knownLinkIds.add(id);
    knownLinkIds.add(a.facilityId);
  });
  const ctx: ScenarioContext = { base, outOfService: new Set<string>(), knownLinkIds };
  const asOfDate = chainAsOfDate(chain);
  if (asOfDate !== undefined) {
    network.forEachEdge((id, a) => {
      if (!inServiceOn(a, asOfDate)) ctx.outOfService.add(id);
    });
  }
  const linksOutOfServiceAtAsOfDate = ctx.outOfService.size;

  const log: ModificationLog[] = [];
  const issues: ScenarioIssue[] = [];
  let modificationCount = 0;
  for (const spec of chain.specs) {
    for (const entry of spec.modifications) {
      modificationCount++;
      const modification = createModification(entry, spec);
      const found = modification.resolve(network, ctx);
      issues.push(...found);
      if (found.some(isError)) continue;
      log.push(modification.apply(network, ctx));
    }
  }

  const followUp = followUpService(network, base, ctx.outOfService);
  if (followUp.trainsChangedRailLinkIds.length > 0) issues.push(transitWaitsWarning(chain, followUp.trainsChangedRailLinkIds));
  return {
    network,
    log,
    issues,
    modificationCount,
    summary: {
      linksOutOfServiceAtAsOfDate,
      outOfServiceLinksRemoved: followUp.outOfServiceLinksRemoved,
      ridesStoppedWithRailLinks: followUp.ridesStoppedWithRailLinks,
      ridesRetimedWithRailLinks: followUp.ridesRetimedWithRailLinks,
      nodesRemoved: followUp.nodesRemoved,
      accessLinksRemovedWithNodes: followUp.accessLinksRemovedWithNodes,
    },
  };
}

interface Loaded {
  chain?: ScenarioChain;
  base?: Network;
  /** Every issue: files and chain, then the network folder's. */
  issues: ScenarioIssue[];
  /** Issues of the scenario files and chain only. */
  fileIssues: ScenarioIssue[];
  /** The network folder's error (rethrown unchanged when the scenario files are fine). */
  networkError?: InputError;
}

function load(input: ScenarioChain | string, options: ApplyScenarioOptions): Loaded {
  const inspected = typeof input === "string" ? inspectScenarioChain(input) : { chain: input, issues: [] as ScenarioIssue[] };
  const { chain, issues } = inspected;
  if (!chain) return { issues, fileIssues: issues };
  if (options.network) return { chain, base: options.network, issues, fileIssues: issues };
  try {
    return { chain, base: readNetworkFolder(chain.networkDir), issues, fileIssues: issues };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const networkIssues: ScenarioIssue[] = e.issues.map((i) => ({ ...i, severity: i.severity ?? "error" }));
    return { chain, issues: [...issues, ...networkIssues], fileIssues: issues, networkError: e };
  }
}

/**
 * Applies a scenario (file path or loaded chain) to a copy of its network.
 * @param input leaf scenario file path, or a chain from `loadScenarioChain`
 * @param options `network`: base network to use instead of reading the root's folder
 * @returns the modified copy, scenario facts, log, warnings, summary and checksums (64 hex chars each)
 * @throws ScenarioError (code `invalid-scenario`, exit 3) with every issue of every file and modification (codes:
 *   see `parseScenarioText`, `inspectScenarioChain`, and the modification classes: `unknown-link`, `unknown-node`,
 *   `unknown-project`, `no-effect`, `no-match`, `duplicate-id`, `field-not-on-layer`, `cannot-recompute-time`, …);
 *   InputError (code `invalid-input`) unchanged when only the network folder is bad; DeltanetError code
 *   `base-network-changed` (exit 1) if the base network was modified (a bug).
 * @example
 * const r = applyScenario("test/fixtures/scenarios/close-sutong.json");
 * r.log[0].message // "closed 2 links"
 */
export function applyScenario(input: ScenarioChain | string, options: ApplyScenarioOptions = {}): ScenarioResult {
  const loaded = load(input, options);
  const { chain, base } = loaded;
  if (!chain || !base) {
    if (loaded.networkError && !loaded.fileIssues.some(isError)) throw loaded.networkError;
    throw new ScenarioError(capIssues(sortIssues(loaded.issues, chain)));
  }
  const baseChecksum = networkChecksum(base);
  const run = execute(chain, base);
  const issues = sortIssues([...loaded.issues, ...run.issues], chain);
  if (issues.some(isError)) throw new ScenarioError(capIssues(issues));
  const after = networkChecksum(base);
  if (after !== baseChecksum) {
    throw new DeltanetError(`internal error: the base network changed while applying the scenario (sha256 ${baseChecksum} → ${after})`, "base-network-changed", 1);
  }
  const leaf = chain.specs[chain.specs.length - 1]!;
  const asOfDate = chainAsOfDate(chain);
  return {
    network: run.network,
    scenario: {
      name: leaf.name,
      ...(leaf.description !== undefined ? { description: leaf.description } : {}),
      files: chain.specs.map((s) => s.file),
      fileSha256: chain.specs.map((s) => s.sha256),
      ...(asOfDate !== undefined ? { asOfDate } : {}),
      modificationCount: run.modificationCount,
    },
    log: run.log,
    warnings: issues.filter((i) => !isError(i)),
    summary: run.summary,
    baseChecksum,
    resultChecksum: networkChecksum(run.network),
  };
}

/**
 * Parses and resolves a scenario without keeping the result: every problem of the files, the chain, the network
 * folder and the modifications, as a list (the `deltanet validate` command; R5's resolve-all offered to users).
 * @param input leaf scenario file path, or a loaded chain
 * @param options as {@link applyScenario}
 * @returns `issues`: errors and warnings (each with `severity`, file, line, column, path, code, message); empty
 *   when the scenario is valid
 * @throws never for bad input (it is all in `issues`); only for programming errors
 * @example validateScenario("test/fixtures/scenarios/bad-many.yaml").issues.map((i) => i.code)
 * // ["unknown-key", "unknown-key", "wrong-type", "not-a-number", …]
 */
export function validateScenario(input: ScenarioChain | string, options: ApplyScenarioOptions = {}): { issues: ScenarioIssue[] } {
  const loaded = load(input, options);
  if (!loaded.chain || !loaded.base) return { issues: capIssues(sortIssues(loaded.issues, loaded.chain)) };
  const run = execute(loaded.chain, loaded.base);
  return { issues: capIssues(sortIssues([...loaded.issues, ...run.issues], loaded.chain)) };
}
