/**
 * Network assumptions: the modelling constants a network was built with, carried by the network itself (the
 * `assumptions` block of network.json, a graph attribute of the {@link Network}) under lower-camelCase names with
 * their unit, e.g. `roadSpeedKph`. The network builder writes every numeric value of its assumption table there
 * (tools/yrd-build/assumptions.ts); the engine reads the few it needs through {@link requireAssumption}, so the engine
 * keeps no copy of a builder constant. A network without the block (a GMNS import, a test network) gets no silent
 * default: the engine refuses to run a step that needs a missing assumption, naming it. Like every graph attribute they
 * are not part of the network checksum (model/checksum.ts hashes nodes and links only).
 */
import { InputError } from "../errors.ts";
import type { Network } from "./network.ts";

/** Assumption name → value (finite, ≥ 0), e.g. `{ roadCircuity: 1.25, roadSpeedKph: 100 }`. */
export type NetworkAssumptions = Readonly<Record<string, number>>;

/** What an assumption the engine reads stands for, and whether it must be > 0 (else ≥ 0). */
export interface EngineAssumption {
  /** Unit of the value, as in the name. */
  unit: string;
  /** What the engine uses it for. */
  usedFor: string;
  /** True when 0 is refused (a divisor or a factor of a length). */
  positive: boolean;
}

/** The assumptions the engine reads from a network, by name. */
export const ENGINE_ASSUMPTIONS = {
  roadCircuity: {
    unit: "ratio",
    usedFor: "gravity-model fallback road time of a city pair without a road route: road length = great-circle × this",
    positive: true,
  },
  roadSpeedKph: {
    unit: "km/h",
    usedFor: "gravity-model fallback road time of a city pair without a road route: time = length / this",
    positive: true,
  },
  centroidConnectorMin: {
    unit: "min",
    usedFor: "gravity-model fallback road time of a city pair without a road route: plus one connector at each end",
    positive: false,
  },
  laneCapacityPcuPerHour: {
    unit: "pcu/h per lane",
    usedFor: "capacity of a road link with lanes but no capacityVehPerHour: lanes / 2 × this veh/h per direction (pcu counted as vehicles)",
    positive: true,
  },
} as const satisfies Record<string, EngineAssumption>;

/** Name of an assumption the engine reads. */
export type EngineAssumptionName = keyof typeof ENGINE_ASSUMPTIONS;

/**
 * The assumptions block of a network.
 * @param network any network
 * @returns name → value; empty when the network has no block (never filled with defaults)
 * @example networkAssumptions(readNetworkFolder("networks/yrd")).roadSpeedKph // 100
 */
export function networkAssumptions(network: Network): NetworkAssumptions {
  return network.getAttribute("assumptions") ?? {};
}

/**
 * One assumption the engine needs, read from the network.
 * @param network the network the engine runs on
 * @param name one of {@link ENGINE_ASSUMPTIONS}
 * @param neededBy what asks for it, for the message (e.g. `road link "road:a-b"`)
 * @returns the value, finite; > 0 for the names marked `positive`
 * @throws InputError code `missing-assumption` (path `assumptions.<name>`) when the network has no such assumption,
 *   `invalid-assumption` when it is not a finite number in range
 * @example requireAssumption(readNetworkFolder("networks/yrd"), "roadCircuity", "the gravity fallback") // 1.25
 */
export function requireAssumption(network: Network, name: EngineAssumptionName, neededBy: string): number {
  const spec = ENGINE_ASSUMPTIONS[name];
  const value = networkAssumptions(network)[name];
  const networkName = network.getAttribute("name");
  if (value === undefined) {
    throw new InputError({
      path: `assumptions.${name}`,
      code: "missing-assumption",
      message: `network "${networkName}" has no assumption "${name}" (${spec.unit}) in the "assumptions" block of its network.json, needed by ${neededBy} (${spec.usedFor})`,
    });
  }
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (spec.positive && value === 0)) {
    throw new InputError({
      path: `assumptions.${name}`,
      code: "invalid-assumption",
      message: `network "${networkName}" has assumption "${name}" = ${JSON.stringify(value)}; expected a finite number ${spec.positive ? "> 0" : "≥ 0"} (${spec.unit})`,
    });
  }
  return value;
}
