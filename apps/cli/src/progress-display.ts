import {
  createDashboardWriter,
  createProgressJob,
  formatProgressEvent,
  formatProgressLine,
  type DashboardWriter,
  type ProgressJob,
  type StageDefinition,
} from '@retail-datagen/progress';
import type { Output } from './program.js';

/** How the user asked to see progress. */
export interface ProgressFlags {
  json?: boolean;
  quiet?: boolean;
  dashboard?: string;
}

/** A job wired to the terminal (or JSON, or nothing) and optionally to an HTML dashboard. */
export interface ProgressDisplay {
  readonly job: ProgressJob;
  /** Ends the display after the job ended: the final update, the final dashboard. */
  close(): Promise<void>;
}

/** Whether the CLI draws a live bar: stderr is a terminal and TERM is not dumb. */
function isInteractive(stream: NodeJS.WritableStream): boolean {
  return (stream as NodeJS.WriteStream).isTTY === true && process.env.TERM !== 'dumb';
}

/**
 * Creates the run's progress job and shows it: `--json` writes one JSON event
 * per update to stdout (the last one a summary); otherwise on a terminal a
 * live bar on stderr, elsewhere a plain line on stderr at least every 5 s;
 * `--quiet` shows nothing. `--dashboard FILE` keeps an HTML page up to date.
 */
export function startProgressDisplay(name: string, stages: StageDefinition[], flags: ProgressFlags, output: Output): ProgressDisplay {
  const job = createProgressJob({ name, stages });
  const interactive = isInteractive(output.stderr);
  if (flags.json) {
    job.subscribe((update) => output.stdout.write(formatProgressEvent(update)), { intervalMs: 500 });
  } else if (!flags.quiet && interactive) {
    job.subscribe(
      (update) => {
        output.stderr.write(`\r${formatProgressLine(update.value)}\x1b[K${update.final ? '\n' : ''}`);
      },
      { intervalMs: 200 },
    );
  } else if (!flags.quiet) {
    job.subscribe((update) => output.stderr.write(`${formatProgressLine(update.value, { barWidth: 0 })}\n`), { intervalMs: 5_000, heartbeatMs: 5_000 });
  }
  let dashboard: DashboardWriter | undefined;
  if (flags.dashboard) {
    dashboard = createDashboardWriter({ file: flags.dashboard, snapshots: () => [job.snapshot()] });
    dashboard.start();
  }
  return {
    job,
    async close() {
      if (job.status === 'running') job.fail(new Error('the run ended without completing'));
      await dashboard?.stop();
      await job.settled();
    },
  };
}
