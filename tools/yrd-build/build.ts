/**
 * YRD builder, orchestration: reads `../shared/data/yrd`, builds every layer, the projects and SOURCES.md, and returns
 * the file texts of `networks/yrd/` (pure apart from reading the input; writing is main.ts's job).
 */
import type { LinkAttributes } from "../../src/model/network.ts";
import { buildAccess } from "./access.ts";
import { STATIC_ASSUMPTIONS, assumptionsBlock } from "./assumptions.ts";
import { buildZones } from "./cities.ts";
import { loadYrdData } from "./data.ts";
import { buildPower } from "./power.ts";
import { buildProjects } from "./projects.ts";
import { buildEstimatedRail } from "./rail-estimated.ts";
import { buildTimetableRail } from "./rail.ts";
import { buildRoad } from "./road.ts";
import { sourcesMarkdown } from "./sources-md.ts";
import { buildTransit } from "./transit.ts";
import type { LayerBuild } from "./types.ts";
import { buildWater } from "./water.ts";
import { layerFileText, manifestText, projectsFileText } from "./write.ts";

/** Layer file names in manifest order. */
export const LAYER_FILES = ["zones.json", "rail.json", "road.json", "water.json", "power.json", "access.json", "transit.json"] as const;

/** Counts per layer, for the report and SOURCES.md. */
export interface LayerStats {
  file: string;
  nodes: number;
  links: number;
  facilities: number;
  estimatedLinks: number;
}

/** Result of a build: the file texts and counts. */
export interface YrdBuild {
  /** File name → text, for `networks/yrd/`. */
  files: Map<string, string>;
  stats: LayerStats[];
}

function stats(file: string, layer: LayerBuild): LayerStats {
  return {
    file,
    nodes: layer.nodes.length,
    links: layer.links.length,
    facilities: new Set(layer.links.map((l: LinkAttributes) => l.facilityId)).size,
    estimatedLinks: layer.links.filter((l) => l.estimate === true).length,
  };
}

/**
 * Builds the bundled YRD network from the data folder.
 * @param dataDir folder with the `yrd_*.csv` files
 * @returns file texts for `networks/yrd/` (network.json with the assumptions block, seven layer files, projects.json,
 *   SOURCES.md) and counts
 * @throws InputError (exit code 3) for any data problem, with file, line and column
 * @example buildYrdNetwork("../shared/data/yrd").files.has("rail.json") // true
 */
export function buildYrdNetwork(dataDir: string): YrdBuild {
  const data = loadYrdData(dataDir);
  const zones = buildZones(data);
  const { layer: railLayer, context } = buildTimetableRail(data);
  const estimated = buildEstimatedRail(data, context);
  const rail: LayerBuild = {
    ...railLayer,
    description:
      "Rail: stations of the 41 cities and non-stop legs of the June-2021 timetable (epcm/TrainVis, median time incl. dwell at the previous stop, timetable km, trains/day per direction), with opening dates for legs over lines opened after 2019-05; estimated links for lines opened later or not yet open (estimate: true).",
    nodes: [...context.nodes.values()],
    links: [...railLayer.links, ...estimated.links],
    notes: [...railLayer.notes, ...estimated.notes],
  };
  const road = buildRoad(data);
  const water = buildWater(data);
  const power = buildPower(data);
  const access = buildAccess(data, rail.nodes, context.placeholderCoords);
  const { projects, notRepresented } = buildProjects(data, context.facilitiesByLine);
  const projectsByFacility = new Map<string, string[]>();
  for (const p of projects) for (const f of p.facilityIds) projectsByFacility.set(f, [...(projectsByFacility.get(f) ?? []), p.id].sort());
  for (const layer of [rail, road, power]) {
    for (const l of layer.links) {
      const ids = projectsByFacility.get(l.facilityId);
      if (ids !== undefined) l.projectIds = ids;
    }
  }
  // Transit after the projects: rides inherit the projectIds of their legs, and each project then lists the transit
  // links (one-link facilities) that open with it, so `open-project` opens the service as well as the track.
  const transit = buildTransit({
    data,
    stations: context.nodes,
    railLinks: rail.links,
    estimatedLines: estimated.lines,
    estimatedTrainsPerDay: context.newLineTrainsPerDay,
  });
  const transitByProject = new Map<string, string[]>();
  for (const l of transit.links) for (const p of l.projectIds ?? []) transitByProject.set(p, [...(transitByProject.get(p) ?? []), l.facilityId]);
  for (const p of projects) {
    const transitIds = transitByProject.get(p.id) ?? [];
    if (transitIds.length === 0) continue;
    p.facilityIds = [...p.facilityIds, ...transitIds];
    p.note = `${p.note ?? ""}; plus the ${transitIds.length} transit links (rides, boardings, alightings) of the stopping patterns over them`.replace(/^; /, "");
  }
  const layers: [string, LayerBuild][] = [
    ["zones.json", zones], ["rail.json", rail], ["road.json", road], ["water.json", water], ["power.json", power], ["access.json", access],
    ["transit.json", transit],
  ];
  const assumptions = [...STATIC_ASSUMPTIONS, ...layers.flatMap(([, l]) => l.derived)];
  const files = new Map<string, string>();
  files.set(
    "network.json",
    manifestText(
      "yrd",
      "Yangtze River Delta (41 cities of Shanghai, Jiangsu, Zhejiang, Anhui): zones, rail, road, water and power layers, the rail passenger service (transit) layer and the chapter-5 projects of the 2019 YRD Integration Outline, built by `npm run build:networks` from ../shared/data/yrd. See SOURCES.md for sources, licences, assumptions and limits.",
      LAYER_FILES,
      "projects.json",
      assumptionsBlock(assumptions),
    ),
  );
  for (const [file, layer] of layers) files.set(file, layerFileText(layer));
  files.set("projects.json", projectsFileText(projects));
  const layerStats = layers.map(([file, layer]) => stats(file, layer));
  files.set(
    "SOURCES.md",
    sourcesMarkdown({
      layers: Object.fromEntries(layers) as Record<string, LayerBuild>,
      stats: layerStats,
      assumptions,
      projects,
      notRepresented,
    }),
  );
  return { files, stats: layerStats };
}
