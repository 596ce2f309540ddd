/** The output formats of a batch run, in a module of its own so that the command line can list them cheaply. */

/** Output formats of a batch: CSV (one header line) or JSON Lines. */
export const BATCH_FORMATS = ["csv", "jsonl"] as const;
/** `csv` or `jsonl`. */
export type BatchFormat = (typeof BATCH_FORMATS)[number];
