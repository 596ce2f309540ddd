/**
 * Writes `scenarios/schema.json`, the JSON Schema of the scenario format, generated from the zod schemas of the top
 * level and of every modification type (`scenario-schema.ts`; run: `npx tsx src/scenario/write-scenario-schema.ts`; a
 * test checks the committed file is current).
 */
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchemaText } from "./scenario-schema.ts";

/** Path of the committed schema file: `<repo>/scenarios/schema.json`. */
export const SCENARIO_SCHEMA_PATH = resolve(dirname(fileURLToPath(import.meta.url)), "../../scenarios/schema.json");

/**
 * Writes the generated schema to `path`.
 * @param path output file (default {@link SCENARIO_SCHEMA_PATH})
 * @returns the path written
 * @example writeScenarioSchema("/tmp/schema.json") // "/tmp/schema.json"
 */
export function writeScenarioSchema(path: string = SCENARIO_SCHEMA_PATH): string {
  writeFileSync(path, scenarioJsonSchemaText());
  return path;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = writeScenarioSchema(process.argv[2] ?? SCENARIO_SCHEMA_PATH);
  process.stdout.write(`wrote ${written}\n`);
}
