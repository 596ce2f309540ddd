/**
 * `deltanet diff <a> <b>`: what changed between two scenarios' networks (links and nodes added, removed, closed,
 * reopened, attribute changes with before/after values) as a table, markdown or JSON.
 */
import type { CommandModule } from "yargs";
import { OUTPUT_FORMATS, type OutputFormat } from "../../report/output-format.ts";
import { checkOutputPaths, writeOutput } from "../output.ts";

interface DiffArgs {
  a: string;
  b: string;
  format: OutputFormat;
  out?: string;
}

export const diffCommand: CommandModule<object, DiffArgs> = {
  command: "diff <a> <b>",
  describe: "Show what changed between two scenarios' networks (b − a)",
  builder: (y) =>
    y
      .positional("a", { type: "string", demandOption: true, describe: "scenario file (before)" })
      .positional("b", { type: "string", demandOption: true, describe: "scenario file (after)" })
      .option("format", { choices: OUTPUT_FORMATS, default: "table" as OutputFormat, describe: "output format" })
      .option("out", { type: "string", describe: "write the diff to this file (atomically) instead of stdout" }) as never,
  handler: async (argv) => {
    const [{ diffScenarios }, { formatJson, formatMarkdown, formatTable }, { diffSections }] = await Promise.all([
      import("../../api/diff.ts"),
      import("../../report/format.ts"),
      import("../../report/scenario-diff.ts"),
    ]);
    checkOutputPaths(argv.out);
    const d = diffScenarios({ a: argv.a, b: argv.b });
    const text =
      argv.format === "json"
        ? formatJson(d)
        : argv.format === "markdown"
          ? formatMarkdown(diffSections(d), `deltanet diff: ${d.a.name} → ${d.b.name}`)
          : formatTable(diffSections(d));
    writeOutput(text, argv.out);
  },
};
