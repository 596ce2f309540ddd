/**
 * The small network shared by the modification tests (tiny-network DSL), with its hand-checked numbers.
 */
import { tinyNetwork } from "../support/tiny-network.ts";

/**
 * 10 nodes, 19 links:
 * - access: zone:a↔road:a, zone:b↔road:b, zone:a↔rail:a, zone:b↔rail:b (8 links)
 * - road:ab 20 km at 100 km/h = 12 min, 4,000 veh/h, 4 lanes (2 links)
 * - road:bc 84 km at 100 km/h + 5 min border = 55.4 min, 6,000 veh/h, crosses a provincial border (2 links)
 * - road:ac-oneway a→c 30 min, no length (1 link)
 * - road:bd planned (project new-road, 新路) 60 km at 120 km/h = 30 min (2 links)
 * - rail:ab 25 min, 80 trains/day each way (2 links)
 * - power:xy 500 MW (2 links)
 */
export const NET_TEXT = `
zone:a <-> road:a 15min
zone:b <-> road:b 15min
zone:a <-> rail:a 10min type=station-access
zone:b <-> rail:b 10min type=station-access
road:a <-> road:b 20km 100kph 4000vph 4lanes id=road:ab
road:b <-> road:c 84km 100kph 6000vph 6lanes borderDelayMin=5 crossesProvincialBorder=true id=road:bc
road:a -> road:c 30min id=road:ac-oneway
road:b <-> road:d 60km 120kph 4000vph planned project=new-road id=road:bd
rail:a <-> rail:b 25min 80tpd id=rail:ab
power:x <-> power:y 500mw id=power:xy
project new-road 新路 planned : road:bd
`;

/** A fresh copy of the shared network. */
export function net() {
  return tinyNetwork(NET_TEXT, "modification-tests");
}
