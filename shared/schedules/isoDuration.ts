/**
 * ISO 8601 calendar durations as schedules and retention use them: `P90D`, `P12W`, `P3M`, `P1Y`,
 * or combinations of Y, M, W and D (no time part: backups are days apart, not hours).
 */
const DURATION = /^P(?:(\d{1,4})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,5})D)?$/;

export interface CalendarDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

export function parseIsoDuration(value: string): CalendarDuration | undefined {
  const match = DURATION.exec(value);
  if (!match || value === 'P') return undefined;
  const [years, months, weeks, days] = match.slice(1).map((part) => Number(part ?? 0));
  if (years + months + weeks + days === 0) return undefined;
  return { years, months, weeks, days };
}

/** `date` moved back by the duration, in UTC calendar arithmetic. */
export function subtractDuration(date: Date, duration: CalendarDuration): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(result.getUTCFullYear() - duration.years);
  result.setUTCMonth(result.getUTCMonth() - duration.months);
  result.setUTCDate(result.getUTCDate() - duration.weeks * 7 - duration.days);
  return result;
}
