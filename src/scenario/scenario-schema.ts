/**
 * The JSON Schema of scenario format v1 (`scenarios/schema.json`, for editors with the YAML language server): the top
 * level of src/io/scenario-file.ts with every modification type of the registry, generated with `z.toJSONSchema`.
 */
import { z } from "zod";
import { scenarioFileSchema } from "../io/scenario-file.ts";
import { modificationSchema } from "./registry.ts";

/** The whole file (format v1): the top level, each modification discriminated on `type`. */
export const scenarioSchema = scenarioFileSchema(modificationSchema);

/**
 * The JSON Schema (draft 2020-12) of format v1, generated from the zod schema with `z.toJSONSchema`; the text of
 * `scenarios/schema.json`. Cross-field rules (`extends` XOR `network`, `links` XOR `where`) are checked by
 * `parseScenarioText` and only described in the schema.
 * @returns pretty-printed JSON (2-space indent) ending in a newline
 * @example scenarioJsonSchemaText().startsWith("{\n  \"$schema\"") // true
 */
export function scenarioJsonSchemaText(): string {
  const schema = z.toJSONSchema(scenarioSchema);
  return `${JSON.stringify(schema, null, 2)}\n`;
}
