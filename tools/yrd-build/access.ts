/**
 * YRD builder, access: centroid connectors zone ↔ city expressway node, and station access (zone → station) and
 * egress (station → zone) links for every station of a city.
 *
 * - centroid connector: CENTROID_CONNECTOR_MIN each way; bank sub-nodes are reached through their city's road node
 *   over a crossing, never straight from the centroid.
 * - access timeMin = distance / STATION_ACCESS_SPEED_KPH × 60 + ACCESS_TERMINAL_MIN, where distance is the
 *   great-circle from the city centre to the station (DEFAULT_ACCESS_KM when the station has no coordinates or only a
 *   city-centre placeholder). No wait: the wait for a train is on the transit layer's boarding links (transit.ts),
 *   where it depends on the corridor boarded into and is paid again at every change of train.
 * - egress timeMin = distance / speed × 60 + EGRESS_TERMINAL_MIN.
 * Transfers between stations of a city, and between rail and road, go through the city centroid (egress + access);
 * a change of train at one station is a transit alight + board (wait + BOARDING_MIN).
 */
import type { LinkAttributes, NodeAttributes } from "../../src/model/network.ts";
import {
  ACCESS_TERMINAL_MIN,
  CENTROID_CONNECTOR_MIN,
  DEFAULT_ACCESS_KM,
  EGRESS_TERMINAL_MIN,
  STATION_ACCESS_SPEED_KPH,
  n,
} from "./assumptions.ts";
import { zoneNodeId } from "./cities.ts";
import type { YrdData } from "./data.ts";
import { greatCircleKm } from "../../src/units.ts";
import { roadNodeId } from "./road.ts";
import { km, minutes } from "./round.ts";
import { oneWay, twoWay, type LayerBuild } from "./types.ts";

/**
 * Builds the access layer.
 * @param data loaded YRD data
 * @param railNodes station nodes (timetable and estimated lines)
 * @param placeholderCoords station node ids whose coordinates are a city-centre placeholder
 * @returns links only (their nodes live in the other layers)
 * @example buildAccess(data, nodes, new Set()).links.find((l) => l.id === "access:cc:310100:ab")?.timeMin // 15
 */
export function buildAccess(data: YrdData, railNodes: readonly NodeAttributes[], placeholderCoords: ReadonlySet<string>): LayerBuild {
  const links: LinkAttributes[] = [];
  for (const c of data.cities) {
    links.push(
      ...twoWay(
        {
          facilityId: `access:cc:${c.adcode}`, layer: "access", linkType: "centroid-connector", name: `${c.nameEn} centroid ↔ expressway`,
          status: "existing", timeMin: n(CENTROID_CONNECTOR_MIN), estimate: true, estimateNote: "timeMin = CENTROID_CONNECTOR_MIN",
          source: "assumption (CENTROID_CONNECTOR_MIN)",
        },
        zoneNodeId(c.adcode),
        roadNodeId(c.adcode),
      ),
    );
  }
  const speed = n(STATION_ACCESS_SPEED_KPH);
  for (const st of railNodes) {
    const city = data.cityByAdcode.get(st.zoneId!)!;
    const known = st.lon !== undefined && st.lat !== undefined && !placeholderCoords.has(st.id);
    const distanceKm = known ? greatCircleKm([city.lon, city.lat], [st.lon!, st.lat!]) : n(DEFAULT_ACCESS_KM);
    const rideMin = (distanceKm / speed) * 60;
    const distNote = known ? `great-circle ${km(distanceKm)} km city centre–station` : `DEFAULT_ACCESS_KM ${n(DEFAULT_ACCESS_KM)} km (station position unknown)`;
    const stationZh = st.nameZh ?? st.id.slice(5);
    const facilityId = `access:rail:${stationZh}`;
    const common = { facilityId, layer: "access" as const, status: "existing" as const, estimate: true, source: `assumption (access rules); station ${stationZh}, city ${city.adcode}` };
    links.push(
      oneWay(
        {
          ...common, linkType: "station-access", name: `${city.nameEn} centroid → ${stationZh}`,
          timeMin: minutes(rideMin + n(ACCESS_TERMINAL_MIN)), lengthKm: km(distanceKm),
          estimateNote: `${distNote} at STATION_ACCESS_SPEED_KPH + ACCESS_TERMINAL_MIN (the wait is on the transit boarding links)`,
        },
        zoneNodeId(city.adcode), st.id, "access",
      ),
      oneWay(
        {
          ...common, linkType: "station-egress", name: `${stationZh} → ${city.nameEn} centroid`,
          timeMin: minutes(rideMin + n(EGRESS_TERMINAL_MIN)), lengthKm: km(distanceKm),
          estimateNote: `${distNote} at STATION_ACCESS_SPEED_KPH + EGRESS_TERMINAL_MIN`,
        },
        st.id, zoneNodeId(city.adcode), "egress",
      ),
    );
  }
  return {
    layer: "access",
    description:
      "Access: centroid connectors (zone ↔ city expressway node) and station access/egress links (zone ↔ each station of the city; the wait for a train is on the transit boarding links). Transfers between stations and between modes go through the centroid. All times are documented assumptions (SOURCES.md).",
    nodes: [],
    links,
    derived: [],
    notes: [],
  };
}
