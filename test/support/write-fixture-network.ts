/**
 * Regenerates a fixture network folder from its `network.txt` (tiny-network DSL):
 * `npx tsx test/support/write-fixture-network.ts test/fixtures/networks/tiny-delta`.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { tinyNetwork, writeNetworkFolder } from "./tiny-network.ts";

const dir = process.argv[2];
if (!dir) throw new Error("usage: write-fixture-network.ts <fixture folder holding network.txt>");
writeNetworkFolder(tinyNetwork(readFileSync(join(dir, "network.txt"), "utf8"), basename(dir)), dir, `test fixture generated from network.txt`);
process.stdout.write(`wrote ${dir}\n`);
