/**
 * Modification registry: the kebab-case type code of each scenario modification → the class that resolves and
 * applies it (R5 `ModificationTypeResolver`). The schema of each type lives in `src/io/scenario-file.ts`.
 */
import type { ModificationEntry, ModificationType, ScenarioSpec } from "../io/scenario-file.ts";
import type { Modification } from "./modification.ts";
import { AddLink } from "./modifications/add-link.ts";
import { CloseLink } from "./modifications/close-link.ts";
import { OpenProject } from "./modifications/open-project.ts";
import { RemoveLink } from "./modifications/remove-link.ts";
import { SetLink } from "./modifications/set-link.ts";

/** Creates the modification for one schema-checked entry of a scenario file. */
export type ModificationFactory = (entry: ModificationEntry, spec: Pick<ScenarioSpec, "file" | "source">) => Modification;

/** Type code → factory; keys equal `MODIFICATION_TYPES` (checked by a test). */
export const MODIFICATION_REGISTRY: Readonly<Record<ModificationType, ModificationFactory>> = {
  "open-project": (e, s) => new OpenProject(e, s),
  "close-link": (e, s) => new CloseLink(e, s),
  "remove-link": (e, s) => new RemoveLink(e, s),
  "set-link": (e, s) => new SetLink(e, s),
  "add-link": (e, s) => new AddLink(e, s),
};

/**
 * The modification for a schema-checked entry.
 * @param entry `{ index, value }` from a {@link ScenarioSpec}
 * @param spec the file it comes from (name and positions)
 * @returns a fresh, unresolved modification
 * @example createModification({ index: 0, value: { type: "close-link", links: ["x"] } }, spec).type // "close-link"
 */
export function createModification(entry: ModificationEntry, spec: Pick<ScenarioSpec, "file" | "source">): Modification {
  return MODIFICATION_REGISTRY[entry.value.type](entry, spec);
}
