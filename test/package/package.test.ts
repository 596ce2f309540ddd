/**
 * The package a user installs: `npm pack` lists exactly the runtime files (compiled dist/, bin, bundled networks and
 * scenarios, licences), and the tarball installed offline into an empty folder gives a `deltanet` command and an
 * `import … from "deltanet"` that produce the repository's own output byte for byte.
 *
 * Everything happens in temporary folders (see install-package.ts): the repository never gets a dist/ or a tarball,
 * so these tests can run twice, or beside other tests, at once. They need npm's cache filled by `npm ci`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { installedBin, installTarball, npmEnv, packRepository, REPO_ROOT, run, type PackResult } from "./install-package.ts";

const TIMEOUT_MS = 600_000;

let work: string;
let packed: PackResult;
let appDir: string;
let packageDir: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "deltanet-package-"));
  packed = packRepository(join(work, "stage"), join(work, "tarballs"));
  appDir = join(work, "app");
  packageDir = installTarball(packed.tarball, appDir);
}, TIMEOUT_MS);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

const COMPARE_ARGS = ["compare", "scenarios/baseline-2019.yaml", "scenarios/plan-2025.yaml", "--format", "json"];
let installedCompareJson: string | undefined;

/** stdout of the installed `deltanet compare … --format json`, run from the package folder (computed once). */
function installedCompare(): string {
  installedCompareJson ??= run(installedBin(appDir), COMPARE_ARGS, packageDir).stdout;
  return installedCompareJson;
}

/** Files under `dir` (relative to `root`, `/`-separated), recursively. */
function filesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split("\\").join("/"));
}

/** Files of the repository that git tracks under `paths`. */
function trackedFiles(...paths: string[]): string[] {
  const out = spawnSync("git", ["ls-files", "-z", "--", ...paths], { cwd: REPO_ROOT, encoding: "utf8" });
  if (out.status !== 0) throw new Error(`git ls-files failed: ${out.stderr}`);
  return out.stdout.split("\0").filter((p) => p !== "");
}

describe("npm pack", () => {
  test("lists exactly the compiled sources, the bin, the tracked networks/scenarios/licences and the notices", () => {
    // Modules the build leaves out (developer tools that write into the repository).
    const notBuilt = new Set(["scenario/write-scenario-schema.ts"]);
    const built = filesUnder(join(REPO_ROOT, "src"), ".")
      .filter((p) => p.endsWith(".ts") && !p.startsWith("io/yrd-build/") && !notBuilt.has(p))
      .flatMap((p) => [`dist/${p.replace(/\.ts$/, ".js")}`, `dist/${p.replace(/\.ts$/, ".d.ts")}`]);
    const data = trackedFiles("networks", "scenarios", "licenses").filter((p) => /\.(json|yaml|txt)$/.test(p) || p.endsWith("/SOURCES.md"));
    const expected = [...built, ...data, "bin/deltanet.js", "package.json", "README.md", "LICENSE", "DATA-LICENSES.md"].sort();
    expect(packed.files).toEqual(expected);
  });

  test("ships no tests, benches, CI scripts or TypeScript sources", () => {
    const unwanted = packed.files.filter((p) => /^(test|bench|\.ci|src|docs|tools)\//.test(p) || (p.endsWith(".ts") && !p.endsWith(".d.ts")));
    expect(unwanted).toEqual([]);
    for (const required of ["dist/index.js", "dist/index.d.ts", "dist/cli/main.js", "dist/engine/worker.js", "networks/yrd/network.json", "LICENSE", "DATA-LICENSES.md"]) {
      expect(packed.files).toContain(required);
    }
  });

  test("the compiled code imports only Node built-ins, its own files and the packages in `dependencies`", () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const builtins = new Set(builtinModules);
    const imported = new Set<string>();
    for (const file of filesUnder(packageDir, "dist").filter((p) => p.endsWith(".js"))) {
      const text = readFileSync(join(packageDir, file), "utf8");
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;"'()=]*?from\s*"([^"]+)"|(?:^|\n)\s*import\s*"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? "";
        if (spec.startsWith(".")) {
          expect(spec, `${file} imports ${spec}`).toMatch(/\.js$/);
          continue;
        }
        if (spec.startsWith("node:") || builtins.has(spec)) continue;
        imported.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec));
      }
    }
    expect([...imported].sort()).toEqual(Object.keys(manifest.dependencies).sort());
  });
});

describe("the tarball installed offline into an empty folder", () => {
  test(
    "`deltanet compare` on the bundled scenarios prints what the repository's CLI prints, byte for byte",
    () => {
      // Same relative paths on both sides (they are echoed in the output): run each from its package root.
      const installed = installedCompare();
      const repository = run(process.execPath, ["bin/deltanet.js", ...COMPARE_ARGS], REPO_ROOT, process.env).stdout;
      expect(installed.length).toBeGreaterThan(10_000);
      expect(JSON.parse(installed)).toMatchObject({ kind: expect.any(String), before: expect.anything(), after: expect.anything() });
      expect(installed === repository, "installed and repository outputs differ").toBe(true);
    },
    TIMEOUT_MS,
  );

  test(
    "`deltanet batch` on worker threads (the compiled worker, no TypeScript loader) gives the repository's CSV",
    () => {
      const args = (out: string) => ["batch", "scenarios/batches/road-n-1.yaml", "--workers", "2", "--out", out];
      const installedCsv = join(work, "installed-n-1.csv");
      const repositoryCsv = join(work, "repository-n-1.csv");
      run(installedBin(appDir), args(installedCsv), packageDir);
      run(process.execPath, ["bin/deltanet.js", ...args(repositoryCsv)], REPO_ROOT, process.env);
      // tsx (the repository's loader) is a development dependency: the install must not have it.
      expect(existsSync(join(appDir, "node_modules", "tsx"))).toBe(false);
      const installed = readFileSync(installedCsv, "utf8");
      expect(installed.split("\n").length).toBeGreaterThan(72);
      expect(installed === readFileSync(repositoryCsv, "utf8"), "installed and repository CSVs differ").toBe(true);
    },
    TIMEOUT_MS,
  );

  test(
    '`import { compareScenarios } from "deltanet"` in an ESM program gives the CLI\'s JSON; errors are the exported classes',
    () => {
      const program = join(appDir, "check.mjs");
      writeFileSync(
        program,
        [
          'import { compareScenarios, InputError, runScenario } from "deltanet";',
          'process.stdout.write(JSON.stringify(compareScenarios({ before: "scenarios/baseline-2019.yaml", after: "scenarios/plan-2025.yaml" }), null, 2) + "\\n");',
          'try { runScenario({ scenario: "scenarios/no-such-file.yaml" }); } catch (err) { process.stderr.write(`${err instanceof InputError} ${err.code} ${err.exitCode}\\n`); }',
          "",
        ].join("\n"),
      );
      const out = run(process.execPath, [program], packageDir);
      expect(out.stdout === installedCompare(), "library and CLI outputs differ").toBe(true);
      expect(out.stderr.trim()).toBe("true invalid-scenario 3");
    },
    TIMEOUT_MS,
  );

  test(
    "the README's \"Use as a library\" program runs from the installed package and prints the compare's figures",
    () => {
      const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
      const section = readme.slice(readme.indexOf("## Use as a library"));
      const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
      expect(code, "README has a js block under ## Use as a library").toBeDefined();
      const program = join(appDir, "readme-example.mjs");
      writeFileSync(program, code!);
      const out = run(process.execPath, [program], packageDir);
      const cmp = JSON.parse(installedCompare()) as { after: { name: string }; isochrones: { name: string; byCutoff: { cutoffMin: number; changePopulationPersons: number }[] }[] };
      const gain = (c: (typeof cmp.isochrones)[number]): number => c.byCutoff.find((r) => r.cutoffMin === 120)!.changePopulationPersons;
      const top = [...cmp.isochrones].sort((a, b) => gain(b) - gain(a))[0]!;
      expect(out.stdout.trim().split("\n")).toEqual(["baseline-2019: 41 cities", `largest gain within 120 min in ${cmp.after.name}: ${top.name} +${gain(top)} persons`]);
    },
    TIMEOUT_MS,
  );

  test(
    "a TypeScript program type-checks against the shipped declarations (real types, not any)",
    () => {
      writeFileSync(
        join(appDir, "check.ts"),
        [
          'import { compareScenarios, diffScenarios, runScenario, DeltanetError, UsageError } from "deltanet";',
          'const cmp = compareScenarios({ before: "a.yaml", after: "b.yaml" });',
          "const kind: string = cmp.kind;",
          'const error: DeltanetError = new UsageError("message", "code");',
          'console.log(kind, error, runScenario({ scenario: "a.yaml" }).provenance, diffScenarios({ a: "a.yaml", b: "b.yaml" }));',
          "// @ts-expect-error: not a field of the comparison (fails as unused if the declarations were `any`)",
          "console.log(cmp.noSuchField);",
          "// @ts-expect-error: paths are strings",
          "compareScenarios({ before: 1, after: 2 });",
          "",
        ].join("\n"),
      );
      writeFileSync(
        join(appDir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            module: "NodeNext",
            moduleResolution: "NodeNext",
            target: "ES2022",
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: ["node"],
            typeRoots: [join(REPO_ROOT, "node_modules", "@types")],
          },
          files: ["check.ts"],
        }),
      );
      const tsc = join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
      run(process.execPath, [tsc, "-p", "tsconfig.json"], appDir, npmEnv());
    },
    TIMEOUT_MS,
  );
});
