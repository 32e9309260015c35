import { reportError, type OutputOptions } from './output';

/** Wraps a command action: errors become a message and an exit code, never a stack trace. */
export function run<A extends unknown[]>(
  action: (...args: A) => Promise<number | void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const command = args[args.length - 1] as { optsWithGlobals?: () => OutputOptions };
    const options = command.optsWithGlobals?.() ?? {};
    try {
      const code = await action(...args);
      process.exitCode = typeof code === 'number' ? code : 0;
    } catch (error) {
      process.exitCode = reportError(options, error);
    }
  };
}

export function globalOptions(command: unknown): OutputOptions & Record<string, unknown> {
  return (
    command as { optsWithGlobals: () => OutputOptions & Record<string, unknown> }
  ).optsWithGlobals();
}
