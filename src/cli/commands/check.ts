/**
 * `deltanet check --baseline <a> --candidate <b> [--rules FILE]`: the CI gate. Evaluates regression rules
 * on the candidate against the baseline, prints a summary, writes JUnit/markdown/JSON reports, exits 1 on a regression.
 */
import type { CommandModule } from "yargs";
import { RegressionFoundError } from "../../errors.ts";
import { checkOutputPaths, writeOutput } from "../output.ts";

interface CheckArgs {
  baseline: string;
  candidate: string;
  rules?: string;
  junit?: string;
  markdown?: string;
  json?: string;
  "allow-mismatch": boolean;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: "check",
  describe: "Check a candidate scenario against a baseline with regression rules; exit 1 when a rule fails",
  builder: (y) =>
    y
      .option("baseline", { type: "string", demandOption: true, describe: "scenario file, or saved run (deltanet run --format json)" })
      .option("candidate", { type: "string", demandOption: true, describe: "scenario file, or saved run" })
      .option("rules", { type: "string", describe: "rules file (YAML); default: the built-in rules (see README)" })
      .option("junit", { type: "string", describe: "write JUnit XML to FILE (one test case per rule per city/layer/query)" })
      .option("markdown", { type: "string", describe: "write a markdown summary (PR comment) to FILE" })
      .option("json", { type: "string", describe: "write the full check result as JSON to FILE" })
      .option("allow-mismatch", { type: "boolean", default: false, describe: "check runs of different base networks or deltanet versions anyway" })
      .example("$0 check --baseline scenarios/baseline-2019.yaml --candidate scenarios/whatif-close-sutong-bridge.yaml", "fails: the closure cuts reach and capacity") as never,
  handler: async (argv) => {
    const [{ checkScenarios }, { formatJson }, { formatCheckJunit, formatCheckMarkdown, formatCheckSummary }] = await Promise.all([
      import("../../api/check.ts"),
      import("../../report/format.ts"),
      import("../../report/check-format.ts"),
    ]);
    checkOutputPaths(argv.junit, argv.markdown, argv.json);
    process.stderr.write(`deltanet: checking ${argv.candidate} against ${argv.baseline}${argv.rules ? ` with ${argv.rules}` : ""}\n`);
    const result = checkScenarios({ baseline: argv.baseline, candidate: argv.candidate, rulesPath: argv.rules, allowMismatch: argv["allow-mismatch"] });
    for (const w of [...result.baseline.scenario.warnings, ...result.candidate.scenario.warnings]) process.stderr.write(`deltanet: warning: ${w.message}\n`);
    if (argv.junit !== undefined) writeOutput(formatCheckJunit(result), argv.junit);
    if (argv.markdown !== undefined) writeOutput(formatCheckMarkdown(result), argv.markdown);
    if (argv.json !== undefined) writeOutput(formatJson(result), argv.json);
    process.stdout.write(formatCheckSummary(result));
    if (!result.passed) {
      const c = result.counts;
      throw new RegressionFoundError(`check failed: ${c.rulesFailed} of ${c.rules} rules found a regression (${c.failed} failed cases)`);
    }
  },
};
