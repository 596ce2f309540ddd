/**
 * Check report formats: the human summary `deltanet check` prints, the markdown PR comment (`--markdown`) listing
 * every failed rule with its numbers, and JUnit XML (`--junit`, one test case per rule per city/layer/query).
 *
 * Design: JUnit XML is written with xmlbuilder2 (escaping and well-formedness by a maintained library rather than
 * string concatenation). The de-facto JUnit schema has no single standard; the elements used (`testsuites` >
 * `testsuite` > `testcase` with `failure`/`skipped`, counts as attributes) are those GitHub Actions reporters, GitLab
 * and Jenkins all read.
 */
import { create } from "xmlbuilder2";
import type { CheckCase, CheckResult, RuleOutcome } from "./check.ts";

/** Most failed cases listed per rule in the terminal summary; the rest are counted. */
export const SUMMARY_MAX_CASES_PER_RULE = 10;

/** Most failed cases listed per rule in the markdown comment; the rest are counted (JSON and JUnit have all). */
export const MARKDOWN_MAX_CASES_PER_RULE = 50;

const STATUS_WORD = { pass: "PASS", fail: "FAIL", skip: "SKIP" } as const;

function ruleCountsText(r: RuleOutcome): string {
  const n = r.cases.length;
  if (r.status === "fail") return `${r.counts.fail} of ${n} case${n === 1 ? "" : "s"} failed`;
  if (r.status === "skip") return r.cases[0]?.message ?? "skipped";
  return `${n} case${n === 1 ? "" : "s"}${r.counts.skip > 0 ? `, ${r.counts.skip} skipped` : ""}`;
}

/** The closing verdict line, e.g. `FAIL: 2 of 8 rules found a regression (43 of 181 cases failed, 1 skipped)`. */
function verdict(result: CheckResult): string {
  const c = result.counts;
  const skipped = c.skipped > 0 ? `, ${c.skipped} skipped` : "";
  if (result.passed) return `PASS: ${c.rules === 1 ? "the rule holds" : `all ${c.rules} rules hold`} (${c.passed} of ${c.cases} cases passed${skipped})`;
  return `FAIL: ${c.rulesFailed} of ${c.rules} rules found a regression (${c.failed} of ${c.cases} cases failed${skipped})`;
}

function rulesName(result: CheckResult): string {
  return result.rulesName;
}

/**
 * The human summary printed on stdout: one line per rule with its status, the failed cases of each failed rule (at
 * most {@link SUMMARY_MAX_CASES_PER_RULE} each), and a closing verdict line.
 * @param result a check result
 * @returns text ending in a newline
 * @example formatCheckSummary(result).split("\n").at(-2) // "FAIL: 2 of 8 rules found a regression (…)"
 */
export function formatCheckSummary(result: CheckResult): string {
  const lines = [`deltanet check: ${result.baseline.scenario.name} → ${result.candidate.scenario.name} (${rulesName(result)})`];
  for (const m of result.mismatches) lines.push(`  warning: ${m.message} (allowed by --allow-mismatch)`);
  for (const r of result.rules) {
    lines.push(`  ${STATUS_WORD[r.status]}  ${r.id}: ${r.description} — ${ruleCountsText(r)}`);
    if (r.status !== "fail") continue;
    const failed = r.cases.filter((c) => c.status === "fail");
    for (const c of failed.slice(0, SUMMARY_MAX_CASES_PER_RULE)) lines.push(`        ${c.name}: ${c.message}`);
    if (failed.length > SUMMARY_MAX_CASES_PER_RULE) lines.push(`        … and ${failed.length - SUMMARY_MAX_CASES_PER_RULE} more (see --markdown, --junit or --json)`);
  }
  lines.push(verdict(result));
  return `${lines.join("\n")}\n`;
}

function mdCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function number(v: number | null | undefined, unit: string | undefined): string {
  if (v === undefined) return "";
  if (v === null) return "unbounded";
  const text = Number.isInteger(v) ? v.toLocaleString("en-US") : Math.abs(v) < 0.01 ? v.toExponential(2) : v.toLocaleString("en-US", { maximumFractionDigits: 2 });
  return unit ? `${text} ${unit}` : text;
}

function changeCell(c: CheckCase): string {
  if (c.dropPercent === undefined) return "";
  if (c.dropPercent === null) return "n/a";
  const s = Math.abs(c.dropPercent).toFixed(2);
  if (Number(s) === 0) return "0.00 %";
  return c.dropPercent > 0 ? `−${s} %` : `+${s} %`;
}

function failedRuleMarkdown(r: RuleOutcome): string[] {
  const failed = r.cases.filter((c) => c.status === "fail");
  const lines = [`### ❌ \`${r.id}\`: ${mdCell(r.description)}`, ""];
  if (r.note) lines.push(`> ${mdCell(r.note)}`, "");
  lines.push(`${r.counts.fail} of ${r.cases.length} cases failed.`, "");
  const measured = failed.some((c) => c.dropPercent !== undefined);
  if (measured) {
    lines.push("| Case | Before | After | Change | Allowed drop |", "| :--- | ---: | ---: | ---: | ---: |");
    for (const c of failed.slice(0, MARKDOWN_MAX_CASES_PER_RULE)) {
      lines.push(`| ${mdCell(c.name)} | ${number(c.before, c.unit)} | ${number(c.after, c.unit)} | ${changeCell(c)} | ${c.limit !== undefined ? `${c.limit} %` : ""} |`);
    }
  } else {
    lines.push("| Case | What failed |", "| :--- | :--- |");
    for (const c of failed.slice(0, MARKDOWN_MAX_CASES_PER_RULE)) lines.push(`| ${mdCell(c.name)} | ${mdCell(c.message)} |`);
  }
  if (failed.length > MARKDOWN_MAX_CASES_PER_RULE) lines.push("", `… and ${failed.length - MARKDOWN_MAX_CASES_PER_RULE} more failed cases (see the JUnit report).`);
  return lines;
}

/**
 * A markdown summary for a pull-request comment: verdict, one table row per rule, then a section per failed rule
 * listing each failed case with before, after, change and the allowed drop (at most
 * {@link MARKDOWN_MAX_CASES_PER_RULE} per rule), and the provenance of both runs in a collapsed block.
 * @param result a check result
 * @returns GitHub-flavoured markdown ending in a newline
 * @example formatCheckMarkdown(result).split("\n")[0] // "## ❌ deltanet check failed: 2 of 8 rules found a regression"
 */
export function formatCheckMarkdown(result: CheckResult): string {
  const c = result.counts;
  const head = result.passed
    ? `## ✅ deltanet check passed: all ${c.rules} rules hold`
    : `## ❌ deltanet check failed: ${c.rulesFailed} of ${c.rules} rules found a regression`;
  const b = result.baseline.scenario;
  const a = result.candidate.scenario;
  const lines = [
    head,
    "",
    `Baseline **${mdCell(b.name)}** (\`${b.files[b.files.length - 1] ?? ""}\`) → candidate **${mdCell(a.name)}** (\`${a.files[a.files.length - 1] ?? ""}\`), ${mdCell(rulesName(result))}.`,
    "",
  ];
  for (const m of result.mismatches) lines.push(`> ⚠️ ${mdCell(m.message)} (allowed by \`--allow-mismatch\`)`, "");
  lines.push("| Rule | Result | Cases |", "| :--- | :--- | :--- |");
  const icon = { pass: "✅ pass", fail: "❌ fail", skip: "⏭️ skipped" } as const;
  for (const r of result.rules) lines.push(`| \`${r.id}\`: ${mdCell(r.description)} | ${icon[r.status]} | ${mdCell(ruleCountsText(r))} |`);
  for (const r of result.rules.filter((x) => x.status === "fail")) lines.push("", ...failedRuleMarkdown(r));
  const prov = (label: string, side: CheckResult["baseline"]) =>
    `- ${label}: deltanet ${side.provenance.deltanetVersion}, base network sha256 \`${side.provenance.networkChecksum}\`, parameters sha256 \`${side.provenance.parametersSha256}\`, files ${side.provenance.scenarioFiles.map((f) => `\`${f.file}\` (${f.sha256 === null ? "in memory" : `sha256 \`${f.sha256.slice(0, 12)}…\``})`).join(", ")}`;
  lines.push("", "<details><summary>Provenance</summary>", "", prov("Baseline", result.baseline), prov("Candidate", result.candidate), "", "</details>");
  lines.push("", verdict(result));
  return `${lines.join("\n")}\n`;
}

/**
 * JUnit XML of a check: one `<testsuite>` per rule (named by rule id) and one `<testcase>` per case (classname
 * `deltanet.check.<rule id>`, name = city, layer or query), a `<failure>` with the message and details for a failed
 * case and a `<skipped>` for a skipped one; counts on every suite and on `<testsuites>`.
 * @param result a check result
 * @returns XML text (UTF-8 declaration, 2-space indent)
 * @example formatCheckJunit(result).startsWith('<?xml version="1.0" encoding="UTF-8"?>') // true
 */
export function formatCheckJunit(result: CheckResult): string {
  const c = result.counts;
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("testsuites", {
    name: `deltanet check: ${result.baseline.scenario.name} → ${result.candidate.scenario.name}`,
    tests: c.cases,
    failures: c.failed,
    errors: 0,
    skipped: c.skipped,
  });
  for (const r of result.rules) {
    const suite = root.ele("testsuite", { name: r.id, tests: r.cases.length, failures: r.counts.fail, errors: 0, skipped: r.counts.skip });
    suite.ele("properties").ele("property", { name: "description", value: r.description }).up().ele("property", { name: "type", value: r.type });
    for (const k of r.cases) {
      const tc = suite.ele("testcase", { classname: `deltanet.check.${r.id}`, name: k.name });
      if (k.status === "fail") {
        tc.ele("failure", { message: k.message, type: r.type }).txt([k.message, ...(k.details ?? []).map((d) => `- ${d}`)].join("\n"));
      } else if (k.status === "skip") {
        tc.ele("skipped", { message: k.message });
      }
    }
  }
  return `${root.end({ prettyPrint: true })}\n`;
}
