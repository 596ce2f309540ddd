/**
 * `deltanet criticality <scenario> --layer road`: ranks the facilities of a layer by the effect of closing each one
 * alone (the N-1 batch on the worker pool), as a table, markdown, CSV or JSON.
 */
import { availableParallelism } from "node:os";
import type { CommandModule } from "yargs";
import { CRITICALITY_TOP_COUNT, DEFAULT_TASK_TIMEOUT_S } from "../../defaults.ts";
import { LAYERS, type Layer } from "../../api/choices.ts";
import { checkOutputPaths, writeOutput } from "../output.ts";
import { checkTaskTimeout, checkWorkers, faultsFromEnvironment } from "./batch.ts";
import { numberFlag } from "./shared-options.ts";

const FORMATS = ["table", "markdown", "csv", "json"] as const;

interface CriticalityArgs {
  scenario: string;
  layer: Layer;
  format: (typeof FORMATS)[number];
  top: number;
  out?: string;
  workers: number;
  "task-timeout-s": number;
  quiet: boolean;
}

/** The `criticality` command module (registered in commands/index.ts). */
export const criticalityCommand: CommandModule<object, CriticalityArgs> = {
  command: "criticality <scenario>",
  describe: "Rank a layer's facilities by the effect of closing each one alone (N-1) on commute times, reach and capacity",
  builder: (y) =>
    y
      .positional("scenario", { type: "string", demandOption: true, describe: "base scenario YAML file" })
      .option("layer", { choices: LAYERS, demandOption: true, describe: "layer whose facilities are closed one at a time" })
      .option("format", { choices: FORMATS, default: "table" as const, describe: "output format (csv and json hold every facility)" })
      .option("top", {
        type: "number",
        default: CRITICALITY_TOP_COUNT,
        describe: "rows shown in table and markdown output",
        coerce: numberFlag("top", (v) => Number.isInteger(v) && v >= 1, "an integer ≥ 1"),
      })
      .option("out", { type: "string", describe: "write the report to this file (atomically) instead of stdout" })
      .option("workers", { type: "number", default: availableParallelism(), defaultDescription: "number of cores", describe: "worker threads (0 = main thread)", coerce: checkWorkers })
      .option("task-timeout-s", { alias: "task-timeout", type: "number", default: DEFAULT_TASK_TIMEOUT_S, describe: "kill and report a task running longer, seconds", coerce: checkTaskTimeout })
      .option("quiet", { type: "boolean", default: false, describe: "no progress bar" }) as never,
  handler: async (argv) => {
    const [{ BatchFailedError, BatchInterruptedError }, { rankCriticality }, { criticalityCsv, criticalitySections }, { formatJson, formatMarkdown, formatTable }, { createProgress }] =
      await Promise.all([import("../../api/batch.ts"), import("../../api/criticality.ts"), import("../../report/criticality.ts"), import("../../report/format.ts"), import("../progress.ts")]);
    checkOutputPaths(argv.out);
    const progress = createProgress(`deltanet criticality ${argv.layer}`, argv.quiet);
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once("SIGINT", onSigint);
    const faults = faultsFromEnvironment();
    let result;
    try {
      result = await rankCriticality({
        scenario: argv.scenario,
        layer: argv.layer,
        workers: argv.workers,
        taskTimeoutMs: argv["task-timeout-s"] * 1000,
        signal: controller.signal,
        ...(faults ? { faults } : {}),
        onProgress: (p) => progress.update(p.done, p.total, p.failed),
        log: (line) => progress.log(line),
      });
    } finally {
      process.removeListener("SIGINT", onSigint);
      progress.stop();
    }
    if (result.interrupted) throw new BatchInterruptedError("interrupted before every facility was evaluated; nothing written");
    const text =
      argv.format === "json"
        ? formatJson(result)
        : argv.format === "csv"
          ? criticalityCsv(result)
          : argv.format === "markdown"
            ? formatMarkdown(criticalitySections(result, argv.top), `deltanet criticality: ${result.scenario.name}, ${result.layer}`)
            : formatTable(criticalitySections(result, argv.top));
    writeOutput(text, argv.out);
    if (result.failures.length > 0) throw new BatchFailedError(result.failures);
  },
};
