// Worker-thread bootstrap for the engine pool: registers the tsx TypeScript loader, then loads the worker script.
// Worker threads do not inherit the main thread's loader (and Node 20 ignores `--import` in a worker's execArgv).
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
