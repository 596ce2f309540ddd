/**
 * deltanet error hierarchy: every failure a user can cause carries a code, the file, and where known
 * the line/column and the path inside the file, so the CLI can print one precise message per problem.
 */

/** Where in an input a problem sits. `line`/`column` are 1-based; `path` is a JSON-pointer-like dotted path. */
export interface SourcePosition {
  /** File the problem is in (as given by the user, or resolved absolute path). */
  file?: string;
  /** 1-based line number, when the parser kept positions. */
  line?: number;
  /** 1-based column number, when the parser kept positions. */
  column?: number;
  /** Path inside the file, e.g. `modifications[2].links[0]`. */
  path?: string;
}

/** One problem found while reading or validating an input. */
export interface Issue extends SourcePosition {
  /** Stable machine-readable code, e.g. `unknown-key`, `unknown-link`, `not-a-number`. */
  code: string;
  /** Human-readable message: what was wrong and what was expected. */
  message: string;
  /** `error` stops the run; `warning` is reported and the run continues. */
  severity?: "error" | "warning";
}

/** Formats an issue as `file:line:column path: message`. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.line !== undefined ? issue.column : undefined]
    .filter((x) => x !== undefined && x !== "")
    .join(":");
  const path = issue.path ? ` at ${issue.path}` : "";
  const prefix = where ? `${where}${path}: ` : path ? `${path.trim()}: ` : "";
  const sev = issue.severity === "warning" ? "warning: " : "";
  return `${prefix}${sev}${issue.message} [${issue.code}]`;
}

/** Base class; `exitCode` is what the CLI exits with (see README "Exit codes"). */
export class DeltanetError extends Error {
  readonly code: string;
  readonly exitCode: number;
  constructor(message: string, code: string, exitCode: number) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
  }
}

/**
 * Bad input data (network file, scenario file, CSV, CLI argument value): exit code 3.
 * Carries every issue found, so a user can fix them all at once.
 */
export class InputError extends DeltanetError {
  readonly issues: Issue[];
  constructor(issues: Issue[] | Issue, code = "invalid-input") {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map(formatIssue).join("\n"), code, 3);
    this.issues = list;
  }
  /** Position of the first issue (convenience for tests). */
  get file(): string | undefined {
    return this.issues[0]?.file;
  }
  get line(): number | undefined {
    return this.issues[0]?.line;
  }
  get path(): string | undefined {
    return this.issues[0]?.path;
  }
}

/** A scenario that parses but cannot be applied to its network (unknown ids, cycles, no-op changes): exit code 3. */
export class ScenarioError extends InputError {
  constructor(issues: Issue[] | Issue) {
    super(issues, "invalid-scenario");
  }
}

/** Wrong arguments to a library function (a programming error by the caller): exit code 2 at the CLI. */
export class UsageError extends DeltanetError {
  constructor(message: string, code = "usage") {
    super(message, code, 2);
  }
}

/**
 * An iterative computation (traffic assignment) stopped before reaching its convergence target, raised only when the
 * caller asked for convergence (`deltanet assign --require-convergence`): exit code 4. The result itself reports
 * `converged: false` as data; this error is the CLI's way to turn it into an exit code.
 */
export class NotConvergedError extends DeltanetError {
  constructor(message: string, code = "not-converged") {
    super(message, code, 4);
  }
}

/**
 * `deltanet check` found a regression: the candidate breaks at least one check rule. Exit code 1, the code CI reads
 * as "the check failed" (the report itself is already written; this error only carries the verdict to the exit code).
 */
export class RegressionFoundError extends DeltanetError {
  constructor(message: string, code = "regression-found") {
    super(message, code, 1);
  }
}

/** Options of an {@link IssueList}. */
export interface IssueListOptions {
  /** Most issues kept, in total or (with `perCode`) per issue code; integer ≥ 1, default 50. */
  max?: number;
  /** Cap each issue code separately instead of the whole list (default false). */
  perCode?: boolean;
  /**
   * The issue that reports how many were left out (`count` ≥ 1; `code` is the capped code with `perCode`), appended
   * after the kept issues. Default: `{ code: "too-many-issues", message: "<count> more issue(s) omitted" }`.
   */
  omitted?: (count: number, code: string | undefined) => Issue;
}

/**
 * The one collector of input problems: add every problem found, keep at most `max` (so a file with a million bad
 * lines still gives a readable report), then throw them all at once. Left-out problems are counted in one closing
 * issue, never dropped silently.
 * @example
 * const issues = new IssueList({ max: 2 });
 * for (const line of [1, 2, 3]) issues.add({ line, code: "bad", message: "bad line" });
 * issues.list().length // 3: two kept, one "1 more issue(s) omitted"
 * issues.throwIfAny("invalid-dimacs") // throws InputError with those 3 issues
 */
export class IssueList {
  private readonly kept: Issue[] = [];
  private readonly omittedByCode = new Map<string | undefined, number>();
  private readonly keptByCode = new Map<string, number>();
  private readonly max: number;
  private readonly perCode: boolean;
  private readonly omittedIssue: (count: number, code: string | undefined) => Issue;

  constructor(options: IssueListOptions = {}) {
    this.max = options.max ?? 50;
    this.perCode = options.perCode ?? false;
    this.omittedIssue = options.omitted ?? ((count) => ({ code: "too-many-issues", message: `${count} more issue(s) omitted` }));
  }

  /** Adds a problem: kept while under the cap, counted otherwise. */
  add(issue: Issue): void {
    const key = this.perCode ? issue.code : undefined;
    // Closing issues come in the order their codes were first seen.
    if (!this.omittedByCode.has(key)) this.omittedByCode.set(key, 0);
    const kept = this.perCode ? (this.keptByCode.get(issue.code) ?? 0) : this.kept.length;
    if (kept < this.max) {
      this.kept.push(issue);
      if (this.perCode) this.keptByCode.set(issue.code, kept + 1);
      return;
    }
    this.omittedByCode.set(key, (this.omittedByCode.get(key) ?? 0) + 1);
  }

  /** Adds every problem of `issues`, in order. */
  addAll(issues: Iterable<Issue>): void {
    for (const issue of issues) this.add(issue);
  }

  /** Number of problems added, kept or not. */
  get count(): number {
    let omitted = 0;
    for (const n of this.omittedByCode.values()) omitted += n;
    return this.kept.length + omitted;
  }

  /** The kept problems followed by one closing issue per capped list (or code) saying how many were left out. */
  list(): Issue[] {
    const out = [...this.kept];
    for (const [code, count] of this.omittedByCode) if (count > 0) out.push(this.omittedIssue(count, code));
    return out;
  }

  /**
   * Throws when any problem was added.
   * @param code the error code of the thrown {@link InputError} (default `invalid-input`)
   * @throws InputError with {@link list} as its issues (exit code 3)
   */
  throwIfAny(code = "invalid-input"): void {
    if (this.count > 0) throw new InputError(this.list(), code);
  }
}
