/**
 * YRD builder, zones: one centroid node per prefecture-level city of `yrd_cities.csv` (41), with the 2020 census
 * population, province and the Yangtze bank of the city's main urban area.
 */
import type { NodeAttributes } from "../../src/model/network.ts";
import type { City, YrdData } from "./data.ts";
import type { LayerBuild } from "./types.ts";

/**
 * Cities whose main urban area lies north of the Yangtze (Jiangsu: Xuzhou, Lianyungang, Suqian, Huai'an, Yancheng,
 * Yangzhou, Taizhou, Nantong; Anhui: Hefei, Huaibei, Bozhou, Suzhou (AH), Bengbu, Fuyang, Huainan, Chuzhou, Lu'an,
 * Anqing). Every other city, Shanghai included, is "south". Rule set by the task brief from the city-centre points.
 */
export const NORTH_BANK_ADCODES: ReadonlySet<string> = new Set([
  "320300", "320700", "321300", "320800", "320900", "321000", "321200", "320600",
  "340100", "340600", "341600", "341300", "340300", "341200", "340400", "341100", "341500", "340800",
]);

/** Yangtze bank of a city's main urban area. @example yangtzeBankOf("320100") // "south" */
export function yangtzeBankOf(adcode: string): "north" | "south" {
  return NORTH_BANK_ADCODES.has(adcode) ? "north" : "south";
}

/** Zone node id of a city. @example zoneNodeId("310100") // "zone:310100" */
export function zoneNodeId(adcode: string): string {
  return `zone:${adcode}`;
}

function zoneNode(c: City): NodeAttributes {
  return {
    id: zoneNodeId(c.adcode),
    kind: "centroid",
    layer: "zone",
    name: c.nameEn,
    nameZh: c.nameZh,
    lon: c.lon,
    lat: c.lat,
    zoneId: c.adcode,
    populationPersons: c.pop2020,
    province: c.provinceEn,
    yangtzeBank: yangtzeBankOf(c.adcode),
    source: `yrd_cities.csv: ${c.adcode} ${c.nameZh}`,
  };
}

/**
 * Builds the zone layer.
 * @param data loaded YRD data
 * @returns 41 centroid nodes sorted by adcode, no links
 * @example buildZones(data).nodes[0].id // "zone:310100"
 */
export function buildZones(data: YrdData): LayerBuild {
  return {
    layer: "zone",
    description:
      "Zones: the 41 prefecture-level cities of the Yangtze River Delta (Shanghai, Jiangsu, Zhejiang, Anhui); centroid at the city centre, 2020 census resident population.",
    nodes: data.cities.map(zoneNode),
    links: [],
    derived: [],
    notes: [],
  };
}
