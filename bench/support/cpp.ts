/**
 * The C++ reference: compiles bench/reference/dijkstra.cpp with `g++ -O2` into bench/.build/ when g++ is present,
 * and talks to it: a query server for paired timings, and a one-shot peak-memory run.
 */
import { execFileSync, spawn, spawnSync, type ChildProcessByStdio } from "node:child_process";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { resolve } from "node:path";
import { BUILD_DIR, REPO_ROOT } from "./graphs.ts";

/** The compiled reference, or why it is not available. */
export type CppReference = { ok: true; binary: string; compiler: string } | { ok: false; reason: string };

/**
 * Compiles the reference (`g++ -O2 -std=c++17`); returns `{ ok: false, reason }` when g++ is missing or fails.
 * @example compileReference() // { ok: true, binary: ".../bench/.build/dijkstra", compiler: "g++ (Debian 12.2.0-14) 12.2.0" }
 */
export function compileReference(): CppReference {
  const version = spawnSync("g++", ["--version"], { encoding: "utf8" });
  if (version.error || version.status !== 0) return { ok: false, reason: "g++ not found" };
  const binary = resolve(BUILD_DIR, "dijkstra");
  const source = resolve(REPO_ROOT, "bench/reference/dijkstra.cpp");
  const build = spawnSync("g++", ["-O2", "-std=c++17", "-o", binary, source], { encoding: "utf8" });
  if (build.status !== 0) return { ok: false, reason: `g++ failed: ${build.stderr.trim().split("\n")[0]}` };
  return { ok: true, binary, compiler: version.stdout.split("\n")[0] };
}

/**
 * A running `dijkstra --serve` process: the graph is loaded once, then each query is one request/response line, timed
 * by the C++ side itself, so the bench can alternate TypeScript and C++ query by query.
 */
export class ReferenceServer {
  /** CPU to pin new servers to with `taskset -c` (the bench pins itself to the same one); undefined = no pinning. */
  static cpu: number | undefined;
  /** Load + CSR build time reported by the reference, ms. */
  loadMs = NaN;
  nodeCount = 0;
  linkCount = 0;
  private readonly lines: string[] = [];
  private readonly waiting: ((line: string) => void)[] = [];
  private exited = false;

  private constructor(private readonly child: ChildProcessByStdio<Writable, Readable, null>) {
    createInterface({ input: child.stdout }).on("line", (line) => {
      const resolve = this.waiting.shift();
      if (resolve) resolve(line);
      else this.lines.push(line);
    });
    child.once("exit", () => {
      this.exited = true;
      for (const resolve of this.waiting.splice(0)) resolve("exit");
    });
  }

  /** Starts the reference on a graph file and waits for its `ready <loadMs> <nodes> <links>` line. */
  static async start(binary: string, grFile: string): Promise<ReferenceServer> {
    const [command, args] =
      ReferenceServer.cpu === undefined ? [binary, ["--serve", grFile]] : ["taskset", ["-c", String(ReferenceServer.cpu), binary, "--serve", grFile]];
    const server = new ReferenceServer(spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] }));
    const ready = (await server.next()).split(" ");
    if (ready[0] !== "ready") throw new Error(`C++ reference did not start: "${ready.join(" ")}"`);
    server.loadMs = Number(ready[1]);
    server.nodeCount = Number(ready[2]);
    server.linkCount = Number(ready[3]);
    return server;
  }

  /** Sends one query line (`ss o`, `cut o c`, `p2p o d`) and returns the numbers of the answer. */
  async query(line: string): Promise<number[]> {
    this.child.stdin.write(`${line}\n`);
    const answer = await this.next();
    if (answer === "exit") throw new Error(`C++ reference exited on "${line}"`);
    return answer.split(" ").map(Number);
  }

  /** Ends the process. */
  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.stdin.end("quit\n");
    await done;
  }

  private next(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.exited) return Promise.resolve("exit");
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

/** Peak memory of the reference: load + one single-source search, in a fresh process. */
export interface MemoryReport {
  baselineRssKb: number;
  peakRssKb: number;
  /** Bytes of the compiled graph arrays (C++: offsets, targets, arc links, arc costs; TS: csrByteLength). */
  structureBytes: number;
  reached: number;
  sum: number;
}

/** Runs `dijkstra --memory <gr> <origin>`. */
export function referenceMemory(binary: string, grFile: string, origin: number): MemoryReport {
  return JSON.parse(execFileSync(binary, ["--memory", grFile, String(origin)], { encoding: "utf8" })) as MemoryReport;
}
