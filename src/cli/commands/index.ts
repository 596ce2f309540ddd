/**
 * The explicit list of CLI command modules registered by src/cli/main.ts (no commandDir: see STYLE.md §8).
 */
import type { CommandModule } from "yargs";
import { assignCommand } from "./assign.ts";
import { compareCommand } from "./compare.ts";
import { runCommand } from "./run.ts";
import { validateCommand } from "./validate.ts";

export const commands: CommandModule<object, never>[] = [
  runCommand as unknown as CommandModule<object, never>,
  compareCommand as unknown as CommandModule<object, never>,
  validateCommand as unknown as CommandModule<object, never>,
  assignCommand as unknown as CommandModule<object, never>,
];
