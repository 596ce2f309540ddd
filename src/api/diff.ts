/**
 * Use case `diff`: what changed between two scenarios' networks — nodes and links added, removed, closed, reopened,
 * and every attribute change with its before and after value.
 */
import { RESULT_SCHEMA_VERSION } from "../model/run-result.ts";
import { diffCounts, diffNetworks } from "../model/network-diff.ts";
import type { DiffSide, ScenarioDiff } from "../report/scenario-diff.ts";
import { applyScenario, type ScenarioResult } from "../scenario/apply-scenario.ts";
import { DELTANET_VERSION } from "../version.ts";
import { sharedBaseNetwork } from "./inputs.ts";

/** Options of {@link diffScenarios}. */
export interface DiffOptions {
  /** The scenario file before. */
  a: string;
  /** The scenario file after. */
  b: string;
}

function diffSide(applied: ScenarioResult): DiffSide {
  return {
    name: applied.scenario.name,
    files: applied.scenario.files,
    baseChecksum: applied.baseChecksum,
    networkChecksum: applied.resultChecksum,
  };
}

/**
 * The diff of two scenarios' networks (b − a). They may extend different networks; the diff then shows the network
 * change too, and each side records its base checksum.
 * @returns the diff document (`kind: "deltanet-diff"`; `counts.total === 0` when the networks are equal)
 * @throws InputError / ScenarioError (exit 3) for bad scenario files
 * @example diffScenarios({ a: "scenarios/baseline-2019.yaml", b: "scenarios/whatif-close-sutong-bridge.yaml" }).counts.linksClosed // 2
 */
export function diffScenarios(options: DiffOptions): ScenarioDiff {
  const base = sharedBaseNetwork([options.a, options.b]);
  const a = applyScenario(options.a, base ? { network: base } : {});
  const b = applyScenario(options.b, base ? { network: base } : {});
  const diff = diffNetworks(a.network, b.network);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kind: "deltanet-diff",
    deltanetVersion: DELTANET_VERSION,
    a: diffSide(a),
    b: diffSide(b),
    counts: diffCounts(diff),
    diff,
  };
}
