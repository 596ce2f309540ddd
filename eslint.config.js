// ESLint: the import boundaries of deltanet's layers, checked on every `npm test`.
//
//   cli → api → {io, scenario, engine, report} → model → {units, errors}
//   engine → algorithms;  scenario → io (scenario files are parsed by io, never the other way round)
//   defaults.ts holds values only and is read by api/ and cli/ alone; tools/ (the network builder) reads model/,
//   errors and units only.
//
// Each folder gets one `no-restricted-imports` block naming what it may NOT import, derived from the table of what it
// may import (ALLOWED). TypeScript syntax is parsed by Babel's parser (typescript-eslint does not support the
// TypeScript 7 compiler this project builds with); the rules checked here need syntax only.
import babelParser from "@babel/eslint-parser";

/** Every top-level module of src/ that a boundary can name: a folder, or a single file (without `.ts`). */
const MODULES = ["cli", "api", "io", "scenario", "engine", "report", "model", "algorithms", "units", "errors", "defaults", "version", "index"];

/** What each module of src/ may import besides itself (its own folder is always allowed). */
const ALLOWED = {
  index: ["api", "model", "errors", "units", "version"],
  cli: ["api", "report", "defaults", "errors", "units", "version"],
  // cli/main.ts, output.ts, progress.ts: the command-line shell around the commands (argument errors get a "did you mean").
  "cli-shell": ["api", "report", "defaults", "errors", "units", "version", "model"],
  api: ["io", "scenario", "engine", "report", "model", "defaults", "errors", "units", "version"],
  io: ["model", "errors", "units", "version"],
  scenario: ["io", "model", "errors", "units", "version"],
  engine: ["algorithms", "model", "errors", "units", "version"],
  report: ["model", "errors", "units", "version"],
  model: ["errors", "units"],
  algorithms: ["errors", "units"],
  defaults: ["model", "units"],
  units: [],
  errors: [],
  version: [],
};

/**
 * Arrows against the layering allowed for one file: `{ "src/x/y.ts": ["module"] }`, each with a comment saying why.
 * None today; the boundary test (test/lint/boundaries.test.ts) checks that the files once listed here are refused.
 */
const EXCEPTIONS = {};

/** A relative import whose first named segment is `name` (a folder `name/…` or the file `name.ts`). */
function importOf(name) {
  return `^(?:\\.\\.?/)+${name}(?:/|\\.ts$)`;
}

function restrictedImports(module, extra = []) {
  const allowed = new Set([module === "cli-shell" ? "cli" : module, ...ALLOWED[module], ...extra]);
  const forbidden = MODULES.filter((m) => !allowed.has(m));
  const patterns = forbidden.map((m) => ({
    regex: importOf(m),
    message: `${module} may not import ${m} (the layers are listed in eslint.config.js)`,
  }));
  if (module === "algorithms") {
    patterns.push({ regex: "^(?:graphology|ngraph)", message: "algorithms/ works on typed arrays only: no graph library." });
  }
  return ["error", { patterns }];
}

function filesOf(module) {
  if (module === "cli") return ["src/cli/commands/**/*.ts"];
  if (module === "cli-shell") return ["src/cli/*.ts"];
  return module === "index" || module === "units" || module === "errors" || module === "defaults" || module === "version"
    ? [`src/${module}.ts`]
    : [`src/${module}/**/*.ts`, `src/${module}/**/*.mjs`];
}

export default [
  { ignores: ["node_modules/**", "dist/**", "bench/.build/**", "bench/reference/**", ".scratch/**", "**/*.d.ts"] },
  {
    files: ["**/*.ts", "**/*.mjs", "**/*.js"],
    languageOptions: {
      parser: babelParser,
      parserOptions: { requireConfigFile: false, babelOptions: { babelrc: false, configFile: false, parserOpts: { plugins: ["typescript"] } } },
      ecmaVersion: "latest",
      sourceType: "module",
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  ...[...MODULES, "cli-shell"].map((module) => ({ files: filesOf(module), rules: { "no-restricted-imports": restrictedImports(module) } })),
  ...Object.entries(EXCEPTIONS).map(([file, extra]) => {
    const module = file.split("/")[1];
    return { files: [file], rules: { "no-restricted-imports": restrictedImports(module, extra) } };
  }),
  {
    // The builder's tests read the committed network through src/io like any other test; the builder itself may not.
    files: ["tools/**/*.ts"],
    ignores: ["tools/*/test/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?:\\.\\./)+src/(?!model/|errors\\.ts$|units\\.ts$)",
              message: "the network builder (tools/) may import src/model, src/errors.ts and src/units.ts only.",
            },
          ],
        },
      ],
    },
  },
];

export { ALLOWED, EXCEPTIONS, MODULES };
