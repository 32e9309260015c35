import { Cron } from 'croner';

/**
 * When a schedule runs: a cron expression read in an IANA time zone (parsed by croner, a
 * dependency-free, well-kept cron library with time-zone and DST handling), or a fixed interval
 * anchored at the schedule's previous slot.
 */
export type Cadence =
  { kind: 'cron'; cron: string; timeZone: string } | { kind: 'interval'; intervalMinutes: number };

export const MIN_GAP_MINUTES = 15;
export const MAX_INTERVAL_MINUTES = 10080;
export const DEFAULT_INTERVAL_MINUTES = 1440;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function cronOf(cron: string, timeZone: string): Cron {
  // No callback: croner only evaluates the pattern and starts no timer.
  return new Cron(cron, { timezone: timeZone, paused: true });
}

/** Why a cron expression cannot be a backup schedule, or undefined when it can. */
export function cronProblem(cron: string, timeZone: string): string | undefined {
  if (!isTimeZone(timeZone)) return `unknown time zone "${timeZone}" (use an IANA name)`;
  let job: Cron;
  try {
    job = cronOf(cron, timeZone);
  } catch (error) {
    return `invalid cron expression: ${(error as Error).message}`;
  }
  const runs = job.nextRuns(4, new Date());
  if (runs.length < 2) return 'the cron expression never runs again';
  for (let i = 1; i < runs.length; i++) {
    if (runs[i].getTime() - runs[i - 1].getTime() < MIN_GAP_MINUTES * 60_000) {
      return `runs more often than every ${MIN_GAP_MINUTES} minutes`;
    }
  }
  return undefined;
}

/**
 * The first slot strictly after `after`. Slots missed while the app was stopped are not replayed:
 * the caller runs the due schedule once, then asks for the next slot after now.
 */
export function nextRunAfter(cadence: Cadence, after: Date, anchor?: Date): Date {
  if (cadence.kind === 'cron') {
    const next = cronOf(cadence.cron, cadence.timeZone).nextRun(after);
    if (!next) throw new Error(`cron "${cadence.cron}" has no run after ${after.toISOString()}`);
    return next;
  }
  const step = cadence.intervalMinutes * 60_000;
  const start = anchor ?? after;
  let next = start.getTime();
  if (!(next > after.getTime())) {
    next += (Math.floor((after.getTime() - next) / step) + 1) * step;
  }
  return new Date(next);
}
