import { SingleBar, Presets } from 'cli-progress';

/** A progress bar on a terminal; silent when output is piped or --json is set. */
export interface Progress {
  update(done: number, total: number, label: string): void;
  stop(): void;
}

export function createProgress(enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: ' {bar} {value}/{total} {label}', stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label) {
      if (!started) {
        bar.start(Math.max(total, 1), done, { label });
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { label });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
