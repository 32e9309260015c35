/** startNew with the id of an instance that is still running (singleton guard). */
export class InstanceAlreadyRunningError extends Error {
  constructor(
    readonly instanceId: string,
    readonly runtimeStatus: string,
  ) {
    super(
      `Orchestration instance '${instanceId}' already exists and is ${runtimeStatus}; ` +
        'use getStatus() to follow it or wait until it finishes before starting it again.',
    );
    this.name = 'InstanceAlreadyRunningError';
  }
}

export class InstanceNotFoundError extends Error {
  constructor(readonly instanceId: string) {
    super(`No orchestration instance '${instanceId}' exists.`);
    this.name = 'InstanceNotFoundError';
  }
}

export class InstanceNotRunningError extends Error {
  constructor(
    readonly instanceId: string,
    readonly runtimeStatus: string,
  ) {
    super(`Orchestration instance '${instanceId}' is ${runtimeStatus}; it accepts no more events.`);
    this.name = 'InstanceNotRunningError';
  }
}

/** The replay produced different actions than the ones scheduled before. */
export class NonDeterministicOrchestrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonDeterministicOrchestrationError';
  }
}

export class WaitForCompletionTimeoutError extends Error {
  constructor(instanceId: string, timeoutMs: number, runtimeStatus: string | undefined) {
    super(
      `Orchestration instance '${instanceId}' did not finish within ${timeoutMs} ms ` +
        `(status: ${runtimeStatus ?? 'not found'}).`,
    );
    this.name = 'WaitForCompletionTimeoutError';
  }
}
