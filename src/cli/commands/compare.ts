/**
 * `deltanet compare <before> <after>`: runs two scenarios and prints per-city reach, connectivity and capacity
 * before, after and the change.
 */
import type { CommandModule } from "yargs";
import { checkOutputPaths, writeOutput } from "../output.ts";
import { tableCutoffsMin, withOutputOptions, type OutputArgs } from "./shared-options.ts";

interface CompareArgs extends OutputArgs {
  before: string;
  after: string;
  "allow-mismatch": boolean;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: "compare <before> <after>",
  describe: "Compare two scenario files (after − before)",
  builder: (y) =>
    withOutputOptions(
      y
        .positional("before", { type: "string", demandOption: true, describe: "scenario file, or saved run (deltanet run --format json) (before)" })
        .positional("after", { type: "string", demandOption: true, describe: "scenario file, or saved run (after)" })
        .option("allow-mismatch", { type: "boolean", default: false, describe: "compare runs of different base networks or deltanet versions anyway" }),
    ) as never,
  handler: async (argv) => {
    const [{ compareScenarios }, { formatJson, formatMarkdown, formatTable }, { comparisonSections }] = await Promise.all([
      import("../../api/compare.ts"),
      import("../../report/format.ts"),
      import("../../report/sections.ts"),
    ]);
    checkOutputPaths(argv.out);
    process.stderr.write(`deltanet: comparing ${argv.before} → ${argv.after}\n`);
    const started = process.hrtime.bigint();
    const cmp = compareScenarios({ before: argv.before, after: argv.after, cutoffsMin: argv["cutoff-min"], allowMismatch: argv["allow-mismatch"] });
    for (const m of cmp.mismatches) process.stderr.write(`deltanet: warning: ${m.message} (allowed by --allow-mismatch)
`);
    for (const w of [...cmp.before.warnings, ...cmp.after.warnings]) process.stderr.write(`deltanet: warning: ${w.message}\n`);
    const sections = comparisonSections(cmp, tableCutoffsMin(cmp.parameters.cutoffsMin));
    const text =
      argv.format === "json"
        ? formatJson(cmp)
        : argv.format === "markdown"
          ? formatMarkdown(sections, `deltanet compare: ${cmp.before.name} → ${cmp.after.name}`)
          : formatTable(sections);
    writeOutput(text, argv.out);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stderr.write(`deltanet: done in ${seconds.toFixed(1)} s\n`);
  },
};
