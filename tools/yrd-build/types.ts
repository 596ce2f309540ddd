/**
 * YRD builder, shared shapes: what each layer builder returns (nodes, links, notes for SOURCES.md, derived assumptions)
 * and the helper that turns one two-way facility into its two directed links with stable ids `…:ab` / `…:ba`.
 */
import type { Layer, LinkAttributes, NodeAttributes, Project } from "../../src/model/network.ts";
import type { Assumption } from "./assumptions.ts";
import { yearOf } from "./dates.ts";

/** Output of one layer builder. */
export interface LayerBuild {
  layer: Layer | "zone";
  description: string;
  nodes: NodeAttributes[];
  links: LinkAttributes[];
  /** Assumptions computed from the data while building (printed in SOURCES.md). */
  derived: Assumption[];
  /** Facts for SOURCES.md: rule descriptions, lists of curated items, skipped rows. */
  notes: string[];
}

/** A project as assembled by the builders before projects.json is written. */
export type ProjectDraft = Project;

/** Link attributes without the per-direction fields. */
export type FacilityAttributes = Omit<LinkAttributes, "id" | "fromNodeId" | "toNodeId">;

/**
 * The two directed links of a two-way facility: `<facilityId>:ab` from `a` to `b` and `<facilityId>:ba` back,
 * with identical attributes (openedYear filled from openedDate).
 * @param facility attributes shared by both directions (`facilityId` names the facility)
 * @param a node id of end "a"
 * @param b node id of end "b"
 * @returns `[ab, ba]`
 * @example twoWay({ facilityId: "road:G2:320800-321000", … }, "road:320800", "road:321000")[1].id // "road:G2:320800-321000:ba"
 */
export function twoWay(facility: FacilityAttributes, a: string, b: string): [LinkAttributes, LinkAttributes] {
  return [oneWay(facility, a, b, "ab"), oneWay(facility, b, a, "ba")];
}

/**
 * One directed link `<facilityId>:<suffix>` from `from` to `to`.
 * @example oneWay({ facilityId: "power:uhvdc:x", … }, "power:sichuan", "power:shanghai", "ab").id // "power:uhvdc:x:ab"
 */
export function oneWay(facility: FacilityAttributes, from: string, to: string, suffix: string): LinkAttributes {
  const link: LinkAttributes = { id: `${facility.facilityId}:${suffix}`, ...facility, fromNodeId: from, toNodeId: to };
  if (link.openedDate !== undefined) link.openedYear = yearOf(link.openedDate);
  return link;
}

/** Kebab-case slug of an English name, dropping parentheses. @example slug("North-bank Yangtze HSR (Shanghai–Nanjing–Hefei)") // "north-bank-yangtze-hsr" */
export function slug(english: string): string {
  return english
    .replace(/\(.*?\)/g, " ")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
