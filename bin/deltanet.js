#!/usr/bin/env node
// deltanet command-line entry.
// - Repository checkout (src/ present): registers the tsx loader and runs the TypeScript sources, so a checkout never
//   runs a stale build.
// - Installed package (no src/; dist/ built by `npm pack`'s prepack step): runs the compiled JavaScript in dist/.
import { existsSync } from "node:fs";

const source = new URL("../src/cli/main.ts", import.meta.url);
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(source.href);
} else {
  await import("../dist/cli/main.js");
}
