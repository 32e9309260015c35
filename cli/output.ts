import { ZodError } from 'zod';
import { isApiError } from '../shared/api/errors';

/** Exit codes shared by every command (documented in the README). */
export const EXIT = {
  ok: 0,
  failed: 1,
  badInput: 2,
  finishedWithExceptions: 3,
} as const;

export interface OutputOptions {
  json?: boolean;
}

/** Prints a result: JSON for scripts (`--json`), or the human rendering. */
export function emit(options: OutputOptions, value: unknown, human: () => string): void {
  if (options.json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  else process.stdout.write(`${human()}\n`);
}

/** Prints an error on stderr (JSON with --json) and returns the exit code it maps to. */
export function reportError(options: OutputOptions, error: unknown): number {
  const api = isApiError(error) ? error : undefined;
  const invalid = error instanceof ZodError;
  const code = invalid || (api && api.status < 500) ? EXIT.badInput : EXIT.failed;
  const message = invalid
    ? error.issues.map((i) => i.message).join('; ')
    : error instanceof Error
      ? error.message
      : String(error);
  if (options.json) {
    process.stderr.write(
      `${JSON.stringify({ error: { code: api?.code ?? 'error', message, details: api?.details } })}\n`,
    );
  } else {
    process.stderr.write(`error: ${message}\n`);
  }
  return code;
}

/** A fixed-width text table for terminal output. */
export function table(headers: string[], rows: Array<Array<string | number | undefined>>): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === undefined ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => (c ?? '').padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
