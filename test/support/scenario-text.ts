/**
 * Inline scenarios for tests: parse YAML text into a one-file chain and apply it to an in-memory network, so a test
 * shows its scenario and its network side by side.
 */
import { ScenarioError } from "../../src/errors.ts";
import type { ScenarioIssue } from "../../src/io/scenario-file.ts";
import { parseScenarioText, type ScenarioChain } from "../../src/scenario/read-scenario.ts";
import type { Network } from "../../src/model/network.ts";
import { applyScenario, validateScenario, type ScenarioResult } from "../../src/scenario/apply-scenario.ts";

/** File name used for inline scenarios in issues. */
export const INLINE_FILE = "inline.yaml";

/** A one-file chain from YAML text. @throws ScenarioError when the text has schema errors */
export function chainFromText(text: string, file = INLINE_FILE): ScenarioChain {
  const { spec, issues } = parseScenarioText(text, file);
  if (!spec || issues.some((i) => i.severity === "error")) throw new ScenarioError(issues);
  return { specs: [spec], networkDir: "(in memory)" };
}

/** Applies inline YAML (without `name`/`network` lines: they are added) to `network`. */
export function applyText(network: Network, body: string): ScenarioResult {
  return applyScenario(chainFromText(`name: inline\nnetwork: unused\n${body}`), { network });
}

/** Every issue (errors and warnings) of inline YAML against `network`; line numbers count the 2 added lines. */
export function issuesOfText(network: Network, body: string): ScenarioIssue[] {
  const text = `name: inline\nnetwork: unused\n${body}`;
  const { spec, issues } = parseScenarioText(text, INLINE_FILE);
  if (!spec || issues.some((i) => i.severity === "error")) return issues;
  return [...issues, ...validateScenario({ specs: [spec], networkDir: "(in memory)" }, { network }).issues];
}

/** The issues of the ScenarioError thrown by `fn`. @throws Error when `fn` does not throw a ScenarioError */
export function scenarioErrorIssues(fn: () => unknown): ScenarioIssue[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues as ScenarioIssue[];
    throw e;
  }
  throw new Error("expected a ScenarioError, nothing was thrown");
}
