/**
 * deltanet version: read once from package.json so reports record which engine produced them.
 */
import { readFileSync } from "node:fs";

/** The `version` field of deltanet's package.json, e.g. "0.1.0". */
export const DELTANET_VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
