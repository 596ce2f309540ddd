/**
 * Modification registry: the one list of modification types. Each entry is a module of
 * `src/scenario/modifications/` (its schema, file checks and class, R5 `ModificationTypeResolver`); the type codes,
 * the discriminated union that validates an entry and generates `scenarios/schema.json`, and the type code → module
 * lookup all derive from {@link MODIFICATION_MODULES}, so adding a type is adding one module to that list.
 */
import { z } from "zod";
import type { ScenarioFile } from "../io/scenario-file.ts";
import type { CheckedEntry, Modification, ModificationModule } from "./modification.ts";
import { addLinkModule } from "./modifications/add-link.ts";
import { closeLinkModule } from "./modifications/close-link.ts";
import { openProjectModule } from "./modifications/open-project.ts";
import { removeLinkModule } from "./modifications/remove-link.ts";
import { setLinkModule } from "./modifications/set-link.ts";

/** Every modification type of format v1, in documentation order (the order of the JSON Schema's `oneOf`). */
export const MODIFICATION_MODULES = [openProjectModule, closeLinkModule, removeLinkModule, setLinkModule, addLinkModule] as const;

type Modules = typeof MODIFICATION_MODULES;

/** Kebab-case modification type code. */
export type ModificationType = Modules[number]["type"];

/** Modification type codes of format v1, in documentation order. */
export const MODIFICATION_TYPES: readonly ModificationType[] = MODIFICATION_MODULES.map((m) => m.type);

/** The schema of each module, as a tuple in list order (what `z.discriminatedUnion` takes). */
function schemasOf<T extends readonly ModificationModule[]>(modules: T): { -readonly [K in keyof T]: T[K]["schema"] } {
  return modules.map((m) => m.schema) as { -readonly [K in keyof T]: T[K]["schema"] };
}

/** One modification, discriminated on `type`. */
export const modificationSchema = z.discriminatedUnion("type", schemasOf(MODIFICATION_MODULES));

/** A modification entry's value once it passed its type's schema. */
export type ModificationValue = z.infer<typeof modificationSchema>;

/** A modification entry that passed its schema and file checks, with its place in its file. */
export type ModificationEntry = CheckedEntry<ModificationValue>;

/** Type code → module; keys equal {@link MODIFICATION_TYPES}. */
export const MODIFICATION_REGISTRY: Readonly<Record<ModificationType, ModificationModule>> = Object.fromEntries(
  MODIFICATION_MODULES.map((m) => [m.type, m as ModificationModule]),
) as Record<ModificationType, ModificationModule>;

/**
 * The module of a type code, or undefined for a code that is not one.
 * @example modificationModule("close-link")?.type // "close-link"
 */
export function modificationModule(type: string): ModificationModule | undefined {
  return Object.prototype.hasOwnProperty.call(MODIFICATION_REGISTRY, type) ? MODIFICATION_REGISTRY[type as ModificationType] : undefined;
}

/**
 * The modification for a checked entry.
 * @param entry `{ index, value }` from a scenario spec (`read-scenario.ts`)
 * @param spec the file it comes from (name and positions)
 * @returns a fresh, unresolved modification
 * @example createModification({ index: 0, value: { type: "close-link", links: ["x"] } }, spec).type // "close-link"
 */
export function createModification(entry: ModificationEntry, spec: Pick<ScenarioFile, "file" | "source">): Modification {
  return MODIFICATION_REGISTRY[entry.value.type].create(entry, spec);
}
