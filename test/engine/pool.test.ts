/**
 * Tests of src/engine/pool.ts: the worker pool gives the same bytes as the main thread whatever the worker count,
 * non-JSON numbers survive the worker boundary, and a task that throws, kills its worker or hangs is reported as
 * such while the pool keeps working and always terminates.
 */
import { afterAll, describe, expect, test } from "vitest";
import { DEFAULT_CAPACITY_QUERIES } from "../../src/defaults.ts";
import { classifyTaskError, computeWhatIfBase, createEnginePool, resolvePoolOptions, TaskFailedError, type EnginePool } from "../../src/engine/pool.ts";
import { buildWhatIfModel, closeFacilities, type WhatIfModel } from "../../src/engine/what-if-model.ts";
import type { Network } from "../../src/model/network.ts";
import { applyScenario } from "../../src/scenario/apply-scenario.ts";
import { UsageError } from "../../src/errors.ts";
import { WHAT_IF_DEFAULTS } from "../support/what-if-defaults.ts";

const base = applyScenario("test/fixtures/scenarios/batch-base.yaml").network;
const ROAD_QUERIES = DEFAULT_CAPACITY_QUERIES.filter((q) => q.layer === "road");
const ROAD_FACILITIES = ["road:G15:nt-yc", "road:G2:sh-sz", "road:G40:sh-nt", "road:crossing:sutong"];

function model(network: Network = base): WhatIfModel {
  return buildWhatIfModel(network, { ...WHAT_IF_DEFAULTS, capacityQueries: ROAD_QUERIES });
}

/** Base plus every single and double closure, as bytes. */
async function runAll(pool: EnginePool): Promise<Uint8Array> {
  const m = model();
  await computeWhatIfBase(m, pool);
  const sets = [...ROAD_FACILITIES.map((a) => [a]), ...ROAD_FACILITIES.flatMap((a, i) => ROAD_FACILITIES.slice(i + 1).map((b) => [a, b]))];
  const results = await Promise.all(sets.map((set) => pool.scenarioMetrics(m.descriptor, { scenarioId: set.join("+"), ...closeFacilities(m, set) })));
  const all = new Float64Array(results.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const r of results) {
    all.set(r, at);
    at += r.length;
  }
  return new Uint8Array(all.buffer);
}

const pools: EnginePool[] = [];
function pool(workers: number, taskTimeoutMs?: number): EnginePool {
  const p = createEnginePool({ workers, ...(taskTimeoutMs !== undefined ? { taskTimeoutMs } : {}) });
  pools.push(p);
  return p;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.terminate()));
});

describe("createEnginePool({ workers })", () => {
  // Output bytes for 1, 2 and 4 workers: test/batch/run-batch.test.ts. Here the raw vectors, main thread vs 2 workers.
  test("0 (main thread) and 2 workers give byte-identical metric vectors", async () => {
    const reference = await runAll(pool(0));
    for (const workers of [2]) {
      const bytes = await runAll(pool(workers));
      expect(Buffer.from(bytes).equals(Buffer.from(reference)), `${workers} workers`).toBe(true);
    }
  });

  test("Infinity crosses the worker boundary: an unreachable zone never comes back as reachable", async () => {
    const closed = base.copy();
    closed.forEachEdge((id, a) => {
      if (a.facilityId === "road:G15:nt-yc") closed.setEdgeAttribute(id, "closed", true);
    });
    const m = model(closed);
    const p = pool(1);
    const r = await p.zoneTimes(m.descriptor, Int32Array.of(3, 0)); // zones yc, nt
    // yc reaches only itself; nt reaches nt (0), sh (107), sz (54) but not yc.
    expect(Array.from(r.timeMin.subarray(0, 4))).toEqual([Infinity, Infinity, Infinity, 0]);
    expect(r.timeMin[7]).toBe(Infinity);
    expect(r.timeMin[4]).toBe(0);
  });

  test("NaN crosses the worker boundary: with every road closed no OD pair stays connected, the mean is NaN", async () => {
    const m = model();
    const p = pool(1);
    await computeWhatIfBase(m, p);
    const v = await p.scenarioMetrics(m.descriptor, { scenarioId: "all", ...closeFacilities(m, ROAD_FACILITIES) });
    expect(v[0]).toBeNaN(); // meanTimeIncreaseMin: no pair left to average over
    expect(v[1]).toBe(12); // odPairsDisconnected: all 4 × 3 ordered pairs
  });

  test("ping(payload) echoes through a worker (the empty-task round trip)", async () => {
    await expect(pool(1).ping(42)).resolves.toBe(42);
  });

  test("a task that throws is a TaskFailedError of kind 'error' naming the scenario; the pool goes on", async () => {
    const m = model();
    const p = pool(1);
    await computeWhatIfBase(m, p);
    const task = { scenarioId: "n-1:road:G2:sh-sz", ...closeFacilities(m, ["road:G2:sh-sz"]) };
    const err = await p.scenarioMetrics(m.descriptor, { ...task, fault: "throw" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TaskFailedError);
    expect(err).toMatchObject({ kind: "error", code: "task-error" });
    expect((err as Error).message).toContain("n-1:road:G2:sh-sz");
    expect((await p.scenarioMetrics(m.descriptor, task)).length).toBe(8);
  });

  test("a worker that dies (process.exit inside it) is kind 'worker-exit'; a new worker takes the next task", async () => {
    const m = model();
    const p = pool(1);
    await computeWhatIfBase(m, p);
    const task = { scenarioId: "n-1:road:G40:sh-nt", ...closeFacilities(m, ["road:G40:sh-nt"]) };
    const err = await p.scenarioMetrics(m.descriptor, { ...task, fault: "exit" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "worker-exit", code: "task-worker-exit" });
    expect((err as Error).message).toContain("exit code 70");
    expect((await p.scenarioMetrics(m.descriptor, task)).length).toBe(8);
  });

  test("a task over the timeout is killed (even a busy loop): kind 'timeout'; the pool goes on and terminates", async () => {
    const m = model();
    const p = pool(1, 300);
    await computeWhatIfBase(m, p);
    const task = { scenarioId: "n-1:road:G15:nt-yc", ...closeFacilities(m, ["road:G15:nt-yc"]) };
    const err = await p.scenarioMetrics(m.descriptor, { ...task, fault: "hang" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "timeout", code: "task-timeout" });
    expect((await p.scenarioMetrics(m.descriptor, task)).length).toBe(8);
    await p.terminate();
    await p.terminate(); // idempotent
    await expect(p.ping(1)).rejects.toMatchObject({ code: "pool-terminated" });
  });

  test("workers 0 refuses faults that would kill or hang the main thread", async () => {
    const m = model();
    const p = pool(0);
    await computeWhatIfBase(m, p);
    await expect(p.scenarioMetrics(m.descriptor, { scenarioId: "x", closedLinks: [], closedViewLinks: [[]], fault: "exit" })).rejects.toBeInstanceOf(UsageError);
    await expect(p.scenarioMetrics(m.descriptor, { scenarioId: "x", closedLinks: [], closedViewLinks: [[]], fault: "throw" })).rejects.toMatchObject({ kind: "error" });
  });
});

describe("resolvePoolOptions(options) / classifyTaskError(err, label)", () => {
  test("refuses a negative or fractional worker count and a zero timeout (never read as 'none')", () => {
    expect(() => resolvePoolOptions({ workers: -1 })).toThrow(expect.objectContaining({ code: "invalid-workers" }));
    expect(() => resolvePoolOptions({ workers: 1.5 })).toThrow(expect.objectContaining({ code: "invalid-workers" }));
    expect(() => resolvePoolOptions({ taskTimeoutMs: 0 })).toThrow(expect.objectContaining({ code: "invalid-task-timeout" }));
    expect(resolvePoolOptions({ workers: 2 })).toEqual({ workers: 2, taskTimeoutMs: Infinity });
    expect(resolvePoolOptions({ workers: 1, taskTimeoutMs: 600_000 })).toEqual({ workers: 1, taskTimeoutMs: 600_000 });
  });
  test("classifies workerpool's TimeoutError and 'terminated unexpectedly' messages", () => {
    expect(classifyTaskError(Object.assign(new Error("x"), { name: "TimeoutError" }), "t", 1000).kind).toBe("timeout");
    expect(classifyTaskError(new Error("Workerpool Worker terminated Unexpectedly\n    exitCode: `3`"), "t").message).toBe("t: its worker died (exit code 3)");
    expect(classifyTaskError(new Error("boom"), "t")).toMatchObject({ kind: "error", message: "t: boom" });
  });
});
