/**
 * deltanet command line (yargs): parses arguments, calls the library, prints results to stdout and logs/errors
 * to stderr, and exits with the documented code (0 ok, 1 unexpected or `check` found a regression, 2 usage,
 * 3 invalid input).
 */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { didYouMean } from "../model/did-you-mean.ts";
import { DeltanetError, InputError, formatIssue } from "../errors.ts";
import { DELTANET_VERSION } from "../version.ts";
import { commands } from "./commands/index.ts";

/** Exit codes, documented in the README. */
export const EXIT_CODES = { ok: 0, unexpected: 1, regressionFound: 1, usage: 2, invalidInput: 3, notConverged: 4 } as const;

/** Prints an error to stderr and returns its exit code. */
export function reportError(err: unknown): number {
  if (err instanceof InputError) {
    process.stderr.write(`deltanet: ${err.issues.length} problem(s) in the input:\n`);
    for (const issue of err.issues) process.stderr.write(`  ${formatIssue(issue)}\n`);
    return err.exitCode;
  }
  if (err instanceof DeltanetError) {
    process.stderr.write(`deltanet: ${err.message} [${err.code}]\n`);
    return err.exitCode;
  }
  process.stderr.write(`deltanet: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return EXIT_CODES.unexpected;
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT_CODES.ok;
  let parser = yargs(argv)
    .scriptName("deltanet")
    .version(DELTANET_VERSION)
    .strict()
    // Options are read by their kebab-case names only; without this an unknown --cutof-min is reported twice
    // ("cutof-min, cutofMin").
    .parserConfiguration({ "camel-case-expansion": false })
    .demandCommand(1, "give a command (see --help)")
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .epilogue(
      "Exit codes: 0 ok, 1 unexpected error or (check) a regression found, 2 usage error, 3 invalid input (file, line and path are printed), 4 (assign --require-convergence) not converged, 5 (batch, criticality) scenarios failed after a retry, 130 (batch) interrupted.",
    )
    .fail((msg, err, usage) => {
      // yargs reports its own validation (and `coerce` throws) as YError: a usage problem, exit 2.
      if (err && err.name !== "YError") throw err;
      throw new UsageFailure(err ? err.message : withOptionSuggestions(msg, optionNamesOf(usage)));
    });
  for (const command of commands) parser = parser.command(command);
  try {
    await parser.parseAsync();
  } catch (err) {
    if (err instanceof UsageFailure) {
      process.stderr.write(`deltanet: ${err.message}\nRun "deltanet --help" for usage.\n`);
      exitCode = EXIT_CODES.usage;
    } else {
      exitCode = reportError(err);
    }
  }
  return exitCode;
}

class UsageFailure extends Error {}

/**
 * The option names of the command being parsed, from the third argument yargs passes to `fail` (its usage object,
 * typed as Argv but holding `getDescriptions()`: option name → description). Empty if a yargs version lacks it.
 */
function optionNamesOf(usage: unknown): string[] {
  const getDescriptions = (usage as { getDescriptions?: () => Record<string, unknown> } | undefined)?.getDescriptions;
  return typeof getDescriptions === "function" ? Object.keys(getDescriptions.call(usage)) : [];
}

/**
 * Adds a "did you mean" to yargs' "Unknown argument(s): a, b" message from the command's option names (as for
 * unknown keys in scenario files); other messages are returned unchanged.
 * @example withOptionSuggestions("Unknown argument: cutof-min", ["cutoff-min", "format"])
 * // 'Unknown argument: cutof-min; did you mean "--cutoff-min"?'
 */
export function withOptionSuggestions(message: string, optionNames: readonly string[]): string {
  const m = /^Unknown arguments?: (.+)$/.exec(message);
  if (!m) return message;
  const known = optionNames.filter((o) => o.length > 1);
  const hints = m[1]!
    .split(", ")
    .map((word) => [word, didYouMean(word, known)] as const)
    .filter(([, s]) => s !== undefined)
    .map(([word, s]) => (m[1]!.includes(", ") ? `${word}: did you mean "--${s}"?` : `did you mean "--${s}"?`));
  return hints.length === 0 ? message : `${message}; ${hints.join("; ")}`;
}

/**
 * A closed stdout (e.g. `deltanet diff … | head`) is not an error: stop quietly instead of crashing on EPIPE.
 * The batch command handles its own streams and treats a closed stdout like Ctrl-C.
 */
function exitQuietlyOnClosedStdout(): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (process.stdout.listenerCount("error") > 1) return; // a command (batch) handles its own stream
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const isEntry = process.argv[1] !== undefined && /(?:^|[\\/])(?:main\.[jt]s|deltanet(?:\.js)?)$/.test(process.argv[1]);
if (isEntry) {
  exitQuietlyOnClosedStdout();
  main(hideBin(process.argv)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.exitCode = reportError(err);
    },
  );
}
