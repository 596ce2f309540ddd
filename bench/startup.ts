/**
 * Start-up bench: `deltanet --help` from the repository (bin/deltanet.js registers tsx and loads the TypeScript
 * sources) against the installed package (the tarball of `npm pack`, installed offline into a temporary folder: its
 * bin runs the compiled dist/ with no TypeScript loader), in one run, with the ratio of the two.
 *
 * Usage: npx tsx bench/startup.ts [--smoke] [--runs N]
 *   --smoke   3 timed runs each: seconds plus the pack; for CI (proves the bench and the packed CLI run)
 *   --runs    timed runs per variant (default 21)
 * Output: a table on stdout, progress on stderr, bench/results/startup-<yyyy-mm-dd>.json (smoke runs:
 * bench/.build/results/startup-<yyyy-mm-dd>-smoke.json, git-ignored).
 * Method: each run is a fresh `node <bin> --help` process (wall time from spawn to exit, stdout piped, so yargs wraps
 * the help at its default width on both sides); the two variants alternate, and which goes first alternates too, so
 * that load from other processes hits both alike. One untimed run of each comes first: it fills tsx's transform cache
 * (in the OS temp folder), so the repository side is measured as a developer sees it after the first start, which
 * favours it. `node -e ""` is timed the same way as the floor (Node's own start-up), and the repository's command with
 * tsx's cache disabled (TSX_DISABLE_CACHE=1) as the cost of a first start, for context. The repository and the
 * installed command must print the same help text. Ratio = repository median / installed median (also given for
 * the minima). Under GNU time (/usr/bin/time, when present) the bench also records each run's CPU time (user + system
 * over all threads), which other processes on the machine disturb less than wall time.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, platform, release, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { installTarball, packRepository, REPO_ROOT } from "../test/package/install-package.ts";
import { msSince, summarize, type Summary } from "./support/stats.ts";

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const runsArg = args.indexOf("--runs");
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : smoke ? 3 : 21;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") i++;
  else if (args[i] !== "--smoke") {
    process.stderr.write(`bench/startup: unknown argument "${args[i]}"; usage: npx tsx bench/startup.ts [--smoke] [--runs N]\n`);
    process.exit(2);
  }
}
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be an integer ≥ 1");

/** The start-up ratio the package should reach (repository tsx start / installed compiled start). */
const TARGET_RATIO = 2;

const log = (line: string) => process.stderr.write(`bench/startup: ${line}\n`);

interface Variant {
  name: string;
  description: string;
  args: string[];
  cwd: string;
  /** Extra environment variables of the process. */
  env?: Record<string, string>;
  samplesMs: number[];
  /** CPU time (user + system, all threads) of each run, ms; empty without GNU time. */
  cpuSamplesMs: number[];
  stdout?: string;
}

/** GNU time, for the children's CPU time (Node cannot read a child's rusage); absent on some systems. */
const GNU_TIME = "/usr/bin/time";
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%U", "true"]).status === 0;

/**
 * Starts one `node …` process to completion (under GNU time when present, which writes the CPU seconds to
 * `cpuFile`); returns its wall time (ms), CPU time (ms, NaN without GNU time) and stdout.
 */
function timeOnce(v: Variant, cpuFile: string): { ms: number; cpuMs: number; stdout: string } {
  const [command, args] = hasGnuTime ? [GNU_TIME, ["-f", "%U %S", "-o", cpuFile, process.execPath, ...v.args]] : [process.execPath, v.args];
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: v.cwd, encoding: "utf8", env: { ...process.env, ...v.env } });
  const ms = msSince(start);
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${v.name}: node ${v.args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const cpuMs = hasGnuTime ? readFileSync(cpuFile, "utf8").trim().split(/\s+/).reduce((sum, sec) => sum + Number(sec) * 1000, 0) : NaN;
  return { ms, cpuMs, stdout: r.stdout };
}

function git(...gitArgs: string[]): string | undefined {
  const r = spawnSync("git", gitArgs, { cwd: REPO_ROOT, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

async function main(): Promise<void> {
  const started = new Date();
  const work = mkdtempSync(join(tmpdir(), "deltanet-startup-"));
  try {
    log("packing (npm pack in a copy of the working tree) and installing the tarball offline …");
    const packStart = process.hrtime.bigint();
    const packed = packRepository(join(work, "stage"), join(work, "tarballs"));
    const packageDir = installTarball(packed.tarball, join(work, "app"));
    const packInstallMs = msSince(packStart);
    log(`packed and installed in ${(packInstallMs / 1000).toFixed(1)} s`);

    const variants: Variant[] = [
      { name: "repository", description: "node bin/deltanet.js --help (repository checkout: tsx + TypeScript sources)", args: ["bin/deltanet.js", "--help"], cwd: REPO_ROOT, samplesMs: [], cpuSamplesMs: [] },
      { name: "installed", description: "node node_modules/deltanet/bin/deltanet.js --help (installed tarball: compiled dist/)", args: [join(packageDir, "bin", "deltanet.js"), "--help"], cwd: join(work, "app"), samplesMs: [], cpuSamplesMs: [] },
      { name: "node", description: 'node -e "" (Node start-up alone)', args: ["-e", ""], cwd: work, samplesMs: [], cpuSamplesMs: [] },
      {
        name: "repository-cold",
        description: "the repository's command with TSX_DISABLE_CACHE=1 (every TypeScript file transformed, as at a first start)",
        args: ["bin/deltanet.js", "--help"],
        cwd: REPO_ROOT,
        env: { TSX_DISABLE_CACHE: "1" },
        samplesMs: [],
        cpuSamplesMs: [],
      },
    ];
    const loadBefore = loadavg();
    const cpuFile = join(work, "cpu.txt");
    for (const v of variants) v.stdout = timeOnce(v, cpuFile).stdout; // warm-up (fills tsx's cache), untimed
    if (variants[0]!.stdout !== variants[1]!.stdout) throw new Error("the repository and the installed CLI print different help texts");
    if (!variants[0]!.stdout!.includes("deltanet compare")) throw new Error(`unexpected help text: ${variants[0]!.stdout}`);
    for (let round = 0; round < runs; round++) {
      const order = round % 2 === 0 ? variants : [...variants].reverse();
      for (const v of order) {
        const t = timeOnce(v, cpuFile);
        v.samplesMs.push(t.ms);
        if (hasGnuTime) v.cpuSamplesMs.push(t.cpuMs);
      }
      if ((round + 1) % 5 === 0) log(`${round + 1}/${runs} rounds`);
    }
    const loadAfter = loadavg();

    const stats = variants.map((v) => {
      const s: Summary = summarize(v.samplesMs);
      const cpu = hasGnuTime ? summarize(v.cpuSamplesMs) : undefined;
      return {
        name: v.name,
        description: v.description,
        ...s,
        minMs: Math.min(...v.samplesMs),
        cpuMedianMs: cpu?.medianMs,
        samplesMsInOrder: v.samplesMs,
        cpuSamplesMsInOrder: hasGnuTime ? v.cpuSamplesMs : undefined,
      };
    });
    const [repo, installed, bare, cold] = stats as [(typeof stats)[0], (typeof stats)[0], (typeof stats)[0], (typeof stats)[0]];
    const ratio = repo.medianMs / installed.medianMs;
    const ratioOfMinima = repo.minMs / installed.minMs;
    const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string> };
    const result = {
      bench: "startup",
      date: started.toISOString(),
      smoke,
      machine: {
        cpu: cpus()[0]?.model ?? "unknown",
        cores: availableParallelism(),
        platform: `${platform()} ${release()}`,
        loadAverage1mBefore: loadBefore[0],
        loadAverage1mAfter: loadAfter[0],
      },
      node: process.version,
      inputs: {
        command: "deltanet --help",
        commit: git("rev-parse", "HEAD"),
        workingTreeClean: git("status", "--porcelain", "--untracked-files=no") === "",
        packageVersion: manifest.version,
        tarballBytes: statSync(packed.tarball).size,
        tarballFiles: packed.files.length,
        runtimeDependencies: manifest.dependencies,
        runsPerVariant: runs,
        packAndInstallMs: packInstallMs,
      },
      results: stats,
      ratioOfMedians: ratio,
      ratioOfMinima,
      ratioColdCache: cold.medianMs / installed.medianMs,
      ratioOfCpuMedians: hasGnuTime ? repo.cpuMedianMs! / installed.cpuMedianMs! : undefined,
      target: `≥ ${TARGET_RATIO}× (repository median / installed median)`,
      met: ratio >= TARGET_RATIO,
      caveat:
        loadBefore[0]! > 0.5 || loadAfter[0]! > 0.5
          ? `load average ${loadBefore[0]!.toFixed(2)} → ${loadAfter[0]!.toFixed(2)} on ${availableParallelism()} cores: other processes used the CPU, so single times are noisy (both variants alternate, so the ratio is less affected)`
          : undefined,
    };

    const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
    const out = [
      `deltanet start-up bench — ${result.date}`,
      `machine: ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.platform}; Node ${result.node}; load average (1 min) ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after`,
      `inputs: deltanet ${manifest.version} at ${result.inputs.commit ?? "?"}${result.inputs.workingTreeClean ? "" : " (uncommitted changes)"}; tarball ${(result.inputs.tarballBytes / 1024).toFixed(0)} KiB, ${packed.files.length} files; ${runs} runs per variant`,
      "",
      line(["variant", "median (ms)", "min (ms)", "p90 (ms)", "CPU median (ms)"]),
      line(["---", "---:", "---:", "---:", "---:"]),
      ...stats.map((s) => line([s.description, s.medianMs.toFixed(0), s.minMs.toFixed(0), s.p90Ms.toFixed(0), s.cpuMedianMs?.toFixed(0) ?? "–"])),
      "",
      `start-up ratio, repository / installed: ${ratio.toFixed(2)}× by medians, ${ratioOfMinima.toFixed(2)}× by minima (target ≥ ${TARGET_RATIO}×: ${result.met ? "met" : "NOT met"})`,
      ...(result.ratioOfCpuMedians !== undefined
        ? [`CPU time (user + system, all threads), repository / installed: ${result.ratioOfCpuMedians.toFixed(2)}× by medians (less sensitive to other load than wall time)`]
        : []),
      `first start (tsx cache disabled) / installed: ${(cold.medianMs / installed.medianMs).toFixed(2)}× by medians (context only: the target compares warm starts)`,
      `above Node's own start-up (${bare.medianMs.toFixed(0)} ms): repository ${(repo.medianMs - bare.medianMs).toFixed(0)} ms, installed ${(installed.medianMs - bare.medianMs).toFixed(0)} ms`,
      ...(result.caveat ? [`caveat: ${result.caveat}`] : []),
    ].join("\n");
    process.stdout.write(`${out}\n`);
    // Smoke runs (CI) write under the git-ignored bench/.build, so they never overwrite committed results.
    const dir = resolve(REPO_ROOT, smoke ? "bench/.build/results" : "bench/results");
    mkdirSync(dir, { recursive: true });
    const file = resolve(dir, `startup-${started.toISOString().slice(0, 10)}${smoke ? "-smoke" : ""}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${file}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
