/**
 * `deltanet run <scenario>`: applies one scenario and prints its isochrones, connectivity and capacity.
 */
import type { CommandModule } from "yargs";
import { formatJson, formatMarkdown, formatTable } from "../../report/format.ts";
import { runSections } from "../../report/sections.ts";
import { runScenario } from "../../run-scenario.ts";
import { checkOutputPaths, writeOutput } from "../output.ts";
import { withOutputOptions, type OutputArgs } from "./shared-options.ts";

interface RunArgs extends OutputArgs {
  scenario: string;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: "run <scenario>",
  describe: "Analyse one scenario file: commute isochrones, connectivity and capacity",
  builder: (y) =>
    withOutputOptions(y.positional("scenario", { type: "string", demandOption: true, describe: "scenario YAML file" })) as never,
  handler: (argv) => {
    checkOutputPaths(argv.out);
    process.stderr.write(`deltanet: running ${argv.scenario}\n`);
    const result = runScenario(argv.scenario, { cutoffsMin: argv["cutoff-min"] });
    for (const w of result.scenario.warnings) process.stderr.write(`deltanet: warning: ${w.message}\n`);
    const sections = runSections(result);
    const text =
      argv.format === "json"
        ? formatJson(result)
        : argv.format === "markdown"
          ? formatMarkdown(sections, `deltanet run: ${result.scenario.name}`)
          : formatTable(sections);
    writeOutput(text, argv.out);
  },
};
