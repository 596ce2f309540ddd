/**
 * Defaults: every default parameter of a deltanet run, in one place, with its unit in the name and a comment each.
 * CLI flags override these; the report's `parameters` block records the effective values.
 */
import type { Layer } from "./model/network.ts";
import type { CapacityQuery } from "./model/capacity-query.ts";
import type { CheckRule } from "./model/check-rule.ts";

/** Isochrone cutoffs, minutes (30, 60, 90, 120 and 180 min). Each must be > 0. */
export const DEFAULT_CUTOFFS_MIN: readonly number[] = [30, 60, 90, 120, 180];

/** Cutoffs shown in the person-facing comparison table, minutes. */
export const TABLE_CUTOFFS_MIN: readonly number[] = [60, 120];

/**
 * Layers making up the passenger network used for commute isochrones: the rail passenger service model (`transit`:
 * rides of stopping patterns, with a wait and boarding time at every boarding, so changing trains is not free), roads
 * and access links. The station-leg `rail` layer is not ridden; it serves connectivity and capacity.
 */
export const PASSENGER_LAYERS: readonly Layer[] = ["transit", "road", "access"];

/**
 * Capacity questions asked of every run: road north ↔ south of the Yangtze (veh/h), power Anhui → Shanghai (MW),
 * rail Shanghai ↔ Hangzhou (scheduled trains per day, the rail capacity measure of the timetable data).
 */
export const DEFAULT_CAPACITY_QUERIES: readonly CapacityQuery[] = [
  {
    id: "road-north-to-south",
    label: "Road: north → south of the Yangtze",
    layer: "road",
    capacityAttribute: "capacityVehPerHour",
    unit: "veh/h",
    from: { yangtzeBank: "north" },
    to: { yangtzeBank: "south" },
  },
  {
    id: "road-south-to-north",
    label: "Road: south → north of the Yangtze",
    layer: "road",
    capacityAttribute: "capacityVehPerHour",
    unit: "veh/h",
    from: { yangtzeBank: "south" },
    to: { yangtzeBank: "north" },
  },
  {
    id: "power-anhui-to-shanghai",
    label: "Power: Anhui → Shanghai",
    layer: "power",
    capacityAttribute: "capacityMw",
    unit: "MW",
    from: { provinces: ["Anhui"] },
    to: { provinces: ["Shanghai"] },
  },
  {
    id: "rail-shanghai-to-hangzhou",
    label: "Rail: Shanghai → Hangzhou",
    layer: "rail",
    capacityAttribute: "trainsPerDay",
    unit: "trains/day",
    from: { zoneIds: ["310100"] },
    to: { zoneIds: ["330100"] },
  },
  {
    id: "rail-hangzhou-to-shanghai",
    label: "Rail: Hangzhou → Shanghai",
    layer: "rail",
    capacityAttribute: "trainsPerDay",
    unit: "trains/day",
    from: { zoneIds: ["330100"] },
    to: { zoneIds: ["310100"] },
  },
];

// ─── Traffic assignment ────────────────────────────────────────────────────────────────────────────────────────────

/** Assignment algorithm when none is given: bi-conjugate Frank-Wolfe (fewest iterations of the three; bench/README.md). */
export const DEFAULT_ASSIGNMENT_ALGORITHM = "bfw" as const;

/** Relative gap at which an assignment stops, dimensionless (AequilibraE `parameters.yml` rgap 0.0001). */
export const DEFAULT_RELATIVE_GAP_TARGET = 1e-4;

/** Most assignment iterations (AequilibraE `parameters.yml` maximum_iterations 250). */
export const DEFAULT_MAX_ITERATIONS = 250;

/** BPR alpha for deltanet road links, dimensionless: the "traditional" BPR value (Bureau of Public Roads 1964). */
export const DEFAULT_BPR_ALPHA = 0.15;

/** BPR beta (power) for deltanet road links, dimensionless: the traditional BPR value. */
export const DEFAULT_BPR_BETA = 4;

/** Number of most congested links (by v/c) listed in a road assignment summary. */
export const ASSIGNMENT_TOP_LINK_COUNT = 10;

/**
 * Gravity model constraint when none is given: `doubly` (productions and attractions both fixed, Furness balancing)
 * or `production` (productions fixed, attractions by population share).
 */
export const DEFAULT_GRAVITY_CONSTRAINT = "doubly" as const;

/**
 * Inter-city road trips generated (and, doubly constrained, attracted) per resident in the assignment hour, veh/h per
 * person: 0.0004 = 0.4 veh/h per 1,000 residents, ≈ 94,000 veh/h between the 41 cities (2020 population 235 M).
 * Assumption (grade C, not calibrated: the data hold no inter-city OD counts or traffic counts). Chain: of the order
 * of 2 % of residents make an inter-city road trip per day, 10 % of them in the peak hour, 1.5 persons per vehicle
 * ⇒ 0.0013 veh/h per person as an upper bound; about 30 % of those run between the centres of two different
 * prefecture-level cities over the city-to-city expressway links modelled here (the rest stay inside one city's own
 * counties) ⇒ 0.0004. Order-of-magnitude check on baseline-2019: the busiest 8-lane link (G2/G42 Wuxi–Suzhou) then
 * carries ≈ 5,500 veh/h per direction and G15/G60 Shanghai–Jiaxing (4 lanes assumed) runs near capacity.
 * Override with `--trip-rate-veh-per-hour-per-person` or `gravity.tripRateVehPerHourPerPerson`.
 */
export const GRAVITY_TRIP_RATE_VEH_PER_HOUR_PER_PERSON = 0.0004;

/**
 * Deterrence f(c) = exp(−β·c) of the gravity model, β per minute of free-flow road time: 0.01 /min, the usual first
 * estimate β ≈ 1 / mean trip cost (Hyman 1969) for an assumed mean inter-city trip of 100 min. Override with
 * `--gravity-beta-per-min` or `gravity.betaPerMin`.
 * @see Ortúzar & Willumsen, Modelling Transport (4th ed., 2011), §5.5 (deterrence functions), §5.6 (calibration).
 */
export const GRAVITY_BETA_PER_MIN = 0.01;

/** Furness balancing stops when every row and column total is within this relative error, dimensionless. */
export const GRAVITY_BALANCING_TOLERANCE = 1e-10;

/** Most Furness balancing iterations. */
export const GRAVITY_MAX_BALANCING_ITERATIONS = 1000;

// ─── deltanet check ────────────────────────────────────────────────────────────────────────────────────────────────

/** Largest relative gap (dimensionless) the default `assignment-gap` check rule accepts: AequilibraE's rgap 1e-4. */
export const CHECK_MAX_RELATIVE_GAP = 1e-4;

/**
 * Rules of `deltanet check` when no `--rules` file is given: strict, because the issue asks the job to fail when a
 * change breaks connectivity, shrinks commute reach or cuts capacity at all. Loosen them with a rules file
 * (`scenarios/check-rules.yaml` is an example). In order:
 * - `reachability`: no city loses reachability (any path, no time limit) to any other on the passenger network;
 * - `component-count`: no layer (rail, road, water, power, passenger) gets more weak components;
 * - `no-new-bridges`, `no-new-articulation-points`: no layer gets a new bridge or articulation point;
 * - `population-reach` at 60 and 120 min (the cutoffs of the comparison table): no city's population reached drops;
 * - `max-flow`: no capacity query's max-flow drops;
 * - `assignment-gap`: an assignment in the candidate run reached a relative gap ≤ 1e-4 (skipped without one).
 */
export const DEFAULT_CHECK_RULES: readonly CheckRule[] = [
  { type: "reachability" },
  { type: "component-count" },
  { type: "no-new-bridges" },
  { type: "no-new-articulation-points" },
  { type: "population-reach", cutoffMin: 60, maxDropPercent: 0 },
  { type: "population-reach", cutoffMin: 120, maxDropPercent: 0 },
  { type: "max-flow", maxDropPercent: 0 },
  { type: "assignment-gap", maxRelativeGap: CHECK_MAX_RELATIVE_GAP },
];

// ─── Batch what-if runs and the engine pool ────────────────────────────────────────────────────────────────────────

/** Isochrone cutoffs of the batch metrics (`populationWithin<c>MinChangePersons`), minutes (60 and 120 min). */
export const BATCH_CUTOFFS_MIN: readonly number[] = [60, 120];

/** A pool task running longer than this is killed with its worker and reported, seconds (`--task-timeout-s`). */
export const DEFAULT_TASK_TIMEOUT_S = 600;

/** Attempts per batch scenario: a task that throws or whose worker dies is retried once (timeouts are not retried). */
export const BATCH_MAX_ATTEMPTS = 2;

/** Rows of the criticality table printed by `deltanet criticality` (`--top`); the JSON and CSV outputs hold all. */
export const CRITICALITY_TOP_COUNT = 20;
