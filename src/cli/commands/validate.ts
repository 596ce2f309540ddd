/**
 * `deltanet validate <scenario>`: parses and resolves a scenario file without running it, printing every problem.
 */
import type { CommandModule } from "yargs";
import { formatIssue, ScenarioError } from "../../errors.ts";

interface ValidateArgs {
  scenario: string;
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: "validate <scenario>",
  describe: "Check a scenario file (schema, ids, extends chain) without running it; exit 3 when invalid",
  builder: (y) => y.positional("scenario", { type: "string", demandOption: true, describe: "scenario YAML file" }) as never,
  handler: async (argv) => {
    const { validateScenario } = await import("../../api/validate.ts");
    const { errors, warnings } = validateScenario({ scenario: argv.scenario });
    for (const w of warnings) process.stderr.write(`${formatIssue(w)}\n`);
    if (errors.length > 0) throw new ScenarioError(errors);
    process.stdout.write(`${argv.scenario}: valid\n`);
  },
};
