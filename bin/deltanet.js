#!/usr/bin/env node
// deltanet command-line entry: registers the tsx loader, then runs the TypeScript CLI.
import { register } from "tsx/esm/api";
register();
await import("../src/cli/main.ts");
