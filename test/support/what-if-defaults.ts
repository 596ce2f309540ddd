/** The what-if model options the library API uses by default (src/defaults.ts), for tests that build a model directly. */
import { BATCH_CUTOFFS_MIN, PASSENGER_LAYERS } from "../../src/defaults.ts";

export const WHAT_IF_DEFAULTS = { cutoffsMin: BATCH_CUTOFFS_MIN, passengerLayers: PASSENGER_LAYERS } as const;
