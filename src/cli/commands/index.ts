/**
 * The explicit list of CLI command modules registered by src/cli/main.ts (no commandDir: see STYLE.md §8).
 */
import type { CommandModule } from "yargs";
import { assignCommand } from "./assign.ts";
import { batchCommand } from "./batch.ts";
import { checkCommand } from "./check.ts";
import { compareCommand } from "./compare.ts";
import { criticalityCommand } from "./criticality.ts";
import { diffCommand } from "./diff.ts";
import { runCommand } from "./run.ts";
import { validateCommand } from "./validate.ts";

export const commands: CommandModule<object, never>[] = [
  runCommand as unknown as CommandModule<object, never>,
  compareCommand as unknown as CommandModule<object, never>,
  validateCommand as unknown as CommandModule<object, never>,
  assignCommand as unknown as CommandModule<object, never>,
  batchCommand as unknown as CommandModule<object, never>,
  criticalityCommand as unknown as CommandModule<object, never>,
  diffCommand as unknown as CommandModule<object, never>,
  checkCommand as unknown as CommandModule<object, never>,
];
