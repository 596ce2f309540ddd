/**
 * CLI progress: a cli-progress bar with ETA on stderr for long batch runs, silent when stderr is not a terminal or
 * with `--quiet`; log lines (retries, failures) print above the bar, or as plain stderr lines without one.
 */
import cliProgress from "cli-progress";

/** A progress display: `update` with counts, `log` a line, `stop` when done. */
export interface ProgressDisplay {
  update(done: number, total: number, failed: number): void;
  log(line: string): void;
  stop(): void;
}

/**
 * Creates the progress display of a batch run.
 * @param quiet `--quiet`: no bar; log lines still go to stderr (they report failures)
 * @example const progress = createProgress("road-n-1", false); progress.update(3, 72, 0); progress.stop();
 */
export function createProgress(label: string, quiet: boolean): ProgressDisplay {
  const stream = process.stderr;
  if (quiet || !stream.isTTY) {
    return { update: () => undefined, log: (line) => void stream.write(`deltanet: ${line}\n`), stop: () => undefined };
  }
  const multi = new cliProgress.MultiBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} scenarios | {failed} failed | ETA {eta_formatted} | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total, failed) {
      if (!bar) bar = multi.create(total, done, { failed });
      bar.setTotal(total);
      bar.update(done + failed, { failed });
    },
    log: (line) => multi.log(`deltanet: ${line}\n`),
    stop: () => multi.stop(),
  };
}
